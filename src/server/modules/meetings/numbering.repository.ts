/**
 * Numbering the meetings of a year again (numbering.rules.ts) inside a transaction; called after
 * every change of a meeting's date or status, and when the office sets a number.
 */
import type { Executor } from '../../db/helpers.js';
import { meetingTitle } from './meetings.rules.js';
import { assignNumbers, numberKept } from './numbering.rules.js';

/**
 * Number the meetings of one unit and year again, inside the caller's transaction; `set` fixes one
 * meeting's number (the office's choice). Numbers are unique per unit and year in the database, so
 * the moved rows pass through negative numbers first.
 */
export async function renumberYear(
  trx: Executor,
  unitId: string,
  year: number,
  organ: string,
  set?: { meetingId: string; seq: number },
): Promise<void> {
  const rows = await trx
    .selectFrom('meetings')
    .select([
      'id',
      'date',
      'start_time',
      'created_at',
      'seq',
      'status',
      'published_at',
      'opened_at',
      'seq_set_by_office',
    ])
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .execute();
  const numbers = assignNumbers(
    rows.map((r) => ({
      id: r.id,
      date: r.date,
      startTime: r.start_time,
      createdAt: r.created_at,
      seq: set?.meetingId === r.id ? set.seq : r.seq,
      kept: set?.meetingId === r.id || r.seq_set_by_office === 1 || numberKept(r),
      active: r.status !== 'cancelled',
    })),
  );
  const moved = rows.filter((r) => numbers.get(r.id) !== r.seq);
  for (const [i, r] of moved.entries()) {
    await trx
      .updateTable('meetings')
      .set({ seq: -(i + 1) })
      .where('id', '=', r.id)
      .execute();
  }
  for (const r of moved) {
    const seq = numbers.get(r.id) ?? r.seq;
    await trx
      .updateTable('meetings')
      .set({ seq, title: meetingTitle(year, seq, organ) })
      .where('id', '=', r.id)
      .execute();
  }
}

/** An agenda item's place in its meeting. */
export async function setItemSeq(db: Executor, itemId: string, seq: number): Promise<void> {
  await db.updateTable('meeting_items').set({ seq }).where('id', '=', itemId).execute();
}

/** The meeting of a unit and year holding a number, if any. */
export function meetingWithSeq(db: Executor, unitId: string, year: number, seq: number) {
  return db
    .selectFrom('meetings')
    .select(['date', 'status', 'published_at', 'opened_at', 'seq_set_by_office'])
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .where('seq', '=', seq)
    .executeTakeFirst();
}

/** Set a meeting's title and whether the office set its number. */
export async function setHeadingRow(db: Executor, id: string, subject: string | null, bySeq: number): Promise<void> {
  await db.updateTable('meetings').set({ subject, seq_set_by_office: bySeq }).where('id', '=', id).execute();
}

export function seqOf(db: Executor, id: string) {
  return db.selectFrom('meetings').select(['seq']).where('id', '=', id).executeTakeFirstOrThrow();
}
