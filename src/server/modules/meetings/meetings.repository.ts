/**
 * Meetings queries. Functions take an executor first; no business decisions. The functions at
 * the end are the ones the decisions module reads meeting data through (dashboard, decision
 * list, violation report).
 */
import { toCount, type Executor } from '../../db/helpers.js';

export function findMeeting(db: Executor, id: string, unitIds: readonly string[]) {
  if (!unitIds.length) return Promise.resolve(undefined);
  return db.selectFrom('meetings').selectAll().where('id', '=', id).where('unit_id', 'in', unitIds).executeTakeFirst();
}

/** Read the meeting row for update (PostgreSQL row lock; SQLite serializes writers). */
export function lockMeeting(db: Executor, id: string, postgres: boolean) {
  let q = db.selectFrom('meetings').selectAll().where('id', '=', id);
  if (postgres) q = q.forUpdate();
  return q.executeTakeFirstOrThrow();
}

export function lockMeetingItem(db: Executor, id: string, postgres: boolean) {
  let q = db.selectFrom('meeting_items').selectAll().where('id', '=', id);
  if (postgres) q = q.forUpdate();
  return q.executeTakeFirstOrThrow();
}

export function findMeetingItem(db: Executor, id: string, unitIds: readonly string[]) {
  if (!unitIds.length) return Promise.resolve(undefined);
  return db
    .selectFrom('meeting_items')
    .selectAll()
    .where('id', '=', id)
    .where('unit_id', 'in', unitIds)
    .executeTakeFirst();
}

export async function bumpVersion(db: Executor, meetingId: string, now: string): Promise<void> {
  await db
    .updateTable('meetings')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', meetingId)
    .execute();
}

export async function listMeetings(
  db: Executor,
  q: { unitId: string; year?: number | undefined; status?: string | undefined; limit: number; offset: number },
) {
  let base = db.selectFrom('meetings').where('unit_id', '=', q.unitId);
  if (q.year) base = base.where('year', '=', q.year);
  if (q.status) base = base.where('status', '=', q.status);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('date', 'desc').orderBy('seq', 'desc').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: toCount(count?.n) };
}

export async function meetingCounts(db: Executor, meetingIds: readonly string[]) {
  if (!meetingIds.length) {
    return {
      items: new Map<string, number>(),
      attendance: new Map<string, { members: number; present: number }>(),
      minutes: new Map<string, string>(),
    };
  }
  const [items, att, mins] = await Promise.all([
    db
      .selectFrom('meeting_items')
      .select((eb) => ['meeting_id', eb.fn.countAll().as('n')])
      .where('meeting_id', 'in', meetingIds)
      .groupBy('meeting_id')
      .execute(),
    db
      .selectFrom('meeting_attendance')
      .select((eb) => [
        'meeting_id',
        eb.fn.countAll().as('members'),
        eb.fn.sum(eb.case().when('status', '=', 'present').then(1).else(0).end()).as('present'),
      ])
      .where('meeting_id', 'in', meetingIds)
      .where('role', '=', 'member')
      .groupBy('meeting_id')
      .execute(),
    db
      .selectFrom('meeting_minutes')
      .select(['meeting_id', 'status', 'version'])
      .where('meeting_id', 'in', meetingIds)
      .orderBy('version')
      .execute(),
  ]);
  const minutes = new Map<string, string>();
  for (const m of mins) {
    if (minutes.get(m.meeting_id) !== 'approved' || m.status === 'approved') {
      minutes.set(m.meeting_id, m.status === 'approved' ? 'approved' : (minutes.get(m.meeting_id) ?? 'draft'));
    }
  }
  return {
    items: new Map(items.map((r) => [r.meeting_id, toCount(r.n)])),
    attendance: new Map(att.map((r) => [r.meeting_id, { members: toCount(r.members), present: toCount(r.present) }])),
    minutes,
  };
}

export function attendanceOf(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_attendance')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('role', 'desc')
    .orderBy('sort_order')
    .execute();
}

/** Meeting items with the agenda item's facts the meeting needs. */
export function itemsOf(db: Executor, meetingId: string) {
  return db
    .selectFrom('meeting_items')
    .innerJoin('agenda_items', 'agenda_items.id', 'meeting_items.agenda_item_id')
    .leftJoin('people', 'people.id', 'agenda_items.sponsor_person_id')
    .selectAll('meeting_items')
    .select([
      'agenda_items.title',
      'agenda_items.important',
      'agenda_items.major_decision',
      'agenda_items.approved_on',
      'agenda_items.amend_kind',
      'agenda_items.amends_item_id',
      'agenda_items.decision_text',
      'people.name as sponsor_name',
    ])
    .where('meeting_items.meeting_id', '=', meetingId)
    .orderBy('meeting_items.seq')
    .execute();
}

export function recusalsOf(db: Executor, meetingItemIds: readonly string[]) {
  if (!meetingItemIds.length) return Promise.resolve([]);
  return db.selectFrom('meeting_item_recusals').selectAll().where('meeting_item_id', 'in', meetingItemIds).execute();
}

export function participationOf(db: Executor, meetingItemIds: readonly string[]) {
  if (!meetingItemIds.length) return Promise.resolve([]);
  return db.selectFrom('vote_participation').selectAll().where('meeting_item_id', 'in', meetingItemIds).execute();
}

