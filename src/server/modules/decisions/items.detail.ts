/**
 * Read side of decisions: one agenda item with everything around it (procedures with their
 * findings, consultations, files, meetings it was on, amendments), and the unit's decision list.
 */
import { escapeUnsafeNameChars } from '../../../common/filenames.js';
import {
  PROCEDURE_KINDS,
  PROCEDURE_LABELS,
  type AmendKind,
  type ItemDetail,
  type ItemKind,
  type ItemStatus,
  type TzydCategory,
} from '../../../common/contracts/decisions.js';
import type { AppContext } from '../../context.js';
import { fromJson, toBool, toCount } from '../../db/helpers.js';
import type { Actor } from '../../http/actor.js';
import { findingsOf } from '../rules/index.js';
import type { MeetingReads } from './decisions.meetings.js';
import { today } from '../../platform/clock.js';
import { canApproveItems, canManage, canPropose } from './decisions.policy.js';
import * as repo from './decisions.repository.js';
import { PROCEDURE_RULE, requiredProcedures } from './decisions.rules.js';
import { readSeats } from './decisions.support.js';
import { getReadableItem, presentListEntry, readinessOf } from './items.service.js';

export async function getItemDetail(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meetingReads: MeetingReads,
): Promise<ItemDetail> {
  const { item, seats } = await getReadableItem(ctx, actor, id);
  const db = ctx.db;
  const [cat, candidates, steps, consultations, files, amendments, placements, findings, readiness] = await Promise.all(
    [
      repo.findCatalogueEntry(db, item.catalogue_id),
      repo.candidatesOf(db, [id]),
      repo.stepsOf(db, [id]),
      repo.consultationsOf(db, [id]),
      repo.filesOf(db, id),
      repo.amendmentsOf(db, id),
      meetingReads.placementsOfItem(db, id),
      findingsOf(db, 'agenda_item', id),
      ['proposed', 'approved'].includes(item.status) ? readinessOf(ctx, item) : Promise.resolve([]),
    ],
  );
  const experts = await repo.expertsOf(
    db,
    steps.map((s) => s.id),
  );
  const people = await repo.personNames(db, [item.sponsor_person_id]);
  const users = await repo.userNames(db, [
    item.proposed_by,
    item.approved_by,
    ...files.map((f) => f.uploaded_by),
    ...consultations.map((c) => c.recorded_by),
  ]);
  const required = requiredProcedures({
    majorDecision: toBool(item.major_decision),
    notPublic: toBool(item.not_public),
    technical: toBool(item.technical),
    stabilityRisk: toBool(item.stability_risk),
  });
  const stepFindings = await Promise.all(steps.map((s) => findingsOf(db, 'procedure_step', s.id)));
  const fileMeta = (f: (typeof files)[number]) => ({
    id: f.id,
    // A name stored before uploads were checked: invisible and direction-changing characters shown escaped.
    name: escapeUnsafeNameChars(f.name),
    mime: f.mime,
    size: f.size,
    sm3: f.sm3,
    uploadedAt: f.uploaded_at,
    uploadedBy: users.get(f.uploaded_by) ?? '',
  });
  const open = ['proposed', 'approved'].includes(item.status);
  const decided = item.status === 'decided';
  const manage = canManage(seats);
  return {
    ...presentListEntry(
      item,
      cat?.name ?? '',
      item.sponsor_person_id ? (people.get(item.sponsor_person_id) ?? null) : null,
      item.status === 'approved' && !readiness.some((f) => f.kind === 'block'),
    ),
    summary: item.summary,
    catalogueId: item.catalogue_id,
    amountFen: item.amount_fen === null ? null : Number(item.amount_fen),
    projectAmountFen: item.project_amount_fen === null ? null : Number(item.project_amount_fen),
    tzydAuto: toBool(item.tzyd_auto),
    important: toBool(item.important),
    technical: toBool(item.technical),
    stabilityRisk: toBool(item.stability_risk),
    notPublic: toBool(item.not_public),
    exploratoryReform: toBool(item.exploratory_reform),
    legalRiskNote: item.legal_risk_note,
    sponsorPersonId: item.sponsor_person_id,
    proposedBy: users.get(item.proposed_by) ?? '',
    approvedBy: item.approved_by ? (users.get(item.approved_by) ?? '') : null,
    origin: item.origin as 'agenda' | 'outside_meeting',
    paperEntry: toBool(item.paper_entry),
    outcome: item.outcome,
    decisionText: item.decision_text,
    decidedHow: item.decided_how,
    amendsItemId: item.amends_item_id,
    amendKind: item.amend_kind as AmendKind | null,
    amendedBy: amendments.map((a) => ({
      id: a.id,
      title: a.title,
      amendKind: (a.amend_kind ?? 'change') as AmendKind,
      status: a.status as ItemStatus,
    })),
    candidates: candidates.map((c) => ({
      id: c.id,
      personId: c.person_id,
      name: c.name,
      currentPost: c.current_post,
      proposedPost: c.proposed_post,
    })),
    files: files.filter((f) => f.owner_type !== 'procedure').map(fileMeta),
    procedures: PROCEDURE_KINDS.filter((k) => required[k] || steps.some((s) => s.kind === k)).map((k) => {
      const s = steps.find((x) => x.kind === k);
      const i = s ? steps.indexOf(s) : -1;
      return {
        kind: k,
        label: PROCEDURE_LABELS[k],
        ruleId: PROCEDURE_RULE[k],
        required: required[k],
        done: !!s,
        result: s?.result ?? null,
        completedOn: s?.completed_on ?? null,
        data: s ? fromJson<Record<string, unknown>>(s.data, {}) : {},
        files: s ? files.filter((f) => f.owner_type === 'procedure' && f.owner_id === s.id).map(fileMeta) : [],
        experts: s
          ? experts
              .filter((e) => e.step_id === s.id)
              .map((e) => ({
                id: e.id,
                name: e.name,
                organization: e.organization,
                field: e.field,
                opinionSigned: toBool(e.opinion_signed),
              }))
          : [],
        findings: i >= 0 ? (stepFindings[i] ?? []) : [],
      };
    }),
    consultations: consultations.map((c) => ({
      id: c.id,
      personId: c.person_id,
      personName: c.person_name,
      note: c.note,
      consultedOn: c.consulted_on,
      recordedBy: users.get(c.recorded_by) ?? '',
    })),
    readiness,
    findings,
    meetings: placements.map((p) => ({
      meetingId: p.meeting_id,
      meetingItemId: p.meeting_item_id,
      title: p.title,
      date: p.date,
      state: p.state,
      result: p.result,
    })),
    abilities: {
      edit: open && (manage || item.proposed_by === actor.userId),
      approve: item.status === 'proposed' && canApproveItems(seats),
      withdraw: open && (manage || item.proposed_by === actor.userId || canApproveItems(seats)),
      procedures: open && manage && toBool(item.major_decision),
      consult: canPropose(seats) && !['decided', 'not_passed', 'withdrawn'].includes(item.status),
      tasks: decided && (manage || canApproveItems(seats)),
      evaluate: decided && (manage || canApproveItems(seats)),
    },
  };
}

