/**
 * Demo data for meetings and decisions: a year of monthly Party Group meetings for 阿勒泰海关
 * relative to today (items, attendance with leave, votes by every method, a recusal, a deferral,
 * approved minutes, follow-through tasks, statutory procedures, pre-consultation), a published
 * meeting next week, items waiting in the pool, and lighter records for the other subordinate
 * customs so the unit above sees a report across its units (with a few real-looking lapses).
 */
import { nextWorkingDayOnOrAfter, type HolidayTable } from '../../../../common/calendar.js';
import { TZYD_LABELS } from '../../../../common/contracts/decisions.js';
import { addDays, addMonths, isWeekend } from '../../../../common/dates.js';
import type { AppContext } from '../../../context.js';
import { chunk, fromBool, toJson } from '../../../db/helpers.js';
import type { DemoWorld } from '../../../demo/extensions.js';
import { nowIso, today } from '../../../platform/clock.js';
import { seededRandom } from '../../../platform/random.js';
import { seedEntries } from '../../decisions/index.js';
import { rulesFor } from '../../rules/index.js';
import { quorumParams, QUORUM_RULES } from '../meetings.view.js';
import { DemoBuilder, type ItemSpec, type Seat } from './demo-builder.js';
import {
  BUSINESS_ITEMS,
  DISCUSSION,
  LEAVE_REASONS,
  MONTHLY_OPENERS,
  PERSONNEL_POSTS,
  type DemoItem,
} from './demo-content.js';
import { demoFollowThrough } from './demo-followup.js';

/** Parents before children (foreign keys). */
const TABLE_ORDER = [
  'decision_catalogue',
  'agenda_items',
  'agenda_item_candidates',
  'procedure_steps',
  'procedure_experts',
  'item_consultations',
  'meetings',
  'meeting_attendance',
  'meeting_items',
  'meeting_item_tallies',
  'meeting_item_recusals',
  'vote_participation',
  'named_votes',
  'secret_votes',
  'meeting_minutes',
  'decision_tasks',
  'task_progress',
  'decision_evaluations',
  'rule_findings',
] as const;

/** Its own seed, so other modules' demo data can change without moving these meetings. */
const MEETINGS_DEMO_SEED = 20261203;

