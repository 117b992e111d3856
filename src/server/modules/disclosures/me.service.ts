/**
 * The reporter's own page: whether and since when they report (PM-01), this year's deadline,
 * their reports, checks, cases, explanations asked of them, and who read their reports.
 * Also the audited .docx export of a report.
 */
import type { AppContext } from '../../context.js';
import { toCount } from '../../db/helpers.js';
import type { Actor, RequestMeta } from '../../http/actor.js';
import { eventsOfEntities } from '../audit/index.js';
import { currentPosts } from '../people/index.js';
import { nowIso, today } from '../../platform/clock.js';
import { listBusinessCases, listCases } from './cases.service.js';
import * as checksRepo from './checks.repository.js';
import { reportDocx } from './disclosures.docx.js';
import * as repo from './disclosures.repository.js';
import { presentCheckSummary, presentReportSummary } from './disclosures.presenter.js';
import { deadlineStatus } from './disclosures.rules.js';
import {
  deadlineParams,
  expectedReport,
  payloadAt,
  recordRead,
  relationLabel,
  subjectOf,
} from './disclosures.shared.js';
import { visibleReport } from './reports.service.js';

export async function myDisclosures(ctx: AppContext, actor: Actor, meta: RequestMeta) {
  const d = today(ctx.clock);
  const year = Number(d.slice(0, 4));
  const none = { isSubject: false, basis: null, since: null, reason: null };
  if (!actor.personId || actor.adminRole) {
    return {
      personId: null,
      personName: null,
      unitName: null,
      year,
      subject: none,
      deadline: null,
      reports: [],
      checks: [],
      cases: [],
      businessCases: [],
      pendingExplanations: 0,
    };
  }
  const personId = actor.personId;
  const facts = await repo.reporterFacts(ctx.db, personId);
  if (!facts) {
    return {
      personId,
      personName: null,
      unitName: null,
      year,
      subject: none,
      deadline: null,
      reports: [],
      checks: [],
      cases: [],
      businessCases: [],
      pendingExplanations: 0,
    };
  }
  const [s, params, table] = await Promise.all([
    subjectOf(ctx, ctx.db, personId, facts.unit_id, d),
    deadlineParams(ctx, ctx.db, facts.unit_id, d),
    ctx.calendar.table(),
  ]);
  const reports = (await repo.listReports(ctx.db, { unitIds: [], selfId: personId })).map((r) =>
    presentReportSummary(r, d),
  );
  const thisYear = reports.find((r) => r.year === year && r.kind !== 'change');
  const expected = expectedReport(s, year, params, table);
  const deadline = thisYear
    ? thisYear.deadline
    : expected
      ? { ...expected.deadline, status: deadlineStatus(expected.deadline, null, d) }
      : null;
  const checks = (await checksRepo.listChecks(ctx.db, { unitIds: [], selfId: personId })).map(presentCheckSummary);
  const cases = (await listCases(ctx, { ...actor, managed: [] }, {}, meta)).filter((c) => c.personId === personId);
  const businessCases = (await listBusinessCases(ctx, { ...actor, managed: [] }, undefined, meta)).filter(
    (c) => c.personId === personId,
  );
  return {
    personId,
    personName: facts.name,
    unitName: facts.unit_name,
    year,
    subject: { isSubject: s.isSubject, basis: s.basis, since: s.since, reason: s.specialReason },
    deadline: deadline
      ? {
          dueDate: deadline.dueDate,
          reminderFrom: deadline.reminderFrom,
          status: deadline.status,
          message: deadline.message,
        }
      : null,
    reports,
    checks,
    cases,
    businessCases,
    pendingExplanations: toCount((await checksRepo.pendingExplanationCount(ctx.db, personId))?.n),
  };
}

const READ_ACTIONS = ['disclosures.report_read'];
const PURPOSES: Record<string, string> = {
  view: '查阅',
  export: '导出',
  check: '查核比对',
  prefill: '预填下一年度',
  publication: '从业情况公示',
};

async function readsOf(ctx: AppContext, actor: Actor, reports: { id: string; year: number; person_id: string }[]) {
  const events = await eventsOfEntities(
    ctx.db,
    'disclosure_report',
    reports.map((r) => r.id),
    READ_ACTIONS,
  );
  const byId = new Map(reports.map((r) => [r.id, r]));
  return events.reverse().map((e) => ({
    at: e.at,
    actorName: e.actorName ?? '系统',
    self: e.details.self === true,
    purpose: typeof e.details.purpose === 'string' ? (PURPOSES[e.details.purpose] ?? e.details.purpose) : '',
    reportId: e.entityId ?? '',
    year: byId.get(e.entityId ?? '')?.year ?? 0,
  }));
}

/** Who read the actor's own reports (every read is in the audit log). */
export async function readsOfMine(ctx: AppContext, actor: Actor) {
  if (!actor.personId || actor.adminRole) return [];
  return readsOf(ctx, actor, await repo.listReports(ctx.db, { unitIds: [], selfId: actor.personId }));
}

/** Who read one report: for the reporter and the managing offices. */
export async function readsOfReport(ctx: AppContext, actor: Actor, id: string) {
  const r = await visibleReport(ctx, actor, id);
  return readsOf(ctx, actor, [r]);
}

/** The report in the official form layout (.docx); an audited read. */
export async function exportReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<{ file: Buffer; filename: string }> {
  const r = await visibleReport(ctx, actor, id);
  await recordRead(ctx, actor, meta, r, 'export');
  const { payload, version } = await payloadAt(ctx, ctx.db, r);
  const amendments = await repo.amendmentsOf(ctx.db, id);
  const posts = await currentPosts(ctx.db, [r.person_id], today(ctx.clock));
  const file = await reportDocx({
    personName: r.person_name,
    unitName: r.unit_name,
    post: posts.map((p) => p.title).join('、'),
    year: r.year,
    kind: r.kind,
    status: r.status,
    submittedAt: r.submitted_at,
    signature: r.signature,
    payloadHash: r.payload_hash,
    version,
    amendments: amendments.map((a) => ({ seq: a.seq, on: a.amended_on })),
    items: payload.items,
    relatives: payload.relatives.map((x) => ({ ...x, relationLabel: relationLabel(x.relation) })),
    notes: payload.notes,
    exportedAt: nowIso(ctx.clock),
  });
  return { file, filename: `${r.person_name}_${r.year}年度个人有关事项报告表.docx` };
}
