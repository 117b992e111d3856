/**
 * Bad input for a route, generated from its zod schemas with a seeded PRNG (issue 8 §7b): starting
 * from a valid call, one case changes one thing: a field of the wrong type, missing, too long, with
 * control or bidi characters, a huge or negative number, an unknown enum value, a malformed or
 * unknown id, an impossible date (2026-02-30), a too-long or too-deep array or object; or the body
 * as a whole (not JSON, not an object, nested 10 000 deep, over the size limit). Every case is bad
 * by the contract or names a record that does not exist, so the server must answer 4xx.
 */
import type { ZodType } from 'zod';
import { idSchema, isoDateSchema, monthSchema } from '../src/common/contracts/common.js';
import type { Call } from './access/world.js';
import type { RouteKey, RouteSchemas } from './route-schemas.js';
import { check, checks, def, maxLength, minLength, unwrap, type Unwrapped } from './zod-walk.js';

export interface Case {
  /** What the case changes, e.g. "body.items.0.name: control characters" */
  label: string;
  call: Call;
}

/** A seeded PRNG (mulberry32), so every run makes the same cases. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string, base: number): number {
  let h = 0x811c9dc5 ^ base;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** An id of the right shape that names no record. */
export const UNKNOWN_ID = '019ea4f5-0000-7000-8000-00000000dead';
const MALFORMED_IDS = ['../../etc/passwd', "1' OR '1'='1", 'x'.repeat(65), '%00', '<script>', '测试'];
const BAD_DATES = ['2026-02-30', '2026-13-01', '26-6-8', '2026/06/08', '明天'];

type Where = 'params' | 'query' | 'body';
/**
 * A bad value. Structural ones (wrong type, unknown enum value, ...) are kept only when the contract
 * refuses them: an object with unknown keys is valid input (they are ignored). The others are bad
 * whatever the contract says, and the server must refuse them all the same: an unknown or malformed
 * id, an impossible date, control or bidi characters in stored text, a string, number or array
 * without a bound.
 */
type Bad = [label: string, value: unknown, structural: boolean];

const isIdKey = (key: string) => /Id$/.test(key);
const bound = (s: ZodType, name: 'greater_than' | 'less_than') => check(s, name)?.value as number | undefined;

/** Bad values for one field, by its type; `where` decides what is representable (a query is text). */
function badValues(u: Unwrapped, key: string, where: Where, filter: boolean): Bad[] {
  const s = u.schema;
  const d = def(s);
  const out: Bad[] = [];
  const text = where !== 'body';
  if (!u.nullable && where === 'body') out.push(['null', null, true]);
  switch (d.type) {
    case 'string': {
      const max = maxLength(s);
      const isId = u.named === idSchema || isIdKey(key) || where === 'params';
      const isDate = u.named === isoDateSchema || u.named === monthSchema || d.format === 'datetime';
      if (!text) {
        out.push(['a number', 12345, true], ['an object', { a: 1 }, true], ['an array', ['x'], true]);
        out.push(['a boolean', true, true]);
      }
      out.push([`${max ? max + 1 : 100_000} characters`, 'x'.repeat(max ? max + 1 : 100_000), !!max]);
      if ((minLength(s) ?? 0) > 0) out.push(['empty', '', true], ['only spaces', '   ', false]);
      if (isId) {
        if (!filter) out.push(['an unknown id', UNKNOWN_ID, false]);
        for (const m of MALFORMED_IDS) out.push([`a malformed id ${JSON.stringify(m)}`, m, false]);
      }
      if (isDate) for (const b of BAD_DATES) out.push([`the date ${b}`, b, false]);
      if (!text && !isId && !isDate) {
        out.push(['control characters', 'a\u0000b\u0007c\u001b[2J', false]);
        out.push(['bidi override', '\u202egnp.exe\u202c', false]);
      }
      if (text) out.push(['a repeated parameter', ['a', 'b'], true]);
      break;
    }
    case 'number': {
      const int = checks(s).some((c) => c.format === 'safeint' || c.format === 'int32');
      const max = bound(s, 'less_than');
      const min = bound(s, 'greater_than');
      out.push(['text', 'abc', true], ['1e308', text ? '1e400' : 1e308, true]);
      out.push(max === undefined ? ['an unbounded huge number', 1e15, false] : [`above ${max}`, max + 1, true]);
      out.push(min === undefined ? ['an unbounded negative number', -1, false] : [`below ${min}`, min - 1, true]);
      if (int) out.push(['a fraction', 1.5, true]);
      if (!text) out.push(['numeric text', '12', true], ['a boolean', true, true]);
      break;
    }
    case 'boolean':
      out.push(['text', 'yes', true], ['a number', 2, true]);
      break;
    case 'enum':
    case 'literal':
      out.push(['an unknown value', 'zzz-unknown', true], ['a number', 7, true]);
      if (text) out.push(['a repeated parameter', ['a', 'b'], true]);
      break;
    case 'array': {
      const max = maxLength(s);
      out.push(['not an array', 'x', true], ['an object', { 0: 'x' }, true], ['nested arrays', nest([], 200), true]);
      out.push([`${max ? max + 1 : 10_000} elements`, { copies: max ? max + 1 : 10_000 }, !!max]);
      break;
    }
    case 'object':
    case 'record':
      out.push(
        ['text', 'x', true],
        ['an array', [], true],
        ['a number', 42, true],
        ['nested 200 deep', nest({}, 200), true],
      );
      break;
    default:
      break;
  }
  return out;
}

