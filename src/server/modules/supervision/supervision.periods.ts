/**
 * From a supervision record to the influence periods it writes (regulations.md §17, §17a; issue 10).
 * Months are statutory months (§17a: the effective day counts; the last day is the day before the
 * same day N months later). "That year" is the calendar year of the effective day and is a period
 * of its own ending 31 December, never a block on every year a longer period touches. Grade effects
 * carry KH-06, the bar on inspection candidacy during any influence period SE-05 (Art. 24(6)), the
 * rest the measure's own §17 rule. Pure: parameters come in through `params`.
 */
import { statutoryMonths } from '../../../common/calendar.js';
import type { InfluenceBlock } from '../../../common/contracts/eligibility.js';
import { type IsoDate, yearOf } from '../../../common/dates.js';
import type { GovSanction, MeasureKind } from './supervision.measures.js';

export interface MeasureFacts {
  kind: MeasureKind;
  /** The decision's effective day (诫勉: approved by the same-level principal, TX-05); a case: the day it opened */
  effectiveOn: IsoDate;
  /** A case: the day it was concluded; null while open */
  concludedOn?: IsoDate | null;
  /** 留党察看: 12 or 24 months (IP-04) */
  probationMonths?: number;
  /** 严重警告: related to the person's duties (then 不称职 that year, else no grade; KH-06) */
  dutyRelated?: boolean;
  /** 免职 through accountability (问责): NS-04's accountability periods */
  accountability?: boolean;
  /** A government sanction combining several of the same kind: the period the decision states (Art. 15) */
  statedMonths?: number | null;
}

export interface PlannedPeriod {
  ruleId: string;
  measure: MeasureKind;
  start: IsoDate;
  /** Last day, inclusive; null while a case is open */
  end: IsoDate | null;
  blocks: InfluenceBlock[];
}

/** A rule's parameters by rule id (the unit's effective values, or the catalogue's defaults in tests). */
export type ParamsOf = (ruleId: string) => Readonly<Record<string, unknown>>;

function num(params: ParamsOf, ruleId: string, key: string): number {
  const v = params(ruleId)[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`${ruleId}.${key} is not a month count`);
  return v;
}

const lastDayAfter = (start: IsoDate, months: number): IsoDate => statutoryMonths(start, months).lastDay;
const yearEnd = (y: number): IsoDate => `${y}-12-31`;
const yearStart = (y: number): IsoDate => `${y}-01-01`;

class Plan {
  readonly out: PlannedPeriod[] = [];
  constructor(private readonly f: MeasureFacts) {}
  /** A statutory-months period from the effective day, with SE-05's bar on inspection candidacy beside it. */
  months(ruleId: string, months: number, blocks: InfluenceBlock[], from: IsoDate = this.f.effectiveOn): this {
    if (months <= 0) return this;
    const end = lastDayAfter(from, months);
    this.out.push({ ruleId, measure: this.f.kind, start: from, end, blocks });
    this.out.push({ ruleId: 'SE-05', measure: this.f.kind, start: from, end, blocks: ['inspection_candidate'] });
    return this;
  }
  /** KH-06 for the year of the effective day: from that day to 31 December. */
  thatYear(block: InfluenceBlock): this {
    const y = yearOf(this.f.effectiveOn);
    this.out.push({
      ruleId: 'KH-06',
      measure: this.f.kind,
      start: this.f.effectiveOn,
      end: yearEnd(y),
      blocks: [block],
    });
    return this;
  }
  /** KH-06 for the k whole years after the year of the effective day (no grade). */
  followingYears(k: number, block: InfluenceBlock): this {
    if (k <= 0) return this;
    const y = yearOf(this.f.effectiveOn);
    this.out.push({
      ruleId: 'KH-06',
      measure: this.f.kind,
      start: yearStart(y + 1),
      end: yearEnd(y + k),
      blocks: [block],
    });
    return this;
  }
}

const PARTY_BARS: InfluenceBlock[] = ['promotion', 'party_post', 'reserve_listing'];
const GOV_BARS: InfluenceBlock[] = ['promotion', 'reserve_listing'];

const GOV_MONTH_KEYS: Record<GovSanction, string | null> = {
  gov_warning: 'warningMonths',
  gov_demerit: 'demeritMonths',
  gov_major_demerit: 'majorDemeritMonths',
  gov_demotion: 'demotionOrDismissalMonths',
  gov_dismissal: 'demotionOrDismissalMonths',
  gov_expulsion: null,
};

/** The government sanction's own period (Art. 8), or the period a combined decision states (Art. 15). */
export function govMonths(kind: GovSanction, params: ParamsOf, stated?: number | null): number {
  if (stated !== undefined && stated !== null) return stated;
  const key = GOV_MONTH_KEYS[kind];
  return key === null ? 0 : num(params, 'IP-06', key);
}

