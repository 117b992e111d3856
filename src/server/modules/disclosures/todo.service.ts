/**
 * What waits in the person's own disclosures (home 待办): this year's report when it is due (in the
 * reminder window or overdue) and not yet started, and every draft not yet submitted.
 */
import type { TodoItem } from '../../../common/contracts/home.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/actor.js';
import { today } from '../../platform/clock.js';
import * as repo from './disclosures.repository.js';
import { presentReportSummary } from './disclosures.presenter.js';
import { deadlineStatus } from './disclosures.rules.js';
import { deadlineParams, expectedReport, subjectOf } from './disclosures.shared.js';

type Todo = Omit<TodoItem, 'unitName'>;

export async function disclosuresTodo(ctx: AppContext, actor: Actor): Promise<Todo[]> {
  if (!actor.personId || actor.adminRole) return [];
  const personId = actor.personId;
  const facts = await repo.reporterFacts(ctx.db, personId);
  if (!facts) return [];
  const d = today(ctx.clock);
  const year = Number(d.slice(0, 4));
  const reports = (await repo.listReports(ctx.db, { unitIds: [], selfId: personId })).map((r) =>
    presentReportSummary(r, d),
  );
  const out: Todo[] = [];
  for (const r of reports.filter((x) => x.status === 'draft')) {
    out.push({
      kind: 'report_draft',
      title: `${r.year} 年度报告（草稿）`,
      unitId: facts.unit_id,
      deadline: r.deadline.dueDate,
      overdue: r.deadline.status === 'overdue',
      url: `/disclosures/reports/${r.id}`,
    });
  }
  if (!reports.some((r) => r.year === year && r.kind !== 'change')) {
    const [s, params, table] = await Promise.all([
      subjectOf(ctx, ctx.db, personId, facts.unit_id, d),
      deadlineParams(ctx, ctx.db, facts.unit_id, d),
      ctx.calendar.table(),
    ]);
    const expected = expectedReport(s, year, params, table);
    const status = expected ? deadlineStatus(expected.deadline, null, d) : null;
    if (expected && (status === 'reminder' || status === 'overdue')) {
      out.push({
        kind: 'report_due',
        title: `${year} 年度个人有关事项报告`,
        unitId: facts.unit_id,
        deadline: expected.deadline.dueDate,
        overdue: status === 'overdue',
        url: '/disclosures',
      });
    }
  }
  return out;
}
