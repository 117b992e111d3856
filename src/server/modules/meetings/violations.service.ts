/**
 * Violation detectors (DC-03, ZZ-03, PG-12) for a unit, and for the unit above across every unit
 * it manages (下管一级): "三重一大" items decided without a meeting or a vote, decided below quorum,
 * personnel items added on the meeting day with no prior motion, an outcome recorded that differs
 * from the vote, meetings with no approved minutes by the unit's deadline. Each finding cites its
 * rule. Meeting facts are read through the meetings module's query functions.
 */
import type { Violation } from '../../../common/contracts/decisions.js';
import { TZYD_LABELS, type TzydCategory } from '../../../common/contracts/decisions.js';
import { forbidden, invalidField, notFound } from '../../../common/errors.js';
import { finding } from '../../../common/rules/finding.js';
import type { AppContext } from '../../context.js';
import { hasRole, visibleUnitIds, type Actor } from '../../http/actor.js';
import { flaggedItems, lastHeldDates, minutesCandidates } from './meetings.repository.js';
import { FLAG_AD_HOC_PERSONNEL, FLAG_BELOW_QUORUM, FLAG_NO_VOTE, FLAG_OUTCOME_DIFFERS } from './meetings.rules.js';
import { minutesDeadline, minutesLate } from './minutes.rules.js';
import { paramsForMeetings } from './meetings.frozen.js';
import { addDays } from '../../../common/dates.js';
import { today } from '../../platform/clock.js';
import { outsideDecisions, readSeats } from '../decisions/index.js';
import { childUnits, findUnit } from '../orgs/index.js';

type Detector = 'no_meeting' | 'no_vote' | 'below_quorum' | 'ad_hoc_personnel' | 'outcome_differs' | 'minutes_late';

function violation(
  ruleId: string,
  detector: Detector,
  unit: { id: string; name: string },
  date: string,
  title: string,
  ids: { meetingId: string | null; itemId: string | null; key: string },
  facts: Record<string, unknown>,
  zh: string,
  en: string,
  params: Record<string, unknown>,
): Violation {
  return {
    key: `${detector}:${ids.key}`,
    ruleId,
    detector,
    unitId: unit.id,
    unitName: unit.name,
    date,
    title,
    meetingId: ids.meetingId,
    itemId: ids.itemId,
    finding: finding(ruleId, facts, params, { zh, en, kind: 'warn' }),
  };
}

const cat = (c: string | null) => (c ? `“三重一大”（${TZYD_LABELS[c as TzydCategory] ?? c}）事项` : '事项');

/** Units the report covers: the unit itself, or every unit the actor manages below it. */
async function scopeUnits(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  scope: 'unit' | 'below',
): Promise<{ id: string; name: string }[]> {
  if (scope === 'unit') {
    readSeats(actor, unitId, '单位');
    const u = await findUnit(ctx.db, unitId);
    if (!u) throw notFound('单位');
    return [{ id: u.id, name: u.name }];
  }
  if (actor.adminRole !== null || !visibleUnitIds(actor).includes(unitId)) throw notFound('单位');
  if (!hasRole(actor, 'personnel', unitId) && !hasRole(actor, 'discipline', unitId)) {
    throw forbidden('下级单位违规情况汇总由上级人事、纪检部门查看（干部管理权限：下管一级）');
  }
  const managed = new Set(actor.managed.map((m) => m.unitId));
  const units = await childUnits(ctx.db, unitId);
  return units.filter((u) => managed.has(u.id));
}

