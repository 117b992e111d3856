/**
 * Pure rules of the report itself: who reports (PM-01), deadlines (PM-04, PM-05, counted as
 * regulations.md §17a says), and the checks that refuse bad input with the field named
 * (relatives from the cadre record, dates in order, complete annual reports).
 */
import { calendarDaysDeadline, nextWorkingDayOnOrAfter, type HolidayTable } from '../../../common/calendar.js';
import {
  FAMILY_ITEM_KEYS,
  ITEM_KEYS,
  type ItemKey,
  type PartialItems,
} from '../../../common/contracts/disclosures-items.js';
import type { DEADLINE_STATUSES } from '../../../common/contracts/disclosures.js';
import { LEVELS, getRankDef, levelOrdinal, type LevelCode } from '../../../common/ranks.js';

export interface FieldProblem {
  field: string;
  message: string;
}

// ── PM-01 ────────────────────────────────────────────────────────────────────
/** A level from its code or its Chinese label (rule parameters use the label, e.g. 县处级副职). */
export function levelFromParam(v: unknown): LevelCode | null {
  if (typeof v !== 'string') return null;
  return LEVELS.find((l) => l.code === v || l.zh === v)?.code ?? null;
}

export interface RankFact {
  rank_code: string;
  start_date: string;
  end_date: string | null;
}
export interface SpecialFact {
  id: string;
  reason: string;
  start_date: string;
  end_date: string | null;
}
export interface SubjectStatus {
  isSubject: boolean;
  basis: 'rank' | 'special' | null;
  /** The day the person became a reporter (the first qualifying rank row, or the special case's start) */
  since: string | null;
  specialId: string | null;
  specialReason: string | null;
}

const openOn = (r: { start_date: string; end_date: string | null }, d: string) =>
  r.start_date <= d && (r.end_date === null || r.end_date >= d);

/** PM-01: a reporter by rank (level >= the parameter, 职级 counted per RK-01) or as a special case. */
export function subjectStatus(
  ranks: readonly RankFact[],
  specials: readonly SpecialFact[],
  minLevel: LevelCode,
  date: string,
): SubjectStatus {
  const min = levelOrdinal(minLevel);
  const qualifies = (r: RankFact) => {
    const def = getRankDef(r.rank_code);
    return !!def && levelOrdinal(def.level) >= min;
  };
  const current = ranks.filter((r) => openOn(r, date) && qualifies(r));
  if (current.length) {
    const since =
      ranks
        .filter(qualifies)
        .map((r) => r.start_date)
        .sort()[0] ?? null;
    return { isSubject: true, basis: 'rank', since, specialId: null, specialReason: null };
  }
  const special = specials.find((s) => openOn(s, date));
  if (special) {
    return {
      isSubject: true,
      basis: 'special',
      since: special.start_date,
      specialId: special.id,
      specialReason: special.reason,
    };
  }
  return { isSubject: false, basis: null, since: null, specialId: null, specialReason: null };
}

// ── PM-04, PM-05 ─────────────────────────────────────────────────────────────
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];
export interface Deadline {
  dueDate: string | null;
  reminderFrom: string | null;
  message: string | null;
}

/** PM-04: a fixed date such as 01-31 of the report year; no roll-forward unless the parameter says so. */
export function annualDeadline(
  year: number,
  p: { deadlineMonthDay: string; reminderFromMonthDay: string; fixedDeadlineRolls: boolean },
  table: HolidayTable | null,
): Deadline {
  const fixed = `${year}-${p.deadlineMonthDay}`;
  const reminderFrom = `${year}-${p.reminderFromMonthDay}`;
  if (!p.fixedDeadlineRolls) return { dueDate: fixed, reminderFrom, message: null };
  if (!table) return { dueDate: null, reminderFrom, message: '工作日历不可用' };
  const r = nextWorkingDayOnOrAfter(table, fixed);
  return r.ok
    ? { dueDate: r.date, reminderFrom, message: null }
    : { dueDate: null, reminderFrom, message: r.message_zh };
}

/** PM-05: n calendar days after an event (becoming a reporter, a family change); a rest-day end moves on. */
export function daysAfterDeadline(table: HolidayTable, event: string, days: number): Deadline {
  const r = calendarDaysDeadline(table, event, days);
  return r.ok
    ? { dueDate: r.date, reminderFrom: event, message: null }
    : { dueDate: null, reminderFrom: event, message: r.message_zh };
}

/** Where a report stands against its deadline on a date (Beijing). */
export function deadlineStatus(
  d: Pick<Deadline, 'dueDate' | 'reminderFrom'>,
  submittedOn: string | null,
  date: string,
): DeadlineStatus {
  if (!d.dueDate) return 'unknown';
  if (submittedOn) return submittedOn <= d.dueDate ? 'on_time' : 'late';
  if (date > d.dueDate) return 'overdue';
  if (d.reminderFrom && date >= d.reminderFrom) return 'reminder';
  return 'upcoming';
}

// ── input checks ────────────────────────────────────────────────────────────
export interface RelativeFact {
  id: string;
  relation: string;
  name: string;
}

const CHILDREN = ['son', 'daughter'];
const CORE = ['spouse', ...CHILDREN];
const WITH_SPOUSES = [...CORE, 'son_in_law', 'daughter_in_law'];
/** Which relatives each item may name (PM-02, PM-03). */
const RELATIVE_RULES: Partial<
  Record<ItemKey, { list: string[]; key: 'relativeId' | 'owner'; allowed: string[]; zh: string }[]>
