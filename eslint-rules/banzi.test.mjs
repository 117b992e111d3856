/**
 * The boundary rules fail on what they forbid (issue 9: "npm run lint fails on a cross-module deep
 * import (a test fixture shows it does)"). Fixtures live in eslint-rules/fixtures, outside the lint run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import banzi, { moduleOf } from './banzi.mjs';

const fixtures = join(import.meta.dirname, 'fixtures');
const mod = (m, f) => join(fixtures, 'src', 'server', 'modules', m, f);

function lint(file, rules) {
  const linter = new Linter({ configType: 'flat' });
  const config = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { banzi },
      rules,
    },
  ];
  return linter.verify(readFileSync(file, 'utf8'), config, { filename: file });
}

describe('banzi lint rules', () => {
  it('module-door: a deep import into another module fails, a door import passes', () => {
    const deep = lint(mod('gamma', 'gamma.service.ts'), { 'banzi/module-door': 'error' });
    expect(deep.map((m) => m.message)).toEqual([
      "'../alpha/alpha.service.js' reaches into module 'alpha': import it through 'alpha/index.js' (its public door).",
    ]);
    expect(lint(mod('alpha', 'alpha.service.ts'), { 'banzi/module-door': 'error' })).toEqual([]);
  });

  it('module-door: an exception lets the composition root list routes, and nothing else', () => {
    const allow = [{ from: '/src/server/modules/index\\.ts$', to: '/src/server/modules/[^/]+/[^/]+\\.routes\\.js$' }];
    const root = join(fixtures, 'src', 'server', 'modules', 'index.ts');
    expect(lint(root, { 'banzi/module-door': ['error', { allow }] }).map((m) => m.message)).toEqual([
      "'./alpha/alpha.service.js' reaches into module 'alpha': import it through 'alpha/index.js' (its public door).",
    ]);
    expect(lint(root, { 'banzi/module-door': 'error' })).toHaveLength(2);
    expect(moduleOf(root)).toBeNull();
    expect(moduleOf(mod('alpha', 'alpha.routes.ts'))).toBe('alpha');
  });

  it('no-module-cycle: alpha -> beta -> alpha fails on both edges', () => {
    const rules = { 'banzi/no-module-cycle': 'error' };
    expect(lint(mod('alpha', 'alpha.service.ts'), rules).map((m) => m.ruleId)).toEqual(['banzi/no-module-cycle']);
    expect(lint(mod('beta', 'beta.service.ts'), rules)[0]?.message).toContain("module 'beta' imports 'alpha'");
    expect(lint(mod('gamma', 'gamma.repository.ts'), rules)).toEqual([]);
  });

  it('sql-in-repositories: query builders and raw sql outside a repository fail', () => {
    const rules = { 'banzi/sql-in-repositories': 'error' };
    const service = lint(mod('gamma', 'gamma.service.ts'), rules);
    expect(service.map((m) => m.message)).toEqual([
      "'selectFrom' builds SQL outside a repository: move the query into the module's *.repository.ts.",
      "raw `sql` outside a repository: move the query into the module's *.repository.ts.",
    ]);
  });
});