export async function detectViolations(
  ctx: AppContext,
  units: readonly { id: string; name: string }[],
  from?: string,
  to?: string,
): Promise<{ items: Violation[]; warnings: string[] }> {
  const ids = units.map((u) => u.id);
  const byId = new Map(units.map((u) => [u.id, u]));
  const unitOf = (id: string) => byId.get(id) ?? { id, name: '' };
  const d = today(ctx.clock);
  const items: Violation[] = [];
  const warnings: string[] = [];

  const flagged = await flaggedItems(ctx.db, ids, from, to);
  const meetingsOf = flagged.map((r) => ({ id: r.meeting_id, unit_id: r.unit_id, date: r.meeting_date }));
  const quorumParams = {
    'PG-06': await paramsForMeetings(ctx, 'PG-06', meetingsOf),
    'PG-07': await paramsForMeetings(ctx, 'PG-07', meetingsOf),
  };
  for (const r of flagged) {
    const u = unitOf(r.unit_id);
    const k = { meetingId: r.meeting_id, itemId: r.agenda_item_id, key: r.id };
    if (r.flags & FLAG_BELOW_QUORUM) {
      const rule = r.item_kind === 'personnel' || r.item_kind === 'discipline' ? 'PG-07' : 'PG-06';
      items.push(
        violation(
          rule,
          'below_quorum',
          u,
          r.meeting_date,
          r.title,
          k,
          { present: r.present_count, required: r.quorum_required, members: r.members_count },
          `${cat(r.tzyd_category)}“${r.title}”表决时到会 ${r.present_count ?? 0} 人，不足法定到会人数 ${r.quorum_required ?? 0} 人（应到 ${r.members_count ?? 0} 人）；低于到会要求作出的决定无效，涉嫌违反议事规则（${rule}，DC-03）。`,
          `Decided below quorum (${rule}, DC-03).`,
          quorumParams[rule].get(r.meeting_id) ?? {},
        ),
      );
    }
    if (r.flags & FLAG_NO_VOTE) {
      items.push(
        violation(
          'DC-03',
          'no_vote',
          u,
          r.meeting_date,
          r.title,
          k,
          { participants: 0 },
          `${cat(r.tzyd_category)}“${r.title}”未经表决即作出决定（DC-03，PG-09）。`,
          'Decided without a vote (DC-03).',
          {},
        ),
      );
    }
    if (r.flags & FLAG_AD_HOC_PERSONNEL) {
      items.push(
        violation(
          'ZZ-03',
          'ad_hoc_personnel',
          u,
          r.meeting_date,
          r.title,
          k,
          { approvedOn: r.approved_on, meetingDate: r.meeting_date },
          `干部任免议题“${r.title}”于会议当日（${r.meeting_date}）才确定${r.approved_on ? `（书记确定于 ${r.approved_on}）` : ''}，无会前动议记录，属临时动议决定干部任免（ZZ-03 第二项）。`,
          'Personnel item added on the meeting day (ZZ-03).',
          {},
        ),
      );
    }
    if (r.flags & FLAG_OUTCOME_DIFFERS) {
      const rule = r.item_kind === 'personnel' ? 'ZZ-03' : 'DC-03';
      items.push(
        violation(
          rule,
          'outcome_differs',
          u,
          r.meeting_date,
          r.title,
          k,
          { result: r.result, recordedOutcome: r.recorded_outcome },
          `“${r.title}”记录的决定（${r.recorded_outcome ?? ''}）与表决结果（${r.result ?? ''}）不一致，涉嫌${rule === 'ZZ-03' ? '个人改变集体作出的任免决定（ZZ-03 第四项）' : '擅自改变集体决定（DC-03）'}。`,
          'The recorded outcome differs from the vote.',
          {},
        ),
      );
    }
  }

  for (const r of await outsideDecisions(ctx.db, ids, from, to)) {
    if (!r.collective_required && !r.tzyd_category && r.kind !== 'personnel') continue;
    const rule = r.kind === 'personnel' ? 'ZZ-03' : 'DC-03';
    items.push(
      violation(
        rule,
        'no_meeting',
        unitOf(r.unit_id),
        r.decided_on ?? '',
        r.title,
        { meetingId: null, itemId: r.id, key: r.id },
        { decidedHow: r.decided_how },
        rule === 'ZZ-03'
          ? `干部任免事项“${r.title}”未召开党组会议讨论决定（${r.decided_how ?? ''}）（ZZ-03 第三项）。`
          : `${cat(r.tzyd_category)}“${r.title}”未经会议集体讨论决定（${r.decided_how ?? ''}），涉嫌规避集体决策（DC-03）。`,
        'Decided outside any meeting.',
        {},
      ),
    );
  }

  // PG-12 as the meeting froze it (an override never changes a held meeting's deadline); 1 day is the least it can be.
  const candidates = (await minutesCandidates(ctx.db, ids, addDays(d, -1), from)).filter((m) => !to || m.date <= to);
  const pg12 = await paramsForMeetings(ctx, 'PG-12', candidates);
  const table = await ctx.calendar.table();
  for (const m of candidates) {
    const p = pg12.get(m.id) ?? {};
    const n = Number(p.minutesDeadlineDays ?? 15);
    const dl = minutesDeadline(table, m.date, n);
    if (!dl.ok) {
      warnings.push(`${unitOf(m.unit_id).name}“${m.title}”的会议记录期限无法计算：${dl.message_zh}`);
      continue;
    }
    if (!minutesLate(dl.date, m.minutes_approved_on, d)) continue;
    items.push(
      violation(
        'PG-12',
        'minutes_late',
        unitOf(m.unit_id),
        m.date,
        m.title,
        { meetingId: m.id, itemId: null, key: m.id },
        { deadline: dl.date, approvedOn: m.minutes_approved_on, days: n },
        m.minutes_approved_on
          ? `${m.title}的会议记录于 ${m.minutes_approved_on} 才批准，晚于会后 ${n} 日的期限 ${dl.date}（PG-12）。`
          : `${m.title}已于 ${m.date} 召开，会后 ${n} 日（${dl.date}）仍无批准的会议记录（PG-12）。`,
        'Minutes not approved by the deadline (PG-12).',
        p,
      ),
    );
  }
  items.sort((a, b) => (a.date === b.date ? a.key.localeCompare(b.key) : a.date < b.date ? 1 : -1));
  return { items, warnings };
}

export async function violationReport(
  ctx: AppContext,
  actor: Actor,
  q: {
    unitId: string;
    scope: 'unit' | 'below';
    from?: string | undefined;
    to?: string | undefined;
    ruleId?: string | undefined;
    violationUnitId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const all = await scopeUnits(ctx, actor, q.unitId, q.scope);
  if (q.violationUnitId && !all.some((u) => u.id === q.violationUnitId)) {
    throw invalidField('violationUnitId', '该单位不在汇总范围内');
  }
  const { items, warnings } = await detectViolations(ctx, all, q.from, q.to);
  const last = new Map(
    (
      await lastHeldDates(
        ctx.db,
        all.map((u) => u.id),
      )
    ).map((r) => [r.unit_id, r.last as string | null]),
  );
  const filtered = items.filter(
    (v) => (!q.ruleId || v.ruleId === q.ruleId) && (!q.violationUnitId || v.unitId === q.violationUnitId),
  );
  const summary = all.map((u) => {
    const mine = items.filter((v) => v.unitId === u.id);
    const byDetector: Record<string, number> = {};
    for (const v of mine) byDetector[v.detector] = (byDetector[v.detector] ?? 0) + 1;
    return { unitId: u.id, unitName: u.name, total: mine.length, byDetector, lastMeetingDate: last.get(u.id) ?? null };
  });
  const start = (q.page - 1) * q.pageSize;
  return {
    scope: q.scope,
    units: summary,
    items: filtered.slice(start, start + q.pageSize),
    total: filtered.length,
    page: q.page,
    pageSize: q.pageSize,
    warnings,
  };
}