> = {
  childForeignMarriage: [{ list: ['entries'], key: 'relativeId', allowed: CHILDREN, zh: '子女' }],
  childHkmtMarriage: [{ list: ['entries'], key: 'relativeId', allowed: CHILDREN, zh: '子女' }],
  emigration: [{ list: ['entries'], key: 'relativeId', allowed: CORE, zh: '配偶、子女' }],
  employment: [{ list: ['entries'], key: 'relativeId', allowed: WITH_SPOUSES, zh: '配偶、子女及其配偶' }],
  prosecution: [{ list: ['entries'], key: 'relativeId', allowed: WITH_SPOUSES, zh: '配偶、子女及其配偶' }],
  business: [{ list: ['entries'], key: 'relativeId', allowed: WITH_SPOUSES, zh: '配偶、子女及其配偶' }],
  housing: [{ list: ['entries'], key: 'owner', allowed: CORE, zh: '本人、配偶、共同生活的子女' }],
  securities: ['stocks', 'funds', 'insurance'].map((l) => ({
    list: [l],
    key: 'owner' as const,
    allowed: CORE,
    zh: '本人、配偶、共同生活的子女',
  })),
  abroadAssets: [{ list: ['entries'], key: 'owner', allowed: CORE, zh: '本人、配偶、共同生活的子女' }],
};

type Row = Record<string, unknown>;
const rowsOf = (item: unknown, list: string): Row[] => ((item as Row | undefined)?.[list] as Row[] | undefined) ?? [];

/**
 * Problems with a report's items, each naming its field (items.housing.entries.0.owner ...):
 * relatives that are not on the cadre record's family list, dates out of order or in the future,
 * an incomplete annual report, family-only change reports.
 */
export function checkItems(
  items: PartialItems,
  relatives: readonly RelativeFact[],
  opts: { complete: boolean; familyOnly: boolean; today: string },
): FieldProblem[] {
  const out: FieldProblem[] = [];
  const keys = Object.keys(items) as ItemKey[];
  if (opts.complete) {
    for (const k of ITEM_KEYS) {
      if (items[k] === undefined) out.push({ field: `items.${k}`, message: '请填写本项（没有的请如实填报“无”）' });
    }
  }
  if (opts.familyOnly) {
    if (!keys.length) out.push({ field: 'items', message: '事项变化报告至少填写一项家事' });
    for (const k of keys) {
      if (!(FAMILY_ITEM_KEYS as readonly string[]).includes(k)) {
        out.push({ field: `items.${k}`, message: '事项变化报告只报告家事（第1至8项）的变化' });
      }
    }
  }
  const byId = new Map(relatives.map((r) => [r.id, r]));
  for (const [item, rules] of Object.entries(RELATIVE_RULES) as [
    ItemKey,
    NonNullable<(typeof RELATIVE_RULES)[ItemKey]>,
  ][]) {
    for (const rule of rules) {
      rowsOf(items[item], rule.list[0] as string).forEach((row, i) => {
        const v = row[rule.key] as string;
        const field = `items.${item}.${rule.list[0]}.${i}.${rule.key}`;
        if (rule.key === 'owner' && v === 'self') return;
        const rel = byId.get(v);
        if (!rel) out.push({ field, message: '该亲属不在干部档案的家庭成员中，请先在档案中登记' });
        else if (!rule.allowed.includes(rel.relation)) out.push({ field, message: `本项只报告${rule.zh}的情况` });
      });
    }
  }
  const order = (field: string, a: unknown, b: unknown, msg: string) => {
    if (typeof a === 'string' && typeof b === 'string' && a > b) out.push({ field, message: msg });
  };
  const past = (field: string, d: unknown) => {
    if (typeof d === 'string' && d > opts.today) out.push({ field, message: '日期不能晚于今天' });
  };
  for (const item of ['passports', 'hkmtPermits'] as const) {
    rowsOf(items[item], 'documents').forEach((d, i) =>
      order(`items.${item}.documents.${i}.expiresOn`, d.issuedOn, d.expiresOn, '有效期至不能早于签发日期'),
    );
    rowsOf(items[item], 'trips').forEach((t, i) => {
      order(`items.${item}.trips.${i}.returnOn`, t.departOn, t.returnOn, '回国（境）日期不能早于出发日期');
      past(`items.${item}.trips.${i}.departOn`, t.departOn);
    });
  }
  past('items.marriage.changedOn', items.marriage?.changedOn);
  rowsOf(items.emigration, 'entries').forEach((e, i) => {
    past(`items.emigration.entries.${i}.since`, e.since);
    past(`items.emigration.entries.${i}.until`, e.until);
    order(`items.emigration.entries.${i}.until`, e.since, e.until, '结束日期不能早于开始日期');
  });
  rowsOf(items.prosecution, 'entries').forEach((e, i) => past(`items.prosecution.entries.${i}.on`, e.on));
  rowsOf(items.housing, 'entries').forEach((h, i) => past(`items.housing.entries.${i}.acquiredOn`, h.acquiredOn));
  rowsOf(items.business, 'entries').forEach((b, i) => past(`items.business.entries.${i}.since`, b.since));
  return out;
}

/**
 * The period a check of a year looks at (PM-02, PM-04): the annual report of year Y reports the
 * year before (报告上一年度个人有关事项); a first report, the year until it was submitted; a change
 * report, the year until its event. Without a report, the year before.
 */
export function checkPeriod(
  year: number,
  report: { kind: string; event_date: string | null; submitted_on: string | null } | null,
): { from: string; to: string } {
  if (!report || report.kind === 'annual') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  const to = (report.kind === 'change' ? report.event_date : null) ?? report.submitted_on ?? `${year}-12-31`;
  return { from: `${year}-01-01`, to };
}

/** The item keys whose contents differ between two versions (for amendments). */
export function changedItems(before: PartialItems, after: PartialItems): ItemKey[] {
  return ITEM_KEYS.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}