function workingDay(table: HolidayTable, date: string): string {
  const r = nextWorkingDayOnOrAfter(table, date);
  if (r.ok) return r.date;
  let d = date;
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

interface UnitCtx {
  unitId: string;
  key: string;
  seats: Seat[];
  staff: { id: string; name: string }[];
  organ: string;
  catalogue: Map<string, { id: string; tzyd: string | null; kind: string; important: boolean; major: boolean }>;
  createdBy: string;
  approver: string;
  recorderId: string;
  entryMode: string;
}

export async function seedMeetingsDemo(ctx: AppContext, world: DemoWorld): Promise<void> {
  const d0 = today(ctx.clock);
  const table = await ctx.calendar.table();
  const random = seededRandom(MEETINGS_DEMO_SEED);
  const unitKeys = Object.keys(world.teams).filter((k) => k !== 'urumqi');
  const anyUnit = world.unitIds[unitKeys[0] ?? 'altay'] as string;
  const rules = await rulesFor(ctx, anyUnit, d0, [...QUORUM_RULES, 'PG-09', 'SE-09', 'ZZ-03', 'DC-03']);
  const b = new DemoBuilder(random, rules, quorumParams(rules), nowIso(ctx.clock));
  const people = new Map(
    (await ctx.db.selectFrom('people').select(['id', 'name', 'unit_id']).execute()).map((p) => [p.id, p]),
  );
  const units = new Map(
    (await ctx.db.selectFrom('units').select(['id', 'organ_type']).execute()).map((u) => [u.id, u.organ_type]),
  );
  const team = await ctx.db
    .selectFrom('team_members')
    .select(['unit_id', 'person_id', 'team_post', 'admin_post', 'is_party_group_member', 'sort_order'])
    .where('end_date', 'is', null)
    .orderBy('sort_order')
    .execute();

  for (const key of unitKeys) {
    const unitId = world.unitIds[key] as string;
    const altay = key === 'altay';
    const seats: Seat[] = team
      .filter((t) => t.unit_id === unitId)
      .map((t) => ({
        personId: t.person_id,
        name: people.get(t.person_id)?.name ?? '',
        post: t.admin_post ?? '',
        member: t.is_party_group_member === 1,
        secretary: t.team_post === 'secretary',
      }));
    const catalogue = new Map<
      string,
      { id: string; tzyd: string | null; kind: string; important: boolean; major: boolean }
    >();
    seedEntries(['本单位重大问题', '干部管理工作', '基层党组织设置调整', '发展党员', '处分党员']).forEach((e, i) => {
      const id = b.id(addMonths(d0, -13));
      catalogue.set(e.name, {
        id,
        tzyd: e.tzydCategory,
        kind: e.itemKind,
        important: e.important,
        major: e.majorDecision,
      });
      b.push('decision_catalogue', {
        id,
        unit_id: unitId,
        name: e.name,
        category: e.category,
        tzyd_category: e.tzydCategory,
        item_kind: e.itemKind,
        collective_required: 1,
        major_decision: fromBool(e.majorDecision),
        technical: fromBool(e.technical),
        stability_risk: fromBool(e.stabilityRisk),
        not_public: fromBool(e.notPublic),
        important: fromBool(e.important),
        active: 1,
        sort_order: (i + 1) * 10,
        note: e.note,
        created_at: `${addMonths(d0, -13)}T02:00:00.000Z`,
        updated_at: `${addMonths(d0, -13)}T02:00:00.000Z`,
      });
    });
    const offices = new Set([world.personIds[`${key}.office`], world.personIds[`${key}.personnel`]]);
    const staff = [...people.values()]
      .filter((p) => p.unit_id === unitId && !seats.some((s) => s.personId === p.id) && !offices.has(p.id))
      .map((p) => ({ id: p.id, name: p.name }));
    const office = world.personIds[`${key}.office`] ?? staff[0]?.id ?? '';
    const u: UnitCtx = {
      unitId,
      key,
      seats,
      staff,
      organ: units.get(unitId) === 'party_group' ? '党组' : '党委',
      catalogue,
      createdBy: altay ? (world.userIds['alt-bangong'] as string) : (world.userIds['wlmq-renshi'] as string),
      approver: altay ? (world.userIds['alt-shuji'] as string) : (world.userIds['wlmq-renshi'] as string),
      recorderId: office,
      entryMode: altay ? 'live' : 'retrospective',
    };
    await seedUnitYear(b, u, table, d0, altay);
  }
  demoFollowThrough(b, world, d0, table);
  await ctx.db.transaction().execute(async (trx) => {
    for (const t of TABLE_ORDER) {
      for (const part of chunk(b.rows[t] ?? [], 100)) {
        await trx
          .insertInto(t as never)
          .values(part)
          .execute();
      }
    }
    await ctx.audit.record(
      trx,
      { actorUserId: null, actorName: 'demo', requestId: null },
      {
        action: 'demo.meetings_seeded',
        entityType: 'database',
        details: Object.fromEntries(Object.entries(b.rows).map(([t, r]) => [t, r.length])),
      },
    );
  });
}

function entry(u: UnitCtx, fragment: string) {
  for (const [name, e] of u.catalogue) if (name.includes(fragment)) return e;
  throw new Error(`demo: no catalogue entry ${fragment}`);
}

function spec(u: UnitCtx, it: DemoItem, approvedOn: string, extra: Partial<ItemSpec> = {}): ItemSpec {
  const e = entry(u, it.entry);
  return {
    title: it.title,
    catalogueId: e.id,
    kind: e.kind,
    tzyd: e.tzyd,
    important: e.important,
    major: e.major,
    amountFen: it.amountFen,
    method: it.method,
    approvedOn,
    decision: it.decision,
    dissent: it.dissent,
    ...extra,
  };
}

async function seedUnitYear(
  b: DemoBuilder,
  u: UnitCtx,
  table: HolidayTable,
  d0: string,
  altay: boolean,
): Promise<void> {
  const members = u.seats.filter((s) => s.member);
  const hold: { deferred: { agendaId: string; spec: ItemSpec } | null } = { deferred: null };
  const seqByYear = new Map<number, number>();
  for (let k = 12; k >= -1; k--) {
    // k = 12..0 are the monthly meetings of the past year and this month (if already held); k = -1 is next week's.
    const upcoming = k === -1;
    const n = upcoming ? 13 : k;
    const date = upcoming
      ? workingDay(table, addDays(d0, 7))
      : workingDay(table, `${addMonths(d0, -k).slice(0, 8)}${altay ? '12' : '16'}`);
    if (!upcoming && date >= addDays(d0, -1)) continue;
    if (upcoming && !altay) continue;
    const year = Number(date.slice(0, 4));
    // Meetings are numbered within the year; the demo's first year starts at the month it opens with.
    const seq = (seqByYear.get(year) ?? Number(date.slice(5, 7)) - 1) + 1;
    seqByYear.set(year, seq);
    const leave: Record<string, string> = {};
    const absentee = members[1 + (n % (members.length - 1))];
    if (absentee && (n % 4 === 1 || upcoming)) {
      leave[absentee.personId] = LEAVE_REASONS[n % LEAVE_REASONS.length] as string;
    }
    const held = !upcoming;
    const m = b.meeting(u.unitId, u.seats, {
      year,
      seq,
      date,
      organ: u.organ,
      status: held ? 'closed' : 'published',
      entryMode: held ? u.entryMode : 'live',
      createdBy: u.createdBy,
      leave,
      recorderId: u.recorderId,
    });
    const approved = addDays(date, -5);
    const items: ItemSpec[] = [spec(u, MONTHLY_OPENERS[n % MONTHLY_OPENERS.length] as DemoItem, approved)];
    // Only Altay's first business slot carries the major decision, with its statutory procedures.
    const pick = (i: number, major: boolean): DemoItem => {
      const it = BUSINESS_ITEMS[i % BUSINESS_ITEMS.length] as DemoItem;
      return it.procedures && !major ? (BUSINESS_ITEMS[(i + 1) % BUSINESS_ITEMS.length] as DemoItem) : it;
    };
    items.push(spec(u, pick(n + (altay ? 0 : u.key.length), altay), approved));
    if (altay) items.push(spec(u, pick(n + 6, false), approved));
    if (n % 3 === 0 || upcoming || (altay && k === 8)) {
      const cand = u.staff[(n * 3) % Math.max(1, u.staff.length)];
      const post = PERSONNEL_POSTS[n % PERSONNEL_POSTS.length] as string;
      const adHoc = u.key === 'khorgos' && k === 6; // approved on the meeting day: ZZ-03 in the report above
      const recuse = altay && k === 9 ? members[3]?.personId : undefined;
      items.push(
        spec(
          u,
          {
            title: `关于${cand?.name ?? ''}同志任${post}的议题`,
            entry: '科级干部任免',
            method: 'secret',
            decision: `同意${cand?.name ?? ''}同志任${post}，按程序办理任职手续。`,
          },
          adHoc ? date : approved,
          { candidates: cand ? [{ personId: cand.id, name: cand.name, post }] : [], ...(recuse ? { recuse } : {}) },
        ),
      );
    }
    if (altay && k === 7) {
      const fund = BUSINESS_ITEMS.find((x) => x.amountFen && x.entry === '大额资金使用') as DemoItem;
      items.push(
        spec(u, { ...fund, title: '关于采购移动式查验设备的议题', amountFen: 36_000_000 }, approved, {
          defer: '费用测算依据不足，双方意见接近，暂缓表决、进一步调研后再议（PG-18）',
        }),
      );
    }
    const back = hold.deferred;
    if (altay && back && k === 6) items.push({ ...back.spec, defer: undefined, agendaId: back.agendaId });
    const minutes: {
      meetingItemId: string;
      discussion: { personId: string; name: string; text: string }[];
      dissent: string;
      headReason: string;
      decision: string;
    }[] = [];
    items.forEach((s, i) => {
      const agendaId = s.agendaId ?? b.agendaItem(u.unitId, s, u.createdBy, u.approver);
      const r = b.placeAndVote(
        u.unitId,
        { id: m.id, date, chairId: m.chairId, held },
        u.seats,
        leave,
        s,
        agendaId,
        i + 1,
        u.createdBy,
      );
      if (s.defer) {
        b.markScheduled(agendaId, true);
        hold.deferred = { agendaId, spec: { ...s } };
        return;
      }
      if (!held) return b.markScheduled(agendaId, false);
      b.decide(agendaId, r.id, date, s.decision);
      const speakers = members.filter((x) => !leave[x.personId]).slice(1, 3);
      minutes.push({
        meetingItemId: r.id,
        discussion: speakers.map((x, j) => ({
          personId: x.personId,
          name: x.name,
          text: DISCUSSION[(n + i + j) % DISCUSSION.length] as string,
        })),
        dissent: s.dissent ? '一名党组成员表示不同意，认为项目投资需进一步压缩，意见已如实记录。' : '',
        headReason: '',
        decision: s.decision,
      });
      if (altay && s.major) b.major = { agendaId, approvedOn: s.approvedOn, title: s.title };
      if (altay && (s.important || s.tzyd)) {
        for (const x of members.slice(1, 3)) {
          b.push('item_consultations', {
            id: b.id(addDays(s.approvedOn, -2)),
            agenda_item_id: agendaId,
            person_id: x.personId,
            note: `对“${s.title}”表示同意，建议${s.tzyd ? `按“三重一大”（${TZYD_LABELS[s.tzyd as keyof typeof TZYD_LABELS]}）程序` : ''}充分论证。`,
            consulted_on: addDays(s.approvedOn, -2),
            recorded_by: u.createdBy,
            recorded_at: `${addDays(s.approvedOn, -2)}T06:00:00.000Z`,
          });
        }
      }
      if (altay) {
        b.decided.push({
          unitId: u.unitId,
          agendaId,
          date,
          title: s.title,
          tasks: BUSINESS_ITEMS.concat(MONTHLY_OPENERS).find((x) => x.title === s.title)?.tasks ?? [],
        });
      }
    });
    if (!held) continue;
    const late = u.key === 'kashgar' && k === 4;
    const approvedOn = addDays(date, late ? 26 : 3 + (n % 5));
    const draftOnly = approvedOn >= d0;
    b.push('meeting_minutes', {
      id: b.id(date),
      meeting_id: m.id,
      version: 1,
      status: draftOnly ? 'draft' : 'approved',
      content: toJson({
        general: `会议由${u.seats.find((s) => s.secretary)?.name ?? ''}同志主持，应到${members.length}人，实到${members.length - Object.keys(leave).length}人。`,
        items: minutes,
      }),
      correction_reason: null,
      written_by: u.createdBy,
      written_at: `${addDays(date, 1)}T08:00:00.000Z`,
      approved_by: draftOnly ? null : u.approver,
      approved_at: draftOnly ? null : `${approvedOn}T09:00:00.000Z`,
    });
    if (!draftOnly) {
      Object.assign(b.rows.meetings?.find((r) => r.id === m.id) ?? {}, { minutes_approved_on: approvedOn });
    }
  }
}
