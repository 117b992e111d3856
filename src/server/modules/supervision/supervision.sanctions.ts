/**
 * Several government sanctions decided together (公职人员政务处分法 Art. 15): each offence gets its
 * own sanction; where the kinds differ, only the heaviest is executed, with its own period
 * (Art. 8); where they are all the same kind, up to 撤职, the decision states one period between the
 * longest single period and the sum of the periods, and never more than 48 months. Sanctions decided
 * at different times each run on their own (not this function). Pure.
 */
import { GOV_SANCTIONS, type GovSanction, heavierGov } from './supervision.measures.js';
import { govMonths, type ParamsOf } from './supervision.periods.js';

export const COMBINED_CAP_MONTHS = 48;

export interface CombinedSanction {
  /** The sanction executed */
  executed: GovSanction;
  /** Bounds of the period the decision may state; equal when it has no choice */
  minMonths: number;
  maxMonths: number;
  /** True when the decision must state the period (several of the same kind, up to 撤职) */
  statesPeriod: boolean;
}

export function combineGovSanctions(kinds: readonly GovSanction[], params: ParamsOf): CombinedSanction {
  if (kinds.length === 0) throw new Error('no sanction');
  const executed = kinds.reduce(heavierGov);
  const single = govMonths(executed, params);
  const same = kinds.every((k) => k === executed);
  if (kinds.length === 1 || !same || executed === 'gov_expulsion') {
    return { executed, minMonths: single, maxMonths: single, statesPeriod: false };
  }
  const sum = single * kinds.length;
  return { executed, minMonths: single, maxMonths: Math.min(sum, COMBINED_CAP_MONTHS), statesPeriod: true };
}

/** Null when the stated period is lawful, else the bounds it breaks (a refusal naming Art. 15). */
export function statedPeriodProblem(
  kinds: readonly GovSanction[],
  stated: number | null | undefined,
  params: ParamsOf,
): { minMonths: number; maxMonths: number } | null {
  const c = combineGovSanctions(kinds, params);
  const months = stated ?? c.minMonths;
  if (!Number.isInteger(months) || months < c.minMonths || months > c.maxMonths) {
    return { minMonths: c.minMonths, maxMonths: c.maxMonths };
  }
  return null;
}

export function isGovSanctionKind(k: string): k is GovSanction {
  return (GOV_SANCTIONS as readonly string[]).includes(k);
}
