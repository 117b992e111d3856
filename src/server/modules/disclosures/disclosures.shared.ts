/**
 * Helpers the disclosures use cases share: sealed (encrypted) payloads, the reporter's facts and
 * relatives, PM-01 status, deadlines, and the audited read of a report.
 */
import type { HolidayTable } from '../../../common/calendar.js';
import type { PartialItems } from '../../../common/contracts/disclosures-items.js';
import { FAMILY_RELATION_LABELS } from '../../../common/contracts/people.js';
import { notFound } from '../../../common/errors.js';
import { RANKS, levelOrdinal, type LevelCode } from '../../../common/ranks.js';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import type { Executor } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import type { AuditEventInput } from '../../platform/audit.js';
import { canonicalJson, sm3Hex, type FieldBinding } from '../../platform/crypto.js';
import type { Random } from '../../platform/random.js';
import { familyOf } from '../people/index.js';
import { param, ruleContext } from '../rules/index.js';
import * as repo from './disclosures.repository.js';
import {
  annualDeadline,
  daysAfterDeadline,
  levelFromParam,
  subjectStatus,
  type Deadline,
  type RelativeFact,
  type SubjectStatus,
} from './disclosures.rules.js';
import type { ReportRow } from './disclosures.table.js';

/** What a report row's ciphertext holds. */
export interface ReportPayload {
  items: PartialItems;
  /** The relatives named, as on the cadre record when saved (a report stays readable later) */
  relatives: RelativeFact[];
  notes: string | null;
}

/** Encrypt a value for one column of one row: it decrypts only there (issue 8 §7b). */
export function seal(ctx: AppContext, value: unknown, at: FieldBinding): string {
  return ctx.crypto.encrypt(JSON.stringify(value), at);
}

export function unseal<T>(ctx: AppContext, enc: string, at: FieldBinding): T {
  return JSON.parse(ctx.crypto.decrypt(enc, at)) as T;
}

/** Where a sealed value lives (table, column, row id). */
export function field<C extends FieldBinding['column']>(
  table: Extract<FieldBinding, { column: C }>['table'],
  column: C,
  rowId: string,
): FieldBinding {
  return { table, column, rowId } as FieldBinding;
}

/** Reasons of an item: an empty list needs no ciphertext (nothing to hide), so '' stands for []. */
export function sealReasons(ctx: AppContext, reasons: readonly unknown[], itemId: string): string {
  return reasons.length ? seal(ctx, reasons, field('disclosure_check_items', 'reasons_enc', itemId)) : '';
}

export function unsealReasons<T>(ctx: AppContext, enc: string, itemId: string): T[] {
  return enc ? unseal<T[]>(ctx, enc, field('disclosure_check_items', 'reasons_enc', itemId)) : [];
}

/**
 * The context's random source read in 4 KiB blocks: the same bytes, fewer system calls, for use
 * cases that make thousands of ids at once (a draw's checks, a batch of classifications).
 */
export function pooledRandom(random: Random): Random {
  let pool: Buffer = Buffer.alloc(0);
  let at = 0;
  const bytes = (n: number): Buffer => {
    if (n > 1024) return random.bytes(n);
    if (at + n > pool.length) {
      pool = random.bytes(4096);
      at = 0;
    }
    at += n;
    return Buffer.from(pool.subarray(at - n, at));
  };
  return { bytes, int: (max) => random.int(max) };
}

export function payloadHash(p: ReportPayload): string {
  return sm3Hex(canonicalJson(p));
}

export async function reporterOr404(db: Executor, personId: string) {
  const f = await repo.reporterFacts(db, personId);
  if (!f) throw notFound('人员');
  return f;
}

export async function relativesOf(db: Executor, personId: string): Promise<RelativeFact[]> {
  return (await familyOf(db, personId)).map((f) => ({ id: f.id, relation: f.relation, name: f.name }));
}

export function relationLabel(relation: string): string {
  return FAMILY_RELATION_LABELS[relation as keyof typeof FAMILY_RELATION_LABELS] ?? relation;
}

/** "配偶 张某" for reasons and messages. */
export function whoOf(relatives: readonly RelativeFact[]): (id: string) => string {
  const m = new Map(relatives.map((r) => [r.id, `${relationLabel(r.relation)}${r.name}`]));
  return (id) => m.get(id) ?? '（不在家庭成员名单中的亲属）';
}

/** Keep only the relatives a payload names. */
export function namedRelatives(items: PartialItems, relatives: readonly RelativeFact[]): RelativeFact[] {
  const text = JSON.stringify(items);
  return relatives.filter((r) => text.includes(`"${r.id}"`));
}

/** Rank codes at or above a level (for SQL). */
export function codesAtLeast(level: LevelCode): string[] {
  return RANKS.filter((r) => levelOrdinal(r.level) >= levelOrdinal(level)).map((r) => r.code);
}

/** PM-01 for one person on a date, with the unit's parameter. */
export async function subjectOf(
  ctx: AppContext,
  db: Executor,
  personId: string,
  unitId: string,
  date: string,
): Promise<SubjectStatus> {
  const rc = await ruleContext(ctx, 'PM-01', unitId, date, db);
  const minLevel = levelFromParam(param(rc, 'minReportingLevel')) ?? 'division_deputy';
  const [ranks, specials] = await Promise.all([repo.ranksOf(db, personId), repo.specialsOf(db, personId)]);
  return subjectStatus(ranks, specials, minLevel, date);
}

