/**
 * Rows -> API shapes (summaries carry no report contents).
 */
import type { Classification } from '../../../common/contracts/disclosures.js';
import { fromJson, toBool } from '../../db/helpers.js';
import type { CaseWithNames, CheckWithNames } from './checks.repository.js';
import type { ReportWithNames } from './disclosures.repository.js';
import { deadlineStatus } from './disclosures.rules.js';
import { basisPointsToText, drawCount } from './disclosures.draw.js';
import type { DrawRow } from './disclosures.table.js';

const NO_DUE = '期限无法计算：工作日历未包含该年度的节假日安排';

export function presentReportSummary(r: ReportWithNames, date: string) {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    year: r.year,
    kind: r.kind as 'annual' | 'first' | 'change',
    eventDate: r.event_date,
    status: r.status as 'draft' | 'submitted',
    deadline: {
      dueDate: r.due_date,
      reminderFrom: r.reminder_from,
      status: deadlineStatus({ dueDate: r.due_date, reminderFrom: r.reminder_from }, r.submitted_on, date),
      message: r.due_date ? null : NO_DUE,
    },
    submittedAt: r.submitted_at,
    amendmentCount: r.amendment_count,
  };
}

export function presentCheckSummary(c: CheckWithNames) {
  return {
    id: c.id,
    personId: c.person_id,
    personName: c.person_name,
    unitId: c.unit_id,
    unitName: c.unit_name,
    year: c.year,
    kind: c.kind as 'random' | 'targeted' | 'pre_promotion',
    trigger: (c.trigger ?? null) as never,
    drawId: c.draw_id,
    status: c.status as 'pending' | 'classified',
    result: (c.result ?? null) as Classification | null,
    assetsFlag: toBool(c.assets_flag),
    createdAt: c.created_at,
    checkedAt: c.checked_at,
  };
}

export function presentDrawSummary(d: DrawRow & { unit_name: string }) {
  return {
    id: d.id,
    unitId: d.unit_id,
    unitName: d.unit_name,
    year: d.year,
    ratio: d.ratio_bp / 10000,
    ratioBasisPoints: d.ratio_bp,
    status: d.status as 'prepared' | 'published' | 'drawn',
    eligibleCount: d.eligible_count,
    selectCount: drawCount(d.ratio_bp, d.eligible_count),
    commitment: d.commitment,
    inputsDigest: d.inputs_digest,
    publishedAt: d.published_at,
    drawnAt: d.drawn_at,
    verifiedAt: d.verified_at,
    verifiedOk: d.verified_ok === null ? null : toBool(d.verified_ok),
  };
}

export function ratioText(bp: number): string {
  return basisPointsToText(bp);
}

export function caseBase(c: CaseWithNames) {
  return {
    id: c.id,
    checkId: c.check_id,
    personId: c.person_id,
    personName: c.person_name,
    unitId: c.unit_id,
    unitName: c.unit_name,
    year: c.year,
    classification: c.classification as 'omission' | 'concealment',
    severity: (c.severity ?? null) as 'minor' | 'serious' | null,
    status: c.status as 'open' | 'decided' | 'closed',
    measures: fromJson<string[]>(c.measures, []),
    referDiscipline: toBool(c.refer_discipline),
    openedOn: c.opened_on,
    decidedAt: c.decided_at,
    closedOn: c.closed_on,
  };
}