export function namedVotesOf(db: Executor, meetingItemIds: readonly string[]) {
  if (!meetingItemIds.length) return Promise.resolve([]);
  return db.selectFrom('named_votes').selectAll().where('meeting_item_id', 'in', meetingItemIds).execute();
}

/** Secret ballot counts per candidate and choice: never a row that names anyone. */
export function secretCounts(db: Executor, meetingItemId: string) {
  return db
    .selectFrom('secret_votes')
    .select((eb) => ['candidate_id', 'choice', eb.fn.countAll().as('n')])
    .where('meeting_item_id', '=', meetingItemId)
    .groupBy(['candidate_id', 'choice'])
    .execute();
}

export function talliesOf(db: Executor, meetingItemIds: readonly string[]) {
  if (!meetingItemIds.length) return Promise.resolve([]);
  return db.selectFrom('meeting_item_tallies').selectAll().where('meeting_item_id', 'in', meetingItemIds).execute();
}

export function minutesOf(db: Executor, meetingId: string) {
  return db.selectFrom('meeting_minutes').selectAll().where('meeting_id', '=', meetingId).orderBy('version').execute();
}

export async function nextSeq(db: Executor, unitId: string, year: number): Promise<number> {
  const r = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  return toCount(r?.m) + 1;
}

// ── read by the decisions module ────────────────────────────────────────────

/** Where an agenda item has been on a meeting's agenda. */
export function placementsOfItem(db: Executor, agendaItemId: string) {
  return db
    .selectFrom('meeting_items')
    .innerJoin('meetings', 'meetings.id', 'meeting_items.meeting_id')
    .select([
      'meetings.id as meeting_id',
      'meeting_items.id as meeting_item_id',
      'meetings.title',
      'meetings.date',
      'meeting_items.state',
      'meeting_items.result',
    ])
    .where('meeting_items.agenda_item_id', '=', agendaItemId)
    .orderBy('meetings.date')
    .execute();
}

export function meetingsOfMeetingItems(db: Executor, meetingItemIds: readonly string[]) {
  if (!meetingItemIds.length) return Promise.resolve([]);
  return db
    .selectFrom('meeting_items')
    .innerJoin('meetings', 'meetings.id', 'meeting_items.meeting_id')
    .select(['meeting_items.id as meeting_item_id', 'meetings.id as meeting_id', 'meetings.title'])
    .where('meeting_items.id', 'in', meetingItemIds)
    .execute();
}

export function upcomingMeetings(db: Executor, unitId: string, from: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'title', 'date', 'start_time', 'status'])
    .where('unit_id', '=', unitId)
    .where('date', '>=', from)
    .where('status', 'in', ['draft', 'published', 'open'])
    .orderBy('date')
    .limit(10)
    .execute();
}

/** Held meetings on or before a date, with the date their minutes were approved (PG-12 candidates; the deadline is computed per meeting). */
export function minutesCandidates(db: Executor, unitIds: readonly string[], heldOnOrBefore: string, from?: string) {
  if (!unitIds.length) return Promise.resolve([]);
  let q = db
    .selectFrom('meetings')
    .select(['id', 'unit_id', 'title', 'date', 'minutes_approved_on'])
    .where('unit_id', 'in', unitIds)
    .where('status', 'in', ['open', 'closed'])
    .where('date', '<=', heldOnOrBefore);
  if (from) q = q.where('date', '>=', from);
  return q.orderBy('date', 'desc').execute();
}

/** The latest held meeting date per unit (PG-05). */
export function lastHeldDates(db: Executor, unitIds: readonly string[]) {
  if (!unitIds.length) return Promise.resolve([]);
  return db
    .selectFrom('meetings')
    .select((eb) => ['unit_id', eb.fn.max('date').as('last')])
    .where('unit_id', 'in', unitIds)
    .where('status', 'in', ['open', 'closed'])
    .groupBy('unit_id')
    .execute();
}

/** Settled meeting items with detector flags (partial index meeting_items_flagged_idx). */
export function flaggedItems(db: Executor, unitIds: readonly string[], from?: string, to?: string) {
  if (!unitIds.length) return Promise.resolve([]);
  let q = db
    .selectFrom('meeting_items')
    .innerJoin('agenda_items', 'agenda_items.id', 'meeting_items.agenda_item_id')
    .select([
      'meeting_items.id',
      'meeting_items.meeting_id',
      'meeting_items.unit_id',
      'meeting_items.meeting_date',
      'meeting_items.flags',
      'meeting_items.item_kind',
      'meeting_items.tzyd_category',
      'meeting_items.present_count',
      'meeting_items.quorum_required',
      'meeting_items.members_count',
      'meeting_items.result',
      'meeting_items.recorded_outcome',
      'agenda_items.title',
      'agenda_items.id as agenda_item_id',
      'agenda_items.approved_on',
    ])
    .where('meeting_items.flags', '>', 0)
    .where('meeting_items.unit_id', 'in', unitIds);
  if (from) q = q.where('meeting_items.meeting_date', '>=', from);
  if (to) q = q.where('meeting_items.meeting_date', '<=', to);
  return q.execute();
}