/** Every influence period a record writes; none for talks, reminders, letters and first-form measures. */
export function periodsOf(f: MeasureFacts, params: ParamsOf): PlannedPeriod[] {
  const p = new Plan(f);
  switch (f.kind) {
    case 'party_warning':
      p.months('IP-01', num(params, 'IP-01', 'noPromotionMonths'), PARTY_BARS);
      if (params('IP-01').noExcellentThatYear !== false) p.thatYear('excellent_grade');
      break;
    case 'party_serious_warning':
      p.months('IP-02', num(params, 'IP-02', 'noPromotionMonths'), PARTY_BARS);
      p.thatYear(f.dutyRelated ? 'forced_incompetent' : 'any_grade');
      break;
    case 'party_post_removal':
      p.months('IP-03', num(params, 'IP-03', 'noEqualOrHigherPostMonths'), PARTY_BARS).thatYear('forced_incompetent');
      break;
    case 'party_probation': {
      const allowed = params('IP-04').probationMonthsOptions as number[];
      const months = f.probationMonths ?? allowed[0] ?? 12;
      if (!allowed.includes(months)) throw new Error(`IP-04: probation of ${months} months is not allowed`);
      p.months('IP-04', months, [...PARTY_BARS, 'important_use', 'leading_post'])
        .thatYear('forced_incompetent')
        .followingYears(Math.round(months / 12), 'any_grade');
      break;
    }
    case 'party_probation_restored':
      p.months('IP-04', num(params, 'IP-04', 'noEqualOrHigherPostMonthsAfterRestoration'), PARTY_BARS);
      break;
    case 'party_expulsion':
      p.months('IP-05', num(params, 'IP-05', 'noRejoinMonths'), [...PARTY_BARS, 'important_use', 'leading_post'])
        .thatYear('forced_incompetent')
        .followingYears(2, 'any_grade');
      break;
    case 'gov_warning':
      p.months('IP-06', govMonths(f.kind, params, f.statedMonths), GOV_BARS).thatYear('excellent_grade');
      break;
    case 'gov_demerit':
      p.months('IP-06', govMonths(f.kind, params, f.statedMonths), [...GOV_BARS, 'pay_step']).thatYear('any_grade');
      break;
    case 'gov_major_demerit':
    case 'gov_demotion':
    case 'gov_dismissal':
      p.months('IP-06', govMonths(f.kind, params, f.statedMonths), [...GOV_BARS, 'pay_step'])
        .thatYear('any_grade')
        .followingYears(1, 'any_grade');
      break;
    case 'admonition_talk':
    case 'admonition_written':
      p.months('IP-07', num(params, 'IP-07', 'influenceMonths'), ['promotion', 'important_use', 'reserve_listing']);
      p.thatYear('excellent_grade');
      break;
    case 'transfer_out':
      p.months('NS-04', num(params, 'NS-04', 'transferNoPromotionMonths'), ['promotion', 'important_use']);
      p.thatYear('excellent_grade');
      break;
    case 'rank_only':
      p.thatYear('excellent_grade');
      break;
    case 'demotion':
      p.months('NS-04', num(params, 'NS-04', 'demotionNoPromotionMonths'), ['promotion', 'important_use']);
      p.thatYear('any_grade');
      break;
    case 'removal':
    case 'resign_blame':
    case 'ordered_resign': {
      if (f.kind !== 'removal' || f.accountability) {
        p.months('NS-04', num(params, 'NS-04', 'accountabilityNoLeadingPostMonths'), ['leading_post', 'important_use']);
        p.months('NS-04', num(params, 'NS-04', 'accountabilityNoHigherPostMonths'), ['promotion']);
      } else {
        p.months('NS-04', num(params, 'NS-04', 'transferNoPromotionMonths'), ['promotion', 'important_use']);
      }
      p.thatYear(f.kind === 'resign_blame' ? 'excellent_grade' : 'any_grade');
      break;
    }
    case 'case_open': {
      const end = f.concludedOn ?? null;
      p.out.push({
        ruleId: 'IP-09',
        measure: f.kind,
        start: f.effectiveOn,
        end,
        blocks: ['promotion', 'reserve_listing', 'important_use', 'any_grade', 'pay_step', 'exchange_or_exit'],
      });
      p.out.push({ ruleId: 'SE-05', measure: f.kind, start: f.effectiveOn, end, blocks: ['inspection_candidate'] });
      break;
    }
    case 'heart_talk':
    case 'reminder_talk':
    case 'reminder_written':
    case 'inquiry_letter':
    case 'meeting_talk':
    case 'criticism':
    case 'rectify_by_deadline':
    case 'written_self_examination':
    case 'criticism_at_life_meeting':
    case 'circulated_notice':
    case 'gov_expulsion':
      break;
  }
  return p.out;
}
