/**
 * The audit log as .xlsx for the auditor (issue 16 §4): the page's filters, newest first, dates
 * and times in Beijing time, the export itself audited.
 */
import { auditActionLabel } from '../../../common/audit-actions.js';
import { dateIn, formatInstant } from '../../../common/time.js';
import type { AppContext } from '../../context.js';
import { findUnit } from '../orgs/index.js';
import { auditActorOf, type RequestMeta, type Actor } from '../../http/actor.js';
import { nowIso, today } from '../../platform/clock.js';
import { filtersText, tableWorkbook, type Cell } from '../../platform/xlsx-table.js';
import { searchEvents } from './audit.service.js';

const PAGE = 500;
/** At most this many events (the newest) in one file; the header says so when there are more */
export const AUDIT_EXPORT_MAX = 20_000;

export type AuditExportQuery = Omit<Parameters<typeof searchEvents>[1], 'page' | 'pageSize'>;

export async function exportAuditLog(
  ctx: AppContext,
  actor: Actor,
  q: AuditExportQuery,
  meta: RequestMeta,
): Promise<{ file: Buffer; filename: string }> {
  const events: Awaited<ReturnType<typeof searchEvents>>['items'] = [];
  let total = 0;
  for (let page = 1; events.length < AUDIT_EXPORT_MAX; page++) {
    const r = await searchEvents(ctx, { ...q, page, pageSize: PAGE });
    total = r.total;
    events.push(...r.items);
    if (page * PAGE >= r.total || !r.items.length) break;
  }
  const unitName = q.unitId ? (await findUnit(ctx.db, q.unitId))?.name : undefined;
  const filters = filtersText([
    ['人员', q.actor],
    ['单位', unitName ?? q.unitId],
    ['操作', q.action ? `${auditActionLabel(q.action) ?? ''} ${q.action}`.trim() : undefined],
    ['对象', q.entityId],
    ['起始日期', q.from],
    ['截止日期', q.to],
    ['说明', total > events.length ? `共 ${total} 条，仅导出最近的 ${events.length} 条，请缩小日期范围` : undefined],
  ]);
  const file = await tableWorkbook({
    sheet: '审计日志',
    title: '审计日志',
    filters,
    generatedAt: nowIso(ctx.clock),
    columns: [
      { header: '序号', width: 8 },
      { header: '日期', width: 12 },
      { header: '时间（北京时间）', width: 18 },
      { header: '人员', width: 14 },
      { header: '单位', width: 16 },
      { header: '操作', width: 24 },
      { header: '操作代码', width: 26 },
      { header: '对象类型', width: 14 },
      { header: '对象', width: 24 },
      { header: '变更字段', width: 20 },
      { header: '详情', width: 50 },
      { header: '请求编号', width: 20 },
    ],
    rows: events.map((e): Cell[] => [
      e.seq,
      dateIn(new Date(e.at)),
      formatInstant(e.at),
      e.actorName ?? e.actorUserId ?? '',
      e.unitName ?? '',
      auditActionLabel(e.action) ?? '',
      e.action,
      e.entityType,
      e.entityId ?? '',
      e.changedFields.join('、'),
      Object.keys(e.details).length ? JSON.stringify(e.details) : '',
      e.requestId ?? '',
    ]),
  });
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'audit.exported',
      entityType: 'audit_log',
      details: { rows: events.length, total, filters },
    }),
  );
  return { file, filename: `审计日志-${today(ctx.clock)}.xlsx` };
}
