/**
 * Banzi's own lint rules for module boundaries (architecture.md "Module boundaries"; issue 9):
 * - module-door: code outside module M imports only M's door, `modules/M/index.ts`;
 * - no-module-cycle: the modules' import graph has no cycle;
 * - sql-in-repositories: query builders and raw `sql` live in repositories, platform/, db/ and the
 *   demo loaders only.
 * Plain ESLint rules without type information, so they also run on fixtures in tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

const MODULES_DIR = join('src', 'server', 'modules');

/**
 * The module a file belongs to: 'meetings' for src/server/modules/meetings/x.ts, else null (also
 * for the route list src/server/modules/index.ts, which belongs to no module).
 */
export function moduleOf(file) {
  const parts = file.split(sep).join('/').split('/');
  for (let i = 0; i + 4 < parts.length; i++) {
    if (parts[i] === 'src' && parts[i + 1] === 'server' && parts[i + 2] === 'modules') return parts[i + 3];
  }
  return null;
}

function isDoor(file) {
  const p = file.split(sep).join('/');
  return /\/src\/server\/modules\/[^/]+\/index\.(ts|js)$/.test(p);
}

function resolveImport(fromFile, spec) {
  if (!spec.startsWith('.')) return null;
  return resolve(dirname(fromFile), spec);
}

const moduleDoor = {
  meta: {
    type: 'problem',
    docs: { description: 'import another module only through its door (modules/<m>/index.ts)' },
    // allow: the composition roots' exceptions, each { from, to } regular expressions matched
    // against the importing file's and the imported file's paths (with '/').
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: {
              type: 'object',
              properties: { from: { type: 'string' }, to: { type: 'string' } },
              required: ['from', 'to'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      door: "'{{spec}}' reaches into module '{{target}}': import it through '{{target}}/index.js' (its public door).",
    },
  },
  create(context) {
    const file = context.filename;
    const own = moduleOf(file);
    const posix = (p) => p.split(sep).join('/');
    const allow = (context.options[0]?.allow ?? []).map((a) => ({ from: new RegExp(a.from), to: new RegExp(a.to) }));
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const target = resolveImport(file, spec);
      if (!target) return;
      const targetModule = moduleOf(target);
      if (!targetModule || targetModule === own) return;
      if (isDoor(target)) return;
      if (allow.some((a) => a.from.test(posix(file)) && a.to.test(posix(target)))) return;
      context.report({ node, messageId: 'door', data: { spec, target: targetModule } });
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

/** Module -> set of modules it imports, read from the files on disk (cached per lint run). */
const graphCache = new Map();
function listFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...listFiles(p));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}
const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
export function moduleGraph(modulesDir) {
  const key = modulesDir;
  if (graphCache.has(key)) return graphCache.get(key);
  const graph = new Map();
  for (const m of readdirSync(modulesDir)) {
    const dir = join(modulesDir, m);
    if (!statSync(dir).isDirectory()) continue;
    const deps = new Set();
    for (const f of listFiles(dir)) {
      const text = readFileSync(f, 'utf8');
      for (const match of text.matchAll(IMPORT_RE)) {
        const spec = match[1] ?? match[2];
        const target = resolveImport(f, spec);
        const tm = target && moduleOf(target);
        if (tm && tm !== m) deps.add(tm);
      }
    }
    graph.set(m, deps);
  }
  graphCache.set(key, graph);
  return graph;
}

function reaches(graph, from, to) {
  const seen = new Set();
  const stack = [from];
  while (stack.length) {
    const m = stack.pop();
    if (m === to) return true;
    if (seen.has(m)) continue;
    seen.add(m);
    for (const d of graph.get(m) ?? []) stack.push(d);
  }
  return false;
}

const noModuleCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'modules form no import cycle' },
    schema: [{ type: 'object', properties: { modulesDir: { type: 'string' } }, additionalProperties: false }],
    messages: { cycle: "module '{{from}}' imports '{{to}}', which imports '{{from}}' back (a module cycle)." },
  },
  create(context) {
    const file = context.filename;
    const own = moduleOf(file);
    if (!own) return {};
    const root = file.split(sep).join('/');
    const idx = root.lastIndexOf(`/${MODULES_DIR.split(sep).join('/')}/`);
    const modulesDir = context.options[0]?.modulesDir ?? root.slice(0, idx + MODULES_DIR.length + 1);
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const target = resolveImport(file, spec);
      const tm = target && moduleOf(target);
      if (!tm || tm === own) return;
      const graph = moduleGraph(modulesDir);
      if (reaches(graph, tm, own)) context.report({ node, messageId: 'cycle', data: { from: own, to: tm } });
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

const QUERY_METHODS = new Set(['selectFrom', 'insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto']);

const sqlInRepositories = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL lives in repositories (and platform/, db/, demo loaders)' },
    schema: [],
    messages: {
      builder: "'{{name}}' builds SQL outside a repository: move the query into the module's *.repository.ts.",
      raw: "raw `sql` outside a repository: move the query into the module's *.repository.ts.",
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const c = node.callee;
        if (c.type === 'MemberExpression' && c.property.type === 'Identifier' && QUERY_METHODS.has(c.property.name)) {
          context.report({ node, messageId: 'builder', data: { name: c.property.name } });
        }
      },
      'CallExpression[callee.type="MemberExpression"][callee.object.name="sql"]'(node) {
        context.report({ node, messageId: 'raw' });
      },
      TaggedTemplateExpression(node) {
        const t = node.tag;
        const name = t.type === 'Identifier' ? t.name : t.type === 'MemberExpression' ? t.object.name : null;
        if (name === 'sql') context.report({ node, messageId: 'raw' });
      },
    };
  },
};

export default {
  meta: { name: 'banzi' },
  rules: { 'module-door': moduleDoor, 'no-module-cycle': noModuleCycle, 'sql-in-repositories': sqlInRepositories },
};