function nest(leaf: unknown, depth: number): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = Array.isArray(leaf) ? [v] : { a: v };
  return v;
}

interface Slot {
  where: Where;
  path: (string | number)[];
  u: Unwrapped;
  key: string;
}

/** The fields of a schema, walked alongside the valid value (arrays through their first element). */
function slots(where: Where, schema: ZodType, value: unknown, path: (string | number)[], out: Slot[]): void {
  const u = unwrap(schema);
  const d = def(u.schema);
  if (path.length) out.push({ where, path, u, key: String(path[path.length - 1]) });
  if (path.length > 6) return;
  if (d.type === 'object') {
    const shape = d.shape as Record<string, ZodType>;
    const v = (value ?? {}) as Record<string, unknown>;
    if (typeof v !== 'object') return;
    for (const [k, s] of Object.entries(shape)) {
      if (v[k] !== undefined || !path.length) slots(where, s, v[k], [...path, k], out);
      else out.push({ where, path: [...path, k], u: unwrap(s), key: k });
    }
  } else if (d.type === 'array' && Array.isArray(value) && value.length) {
    slots(where, d.element as ZodType, value[0], [...path, 0], out);
  } else if (d.type === 'union') {
    const opt = (d.options as ZodType[]).find((o) => o.safeParse(value).success);
    const od = opt && def(unwrap(opt).schema);
    if (od?.type === 'object') {
      for (const [k, s] of Object.entries(od.shape as Record<string, ZodType>)) {
        slots(where, s, (value as Record<string, unknown>)[k], [...path, k], out);
      }
    }
  } else if (d.type === 'record' && value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value).slice(0, 3)) slots(where, d.valueType as ZodType, v, [...path, k], out);
  }
}

function withValue(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const copy = structuredClone(root ?? {}) as Record<string | number, unknown>;
  let cur = copy;
  for (const p of path.slice(0, -1)) {
    if (cur[p] === undefined || cur[p] === null || typeof cur[p] !== 'object') cur[p] = {};
    cur = cur[p] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] as string | number;
  if (remove) delete cur[last];
  else cur[last] = value;
  return copy;
}

const DEEP = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;

interface Candidate {
  label: string;
  /** Kept only when the contract refuses it (see Bad) */
  structural: boolean;
  make: () => Call;
}

/** Query values as they arrive: text, or a list for a repeated key. */
function asQuery(q: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]),
  );
}

