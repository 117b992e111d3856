/**
 * The catalogue tells the truth (issue 8 §4), checked over the whole integration run:
 * - every rule marked `encoded` is emitted through the HTTP API (a finding or a refusal carrying
 *   its id) by some test;
 * - no rule blocks in a response unless the catalogue says it blocks;
 * - every parameter of an encoded rule is read by the code that evaluates it.
 *
 * Vitest runs test files in separate worker processes, so each worker appends what it saw to files
 * in a per-run directory (created by global-setup.ts, named in BANZI_RULE_TRACE_DIR); the global
 * teardown reads them and fails the run. The comparison only runs when the whole integration
 * project ran (every file, no name filter): a subset of files cannot show that a rule is never
 * emitted, so then it says it was skipped. Responses of /api/rules (the catalogue itself and
 * refusals of parameter overrides) and of the demo-data test files (findings the demo builder
 * wrote) do not count as emitted.
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/common/rules/catalogue.js';
import type { RuleDef } from '../src/common/rules/types.js';

export const TRACE_ENV = 'BANZI_RULE_TRACE_DIR';

const seen = new Set<string>();
function note(file: 'emitted' | 'params', line: string): void {
  const dir = process.env[TRACE_ENV];
  if (!dir || seen.has(`${file}:${line}`)) return;
  seen.add(`${file}:${line}`);
  appendFileSync(join(dir, `${file}-${process.pid}.log`), `${line}\n`);
}

/** Findings anywhere in a JSON value: objects with a ruleId, a kind and a citation. */
export function findingsIn(
  value: unknown,
  out: { ruleId: string; kind: string }[] = [],
): { ruleId: string; kind: string }[] {
  if (Array.isArray(value)) for (const v of value) findingsIn(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.ruleId === 'string' && typeof o.kind === 'string' && o.citation && typeof o.citation === 'object') {
      out.push({ ruleId: o.ruleId, kind: o.kind });
    }
    for (const v of Object.values(o)) findingsIn(v, out);
  }
  return out;
}

/** Worker side: note the findings of one HTTP response. */
export function recordResponse(url: string, body: string, testPath: string | undefined): void {
  if (typeof body !== 'string') return; // a streamed reply (server-sent events)
  if (!process.env[TRACE_ENV] || url.startsWith('/api/rules') || /-demo\.int\.test\.ts$/.test(testPath ?? '')) return;
  if (!body.startsWith('{') && !body.startsWith('[')) return;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return;
  }
  for (const f of findingsIn(json)) note('emitted', `${f.ruleId}|${f.kind}`);
}

/** Worker side: note a parameter read (installed with onParamRead). */
export function recordParamRead(ruleId: string, key: string): void {
  note('params', `${ruleId}.${key}`);
}

export interface Trace {
  emitted: Set<string>;
  reads: Set<string>;
}

export function readTrace(dir: string): Trace {
  const t: Trace = { emitted: new Set(), reads: new Set() };
  for (const f of readdirSync(dir)) {
    const target = f.startsWith('emitted-') ? t.emitted : f.startsWith('params-') ? t.reads : null;
    if (!target) continue;
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) if (line) target.add(line);
  }
  return t;
}

export interface Drift {
  /** Rules marked encoded that no response carried */
  notEmitted: string[];
  /** Rules that blocked in a response although the catalogue does not say 'block' */
  blockingNotBlock: string[];
  /** Parameters of encoded rules the code never read */
  unread: string[];
}

export function compareDrift(rules: readonly RuleDef[], t: Trace): Drift {
  const emittedIds = new Set([...t.emitted].map((e) => e.split('|')[0]));
  return {
    notEmitted: rules.filter((r) => r.encoded && !emittedIds.has(r.id)).map((r) => r.id),
    blockingNotBlock: [...t.emitted]
      .map((e) => e.split('|'))
      .filter(([id, kind]) => kind === 'block' && rules.find((r) => r.id === id)?.kind !== 'block')
      .map(([id]) => id ?? ''),
    unread: rules
      .filter((r) => r.encoded)
      .flatMap((r) => r.params.map((p) => `${r.id}.${p.key}`))
      .filter((k) => !t.reads.has(k)),
  };
}

/** Lines describing the drift; empty when the catalogue tells the truth. */
export function driftProblems(d: Drift): string[] {
  return [
    ...(d.notEmitted.length
      ? [`rules marked encoded but never emitted through the HTTP API: ${d.notEmitted.join(', ')}`]
      : []),
    ...(d.blockingNotBlock.length
      ? [`rules that blocked although the catalogue does not say 'block': ${d.blockingNotBlock.join(', ')}`]
      : []),
    ...(d.unread.length ? [`parameters of encoded rules the code never read: ${d.unread.join(', ')}`] : []),
  ];
}

export function checkDrift(dir: string): string[] {
  return driftProblems(compareDrift(RULES, readTrace(dir)));
}