/** A unit's decision list page (decided or not passed, newest first), with task progress. */
export async function listDecisions(
  ctx: AppContext,
  actor: Actor,
  q: {
    unitId: string;
    year?: number | undefined;
    tzyd?: TzydCategory | undefined;
    kind?: ItemKind | undefined;
    q?: string | undefined;
    page: number;
    pageSize: number;
  },
  meetingReads: MeetingReads,
) {
  readSeats(actor, q.unitId, '单位');
  const { rows, total } = await repo.listDecisions(ctx.db, {
    ...q,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const ids = rows.map((r) => r.id);
  const [tasks, meetings] = await Promise.all([
    repo.taskCounts(ctx.db, ids, today(ctx.clock)),
    meetingReads.meetingsOfMeetingItems(
      ctx.db,
      rows.map((r) => r.decided_meeting_item_id).filter((x): x is string => !!x),
    ),
  ]);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => {
      const t = tasks.find((x) => x.agenda_item_id === r.id);
      const m = meetings.find((x) => x.meeting_item_id === r.decided_meeting_item_id);
      return {
        id: r.id,
        title: r.title,
        kind: r.kind as ItemKind,
        tzydCategory: r.tzyd_category as TzydCategory | null,
        status: r.status as ItemStatus,
        decidedOn: r.decided_on,
        origin: r.origin as 'agenda' | 'outside_meeting',
        outcome: r.outcome,
        meetingId: m?.meeting_id ?? null,
        meetingTitle: m?.title ?? null,
        tasks: { total: toCount(t?.total), done: toCount(t?.done), overdue: toCount(t?.overdue) },
        amendKind: r.amend_kind as AmendKind | null,
      };
    }),
  };
}