/** Does the contract refuse this call? (Only asked of structural cases.) */
function refused(schemas: RouteSchemas, call: Call): boolean {
  if (call.raw) {
    try {
      return !!schemas.body && !schemas.body.safeParse(JSON.parse(call.raw.payload)).success;
    } catch {
      return true;
    }
  }
  return (
    (!!schemas.params && !schemas.params.safeParse(call.params ?? {}).success) ||
    (!!schemas.query && !schemas.query.safeParse(asQuery(call.query)).success) ||
    (!!schemas.body && !schemas.body.safeParse(call.body).success)
  );
}

function candidates(route: RouteKey, schemas: RouteSchemas, base: Call, filters: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  const found: Slot[] = [];
  if (schemas.params) slots('params', schemas.params, base.params, [], found);
  if (schemas.query) slots('query', schemas.query, base.query, [], found);
  if (schemas.body) slots('body', schemas.body, base.body, [], found);
  for (const slot of found) {
    const name = `${slot.where}.${slot.path.join('.')}`;
    const root = slot.where === 'params' ? base.params : slot.where === 'query' ? base.query : base.body;
    const set = (v: unknown, remove = false) => ({ ...base, [slot.where]: withValue(root, slot.path, v, remove) });
    if (!slot.u.optional && slot.where !== 'params') {
      out.push({ label: `${name}: missing`, structural: true, make: () => set(undefined, true) });
    }
    const filter = slot.where === 'query' && (slot.key !== 'unitId' || filters.includes(slot.key));
    for (const [label, value, structural] of badValues(slot.u, slot.key, slot.where, filter)) {
      if (slot.where === 'params' && typeof value !== 'string' && typeof value !== 'number') continue;
      const copies = (value as { copies?: number } | null)?.copies;
      const first = Array.isArray(getAt(root, slot.path)) ? (getAt(root, slot.path) as unknown[])[0] : undefined;
      const make = () =>
        set(
          copies
            ? Array.from({ length: copies }, () => structuredClone(first ?? 'x'))
            : slot.where === 'params'
              ? String(value)
              : value,
        );
      out.push({ label: `${name}: ${label}`, structural, make });
    }
  }
  const { body: _b, ...rest } = base;
  const raw = (payload: string, contentType = 'application/json') => ({ ...rest, raw: { payload, contentType } });
  const transport = (label: string, make: () => Call) => out.push({ label: `body: ${label}`, structural: false, make });
  if (!route.startsWith('GET ')) transport('not JSON', () => raw('{"a":'));
  if (schemas.body) {
    for (const [label, body] of [
      ['null', null],
      ['an array', [base.body]],
      ['a string', 'text'],
      ['a number', 12345],
    ] as const) {
      out.push({ label: `body: ${label}`, structural: true, make: () => ({ ...rest, body }) });
    }
    out.push({ label: 'body: missing', structural: true, make: () => rest });
    out.push({ label: 'body: nested 10 000 deep', structural: true, make: () => raw(DEEP) });
    transport('over 5 MB', () => raw(JSON.stringify({ x: 'x'.repeat(5 * 1024 * 1024 + 10) })));
    transport('text/plain', () => raw(JSON.stringify(base.body), 'text/plain'));
  }
  return out;
}

function getAt(root: unknown, path: (string | number)[]): unknown {
  let cur = root;
  for (const p of path) cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[p] : undefined;
  return cur;
}

/**
 * `n` bad cases for a route, drawn in a seeded order from every candidate the contract refuses (or
 * that is bad whatever it says). `filters` are query keys that only filter a list: an unknown id
 * there matches nothing, which is not an error.
 */
export function casesFor(
  route: RouteKey,
  schemas: RouteSchemas,
  base: Call,
  n: number,
  random: () => number,
  filters: readonly string[] = [],
): Case[] {
  const pool = candidates(route, schemas, base, filters);
  const out: Case[] = [];
  while (out.length < n && pool.length) {
    const c = pool.splice(Math.floor(random() * pool.length), 1)[0] as Candidate;
    const call = c.make();
    if (!c.structural || refused(schemas, call)) out.push({ label: c.label, call });
  }
  return out;
}