export interface DeadlineParams {
  pm04: { deadlineMonthDay: string; reminderFromMonthDay: string; fixedDeadlineRolls: boolean };
  pm05: { changeReportDays: number; newReporterDays: number };
}

export async function deadlineParams(
  ctx: AppContext,
  db: Executor,
  unitId: string,
  date: string,
): Promise<DeadlineParams> {
  const [pm04, pm05] = await Promise.all([
    ruleContext(ctx, 'PM-04', unitId, date, db),
    ruleContext(ctx, 'PM-05', unitId, date, db),
  ]);
  return {
    pm04: {
      deadlineMonthDay: param(pm04, 'deadlineMonthDay'),
      reminderFromMonthDay: param(pm04, 'reminderFromMonthDay'),
      fixedDeadlineRolls: param(pm04, 'fixedDeadlineRolls'),
    },
    pm05: { changeReportDays: param(pm05, 'changeReportDays'), newReporterDays: param(pm05, 'newReporterDays') },
  };
}

/**
 * The year's report a reporter owes: annual when a reporter on 1 January (PM-04), otherwise a
 * first report within n days of becoming one (PM-05); none when not yet a reporter that year.
 */
export function expectedReport(
  s: SubjectStatus,
  year: number,
  p: DeadlineParams,
  table: HolidayTable,
): { kind: 'annual' | 'first'; deadline: Deadline } | null {
  if (!s.isSubject || !s.since) return null;
  if (s.since <= `${year}-01-01`) return { kind: 'annual', deadline: annualDeadline(year, p.pm04, table) };
  if (s.since <= `${year}-12-31`) {
    return { kind: 'first', deadline: daysAfterDeadline(table, s.since, p.pm05.newReporterDays) };
  }
  return null;
}

type ReadPurpose = 'view' | 'export' | 'check' | 'prefill' | 'publication';

/** The audit event of one read of a report's contents. */
export function readEvent(
  actor: Actor,
  r: Pick<ReportRow, 'id' | 'unit_id' | 'person_id' | 'year'>,
  purpose: ReadPurpose,
): AuditEventInput {
  return {
    action: 'disclosures.report_read',
    entityType: 'disclosure_report',
    entityId: r.id,
    unitId: r.unit_id,
    details: { purpose, year: r.year, reporterId: r.person_id, self: actor.personId === r.person_id },
  };
}

/**
 * Every read of a report's contents is written to the audit log (the reporter's own reads too,
 * marked self), before the contents are returned: in the caller's transaction, or its own.
 */
export async function recordRead(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  r: Pick<ReportRow, 'id' | 'unit_id' | 'person_id' | 'year'>,
  purpose: ReadPurpose,
  trx?: Transaction<Database>,
): Promise<void> {
  const ev = readEvent(actor, r, purpose);
  if (trx) {
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), ev);
    return;
  }
  await ctx.db.transaction().execute((t) => ctx.audit.record(t, auditActorOf(actor, meta.requestId), ev));
}

/**
 * The read events of case pages and lists whose response carries decrypted contents (a case's
 * note, a business case's details): one event per record, written before the response leaves,
 * in the manner of report reads (issue 8 §2).
 */
export async function recordCaseReads(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  kind: 'case' | 'business_case',
  cases: readonly { id: string; unit_id: string; person_id: string; year?: number }[],
  purpose: 'list' | 'view',
): Promise<void> {
  if (!cases.length) return;
  const events: AuditEventInput[] = cases.map((c) => ({
    action: kind === 'case' ? 'disclosures.case_read' : 'disclosures.business_case_read',
    entityType: kind === 'case' ? 'disclosure_case' : 'disclosure_business_case',
    entityId: c.id,
    unitId: c.unit_id,
    details: {
      purpose,
      reporterId: c.person_id,
      self: actor.personId === c.person_id,
      ...(c.year === undefined ? {} : { year: c.year }),
    },
  }));
  await ctx.db.transaction().execute((t) => ctx.audit.recordMany(t, auditActorOf(actor, meta.requestId), events));
}

/** The payload of a report at a version (0 = as submitted; default the latest amendment). */
export async function payloadAt(
  ctx: AppContext,
  db: Executor,
  r: Pick<ReportRow, 'id' | 'payload_enc' | 'amendment_count'>,
  version?: number,
): Promise<{ payload: ReportPayload; version: number; hash: string | null }> {
  const v = version === undefined ? r.amendment_count : Math.max(0, Math.min(version, r.amendment_count));
  if (v === 0) {
    const payload = unseal<ReportPayload>(ctx, r.payload_enc, field('disclosure_reports', 'payload_enc', r.id));
    return { payload, version: 0, hash: null };
  }
  const a = (await repo.amendmentsOf(db, r.id)).find((x) => x.seq === v);
  if (!a) throw notFound('更正记录');
  const payload = unseal<ReportPayload>(ctx, a.payload_enc, field('disclosure_amendments', 'payload_enc', a.id));
  return { payload, version: v, hash: a.payload_hash };
}
