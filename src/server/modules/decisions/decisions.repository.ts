/**
 * Decisions queries: catalogue, agenda items and what hangs off them. Functions take an executor
 * first; no business decisions here.
 */
import { toCount, type Executor } from '../../db/helpers.js';

export function listCatalogue(db: Executor, unitId: string) {
  return db
    .selectFrom('decision_catalogue')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

export function findCatalogueEntry(db: Executor, id: string) {
  return db.selectFrom('decision_catalogue').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An agenda item within the given units (scoped in SQL; an unseen item is simply absent). */
export function findItem(db: Executor, id: string, unitIds: readonly string[]) {
  if (unitIds.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('agenda_items')
    .selectAll()
    .where('id', '=', id)
    .where('unit_id', 'in', unitIds)
    .executeTakeFirst();
}

export function lockItem(db: Executor, id: string, postgres: boolean) {
  let q = db.selectFrom('agenda_items').selectAll().where('id', '=', id);
  if (postgres) q = q.forUpdate();
  return q.executeTakeFirstOrThrow();
}

export async function listItems(
  db: Executor,
  q: { unitId: string; statuses?: readonly string[]; limit: number; offset: number },
) {
  let base = db.selectFrom('agenda_items').where('agenda_items.unit_id', '=', q.unitId).where('origin', '=', 'agenda');
  if (q.statuses?.length) base = base.where('status', 'in', q.statuses);
  const [rows, count] = await Promise.all([
    base
      .innerJoin('decision_catalogue', 'decision_catalogue.id', 'agenda_items.catalogue_id')
      .leftJoin('people', 'people.id', 'agenda_items.sponsor_person_id')
      .selectAll('agenda_items')
      .select(['decision_catalogue.name as catalogue_name', 'people.name as sponsor_name'])
      .orderBy('agenda_items.proposed_at', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: toCount(count?.n) };
}

export function catalogueNames(db: Executor, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string; name: string }[]);
  return db
    .selectFrom('decision_catalogue')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export function personNames(db: Executor, ids: readonly (string | null)[]) {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return Promise.resolve(new Map<string, string>());
  return db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('id', 'in', list)
    .execute()
    .then((r) => new Map(r.map((p) => [p.id, p.name])));
}

export function userNames(db: Executor, ids: readonly (string | null)[]) {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return Promise.resolve(new Map<string, string>());
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', list)
    .execute()
    .then((r) => new Map(r.map((u) => [u.id, u.display_name])));
}

export function candidatesOf(db: Executor, itemIds: readonly string[]) {
  if (!itemIds.length) return Promise.resolve([]);
  return db
    .selectFrom('agenda_item_candidates')
    .selectAll()
    .where('agenda_item_id', 'in', itemIds)
    .orderBy('sort_order')
    .execute();
}

export function stepsOf(db: Executor, itemIds: readonly string[]) {
  if (!itemIds.length) return Promise.resolve([]);
  return db.selectFrom('procedure_steps').selectAll().where('agenda_item_id', 'in', itemIds).execute();
}

export function expertsOf(db: Executor, stepIds: readonly string[]) {
  if (!stepIds.length) return Promise.resolve([]);
  return db
    .selectFrom('procedure_experts')
    .selectAll()
    .where('step_id', 'in', stepIds)
    .orderBy('recorded_at')
    .execute();
}

export function consultationsOf(db: Executor, itemIds: readonly string[]) {
  if (!itemIds.length) return Promise.resolve([]);
  return db
    .selectFrom('item_consultations')
    .innerJoin('people', 'people.id', 'item_consultations.person_id')
    .selectAll('item_consultations')
    .select('people.name as person_name')
    .where('agenda_item_id', 'in', itemIds)
    .orderBy('consulted_on')
    .execute();
}

export function filesOf(db: Executor, itemId: string) {
  return db
    .selectFrom('decision_files')
    .select(['id', 'owner_type', 'owner_id', 'name', 'mime', 'size', 'sm3', 'uploaded_at', 'uploaded_by'])
    .where('agenda_item_id', '=', itemId)
    .orderBy('uploaded_at')
    .execute();
}

export function amendmentsOf(db: Executor, itemId: string) {
  return db
    .selectFrom('agenda_items')
    .select(['id', 'title', 'amend_kind', 'status'])
    .where('amends_item_id', '=', itemId)
    .orderBy('proposed_at')
    .execute();
}

/** The page of a unit's decision list: items with an outcome, newest first. */
export async function listDecisions(
  db: Executor,
  q: {
    unitId: string;
    year?: number | undefined;
    tzyd?: string | undefined;
    kind?: string | undefined;
    q?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  let base = db
    .selectFrom('agenda_items')
    .where('unit_id', '=', q.unitId)
    .where('status', 'in', ['decided', 'not_passed']);
  if (q.year) base = base.where('decided_on', '>=', `${q.year}-01-01`).where('decided_on', '<=', `${q.year}-12-31`);
  if (q.tzyd) base = base.where('tzyd_category', '=', q.tzyd);
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.q) base = base.where('title', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  const [rows, count] = await Promise.all([
    base
      .select([
        'id',
        'title',
        'kind',
        'tzyd_category',
        'status',
        'decided_on',
        'origin',
        'outcome',
        'decided_meeting_item_id',
        'amend_kind',
      ])
      .orderBy('decided_on', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: toCount(count?.n) };
}

/** Task counts per item for a page of decisions; overdue needs today's date (deadline < today). */
export function taskCounts(db: Executor, itemIds: readonly string[], today: string) {
  if (!itemIds.length) return Promise.resolve([]);
  return db
    .selectFrom('decision_tasks')
    .select((eb) => [
      'agenda_item_id',
      eb.fn.countAll().as('total'),
      eb.fn.sum(eb.case().when('status', '=', 'done').then(1).else(0).end()).as('done'),
      eb.fn
        .sum(
          eb
            .case()
            .when(eb.and([eb('status', 'in', ['not_started', 'in_progress']), eb('deadline', '<', today)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
    ])
    .where('agenda_item_id', 'in', itemIds)
    .groupBy('agenda_item_id')
    .execute();
}

/** Decisions registered outside a meeting (a violation detector's input: DC-03, ZZ-03). */
export function outsideDecisions(db: Executor, unitIds: readonly string[], from?: string, to?: string) {
  let q = db
    .selectFrom('agenda_items')
    .select(['id', 'unit_id', 'title', 'decided_on', 'kind', 'tzyd_category', 'collective_required', 'decided_how'])
    .where('origin', '=', 'outside_meeting')
    .where('unit_id', 'in', unitIds.length ? unitIds : ['-']);
  if (from) q = q.where('decided_on', '>=', from);
  if (to) q = q.where('decided_on', '<=', to);
  return q.execute();
}
