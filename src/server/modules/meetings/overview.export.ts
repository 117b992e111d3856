/**
 * Exports of the 集体决策 list and the 违规检测 report as .xlsx (issue 16 §4): the same query, the
 * same filters and the same scope as the page (the list functions are called, page by page), every
 * export audited in its own transaction. Dates are the Beijing dates the pages show.
 */
import { AMEND_KIND_LABELS, ITEM_KIND_LABELS, TZYD_LABELS } from '../../../common/contracts/decisions.js';
import { RESULT_LABELS, type Result } from '../../../common/contracts/meetings.js';
import { zhCN } from '../../../common/i18n/zh-CN.js';
import type { AppContext } from '../../context.js';
import { auditActorOf, type Actor, type RequestMeta } from '../../http/actor.js';
import { nowIso, today } from '../../platform/clock.js';
import { filtersText, tableWorkbook, type Cell } from '../../platform/xlsx-table.js';
import { listDecisions } from '../decisions/index.js';
import { findUnit } from '../orgs/index.js';
import { meetingReads } from './overview.routes.js';
import { violationReport } from './violations.service.js';

const PAGE = 500;
/** An export stops at this many rows (the page would need 400 pages of 50) */
export const EXPORT_MAX_ROWS = 20_000;

export interface Exported {
  file: Buffer;
  filename: string;
}

/** Every row of a paged list, page after page. */
async function allPages<T>(load: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; (page - 1) * PAGE < EXPORT_MAX_ROWS; page++) {
    const r = await load(page);
    out.push(...r.items);
    if (page * PAGE >= r.total || !r.items.length) break;
  }
  return out;
}

async function unitName(ctx: AppContext, unitId: string): Promise<string> {
  return (await findUnit(ctx.db, unitId))?.name ?? '';
}

async function audited(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  action: string,
  unitId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action,
      entityType: 'export',
      entityId: unitId,
      unitId,
      details,
    }),
  );
}

export type DecisionsExportQuery = Omit<Parameters<typeof listDecisions>[2], 'page' | 'pageSize'>;

export async function exportDecisions(
  ctx: AppContext,
  actor: Actor,
  q: DecisionsExportQuery,
  meta: RequestMeta,
): Promise<Exported> {
  const rows = await allPages((page) => listDecisions(ctx, actor, { ...q, page, pageSize: PAGE }, meetingReads));
  const name = await unitName(ctx, q.unitId);
  const filters = filtersText([
    ['年度', q.year],
    ['“三重一大”', q.tzyd ? TZYD_LABELS[q.tzyd] : undefined],
    ['事项类型', q.kind ? ITEM_KIND_LABELS[q.kind] : undefined],
    ['标题含', q.q],
  ]);
  const file = await tableWorkbook({
    sheet: '决定事项',
    title: `${name}集体决策事项清单`,
    filters,
    generatedAt: nowIso(ctx.clock),
    columns: [
      { header: '序号', width: 6 },
      { header: '决定日期', width: 12 },
      { header: '事项', width: 40 },
      { header: '类型', width: 10 },
      { header: '“三重一大”', width: 14 },
      { header: '决定方式', width: 28 },
      { header: '结果', width: 10 },
      { header: '变更情况', width: 10 },
      { header: '督办任务', width: 10 },
      { header: '已完成', width: 8 },
      { header: '逾期', width: 8 },
    ],
    rows: rows.map((r, i): Cell[] => [
      i + 1,
      r.decidedOn,
      r.title,
      ITEM_KIND_LABELS[r.kind],
      r.tzydCategory ? TZYD_LABELS[r.tzydCategory] : '',
      r.origin === 'outside_meeting' ? '会外登记（未经会议）' : (r.meetingTitle ?? ''),
      r.outcome ? (RESULT_LABELS[r.outcome as Result] ?? r.outcome) : '',
      r.amendKind ? AMEND_KIND_LABELS[r.amendKind] : '',
      r.tasks.total,
      r.tasks.done,
      r.tasks.overdue,
    ]),
  });
  await audited(ctx, actor, meta, 'decisions.list_exported', q.unitId, { rows: rows.length, filters });
  return { file, filename: `${name}集体决策事项-${today(ctx.clock)}.xlsx` };
}

export type ViolationsExportQuery = Omit<Parameters<typeof violationReport>[2], 'page' | 'pageSize'>;

const detectorLabel = (d: string) => (zhCN as Record<string, string>)[`vio.det.${d}`] ?? d;

export async function exportViolations(
  ctx: AppContext,
  actor: Actor,
  q: ViolationsExportQuery,
  meta: RequestMeta,
): Promise<Exported> {
  const units: { unitId: string; unitName: string }[] = [];
  const rows = await allPages(async (page) => {
    const r = await violationReport(ctx, actor, { ...q, page, pageSize: PAGE });
    if (page === 1) units.push(...r.units);
    return r;
  });
  const name = await unitName(ctx, q.unitId);
  const filters = filtersText([
    ['范围', q.scope === 'below' ? '所管下级单位' : '本单位'],
    ['起始日期', q.from],
    ['截止日期', q.to],
    ['规则', q.ruleId],
    ['单位', q.violationUnitId ? units.find((u) => u.unitId === q.violationUnitId)?.unitName : undefined],
  ]);
  const file = await tableWorkbook({
    sheet: '违规检测',
    title: `${name}违规检测结果`,
    filters,
    generatedAt: nowIso(ctx.clock),
    columns: [
      { header: '序号', width: 6 },
      { header: '日期', width: 12 },
      { header: '单位', width: 16 },
      { header: '规则', width: 8 },
      { header: '情形', width: 16 },
      { header: '事项', width: 30 },
      { header: '发现', width: 60 },
      { header: '依据', width: 40 },
    ],
    rows: rows.map((v, i): Cell[] => [
      i + 1,
      v.date,
      v.unitName,
      v.ruleId,
      detectorLabel(v.detector),
      v.title,
      v.finding.message_zh,
      [v.finding.citation.doc, v.finding.citation.article].filter(Boolean).join(' '),
    ]),
  });
  await audited(ctx, actor, meta, 'decisions.violations_exported', q.unitId, { rows: rows.length, filters });
  return { file, filename: `${name}违规检测-${today(ctx.clock)}.xlsx` };
}
