/** Ages and age bands from a birth month ('YYYY-MM'), counted in whole years on a date. */
import { dateIn } from '../../common/time.js';

/** Full years on `today` ('YYYY-MM-DD'): the birthday month counts as reached. */
export function ageFromBirthMonth(
  birthMonth: string | null | undefined,
  today: string = dateIn(new Date()),
): number | null {
  if (!birthMonth) return null;
  const m = /^(\d{4})-(\d{2})/.exec(birthMonth);
  const d = /^(\d{4})-(\d{2})/.exec(today);
  if (!m || !d) return null;
  let years = Number(d[1]) - Number(m[1]);
  if (Number(d[2]) < Number(m[2])) years -= 1;
  return years >= 0 ? years : null;
}

export const AGE_BANDS = [
  { key: 'under40', max: 39 },
  { key: '40to45', max: 45 },
  { key: '46to50', max: 50 },
  { key: '51to55', max: 55 },
  { key: 'over55', max: Infinity },
] as const;

export type AgeBand = (typeof AGE_BANDS)[number]['key'];

export function ageBand(age: number): AgeBand {
  for (const b of AGE_BANDS) if (age <= b.max) return b.key;
  return 'over55';
}

/** Counts per band, in band order, for the team structure chart. */
export function countAgeBands(ages: readonly (number | null)[]): Record<AgeBand, number> {
  const out = Object.fromEntries(AGE_BANDS.map((b) => [b.key, 0])) as Record<AgeBand, number>;
  for (const a of ages) if (a !== null) out[ageBand(a)] += 1;
  return out;
}
