/**
 * One finding path (issue 9 §3): every check and refusal in Banzi builds its finding here, with
 * the catalogue's kind, label and citation and the parameter values in force (passed in, so pure
 * *.rules.ts files can use it); an UNVERIFIED rule never blocks. A refusal is one RuleError
 * carrying its findings. No I/O.
 */
import { AppError, type ErrorCode } from '../errors.js';
import { getRule } from './catalogue.js';
import type { Finding, RuleKind } from './types.js';

/**
 * Parameter objects handed out by the rules registry may be wrapped (the test run records which
 * parameters the code reads); the wrapper answers this key with the plain values, which is what a
 * finding stores, so storing a finding does not count as reading every parameter.
 */
export const RAW_PARAMS: unique symbol = Symbol.for('banzi.rules.rawParams');

export interface FindingMessage {
  /** Chinese, shown to users, ending with the rule id, e.g. "…（PG-06）。" */
  zh: string;
  /** English: no Chinese except interpolated names and titles */
  en: string;
  /** Defaults to the catalogue's kind; may be milder, never stronger (except that UNVERIFIED blocks become warnings) */
  kind?: RuleKind;
}

const SEVERITY: Record<RuleKind, number> = { info: 0, warn: 1, block: 2 };

function plain(params: Record<string, unknown>): Record<string, unknown> {
  const raw = (params as { [RAW_PARAMS]?: Record<string, unknown> })[RAW_PARAMS];
  return { ...(raw ?? params) };
}

/** A finding of the rule `ruleId` with its facts and the parameter values in force. */
export function finding(
  ruleId: string,
  facts: Record<string, unknown>,
  params: Record<string, unknown>,
  message: FindingMessage,
): Finding {
  const rule = getRule(ruleId);
  const asked = message.kind ?? rule.kind;
  // An UNVERIFIED rule never blocks (architecture.md): it is downgraded to a warning.
  const kind: RuleKind = rule.label === 'UNVERIFIED' && asked === 'block' ? 'warn' : asked;
  if (SEVERITY[kind] > SEVERITY[rule.kind]) {
    // The catalogue must say truthfully what the code does (issue 8 §4).
    throw new Error(`${ruleId} is '${rule.kind}' in the catalogue but the code asks for '${kind}'`);
  }
  return {
    ruleId,
    kind,
    message_zh: message.zh,
    message_en: message.en,
    citation: rule.citation,
    label: rule.label,
    facts,
    params: plain(params),
  };
}

export function blocking(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.kind === 'block');
}

/**
 * A refusal where a rule applies: the HTTP answer keeps its code, message and field and carries
 * the findings. By default 422 RULE_VIOLATION with the first blocking finding's message.
 */
export class RuleError extends AppError {
  constructor(
    findings: Finding | readonly Finding[],
    opts: { code?: ErrorCode; message?: string; field?: string } = {},
  ) {
    const list = Array.isArray(findings) ? [...(findings as readonly Finding[])] : [findings as Finding];
    const first = blocking(list)[0] ?? list[0];
    super(opts.code ?? 'RULE_VIOLATION', opts.message ?? first?.message_zh ?? '', {
      ...(opts.field !== undefined ? { field: opts.field } : {}),
      findings: list,
    });
  }
}

/** Throw 422 RULE_VIOLATION when any finding blocks; warnings pass through (and ride along). */
export function assertNoBlocking(findings: readonly Finding[]): void {
  if (blocking(findings).length) throw new RuleError(findings);
}
