/**
 * Meeting numbers within a year (第N次, issue 16 §4): a published or held meeting keeps its number
 * for good, as does a number the office set by hand; every other meeting of the year takes, in
 * order of its date and start time, the smallest number no kept meeting holds. A draft that was
 * cancelled takes the numbers after all of them (it must hold one: numbers are unique per unit and
 * year) and gives its own number back to the meetings that are still to be held.
 */
export interface NumberingRow {
  id: string;
  date: string;
  startTime: string;
  createdAt: string;
  seq: number;
  /** Published, opened or closed at some time, or set by the office: the number never moves */
  kept: boolean;
  /** Still to be held or held: false for a cancelled draft */
  active: boolean;
}

const byDate = (a: NumberingRow, b: NumberingRow) =>
  a.date.localeCompare(b.date) ||
  a.startTime.localeCompare(b.startTime) ||
  a.createdAt.localeCompare(b.createdAt) ||
  a.id.localeCompare(b.id);

/** The number of every meeting of one unit and year. Kept numbers are assumed distinct. */
export function assignNumbers(rows: readonly NumberingRow[]): Map<string, number> {
  const out = new Map<string, number>();
  const taken = new Set<number>();
  for (const r of rows.filter((x) => x.kept)) {
    out.set(r.id, r.seq);
    taken.add(r.seq);
  }
  let next = 1;
  const take = () => {
    while (taken.has(next)) next++;
    taken.add(next);
    return next;
  };
  const floating = rows.filter((x) => !x.kept);
  for (const r of floating.filter((x) => x.active).sort(byDate)) out.set(r.id, take());
  for (const r of floating.filter((x) => !x.active).sort(byDate)) out.set(r.id, take());
  return out;
}

/** A meeting's number is kept once it has been published or held (or the office set it). */
export function numberKept(m: { status: string; published_at: string | null; opened_at: string | null }): boolean {
  return m.published_at !== null || m.opened_at !== null || (m.status !== 'draft' && m.status !== 'cancelled');
}
