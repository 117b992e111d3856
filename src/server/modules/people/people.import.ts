/**
 * The people side of the units import (orgs/import): find records by the blind index of their ID
 * numbers, create a record with its current unit, post and rank, and update the fields that
 * differ with dated post and rank rows. Each write is audited as the people pages audit theirs,
 * inside the import's transaction.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/database.js';
import { chunk, type Executor } from '../../db/helpers.js';
import type { AuditActor } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import * as repo from './people.repository.js';

/** Where a person's ID number ciphertext lives (each ciphertext is bound to its table, column and row). */
export const idNumberAt = (personId: string) =>
  ({ table: 'people', column: 'id_number_enc', rowId: personId }) as const;

export const ID_NUMBER_PURPOSE = 'id_number';

export interface PersonFields {
  name: string;
  sex: 'M' | 'F';
  birthMonth: string;
  ethnicity: string;
  politicalStatus: string;
  nativePlace: string | null;
  birthplace: string | null;
  workStartDate: string | null;
  partyJoinDate: string | null;
  professionalTitle: string | null;
}

export interface PersonFacts extends PersonFields {
  id: string;
  unitId: string;
  /** Open post rows */
  posts: { id: string; title: string; startDate: string }[];
  /** Open rank rows */
  ranks: { id: string; code: string; startDate: string }[];
}

export interface PersonCreate extends PersonFields {
  id: string;
  idNumber: string;
  unitId: string;
  post: { title: string; startDate: string } | null;
  rank: { code: string; startDate: string } | null;
}

export interface PersonUpdate {
  id: string;
  unitId: string;
  before: Partial<PersonFields>;
  after: Partial<PersonFields>;
  closePosts: { id: string; endDate: string }[];
  newPost: { title: string; startDate: string } | null;
  closeRanks: { id: string; endDate: string }[];
  newRank: { code: string; startDate: string } | null;
}

const COLUMNS: Record<keyof PersonFields, string> = {
  name: 'name',
  sex: 'sex',
  birthMonth: 'birth_month',
  ethnicity: 'ethnicity',
  politicalStatus: 'political_status',
  nativePlace: 'native_place',
  birthplace: 'birthplace',
  workStartDate: 'work_start_date',
  partyJoinDate: 'party_join_date',
  professionalTitle: 'professional_title',
};

/** Existing records for the given blind indexes, with their open post and rank rows. */
export async function peopleByBlindIndex(db: Executor, blinds: string[]): Promise<Map<string, PersonFacts>> {
  const out = new Map<string, PersonFacts>();
  const rows = [];
  for (const part of chunk(blinds, 500)) rows.push(...(await repo.findManyByBlindIndex(db, part)));
  const posts = [];
  const ranks = [];
  for (const part of chunk(
    rows.map((r) => r.id),
    500,
  )) {
    posts.push(...(await repo.openPostsOf(db, part)));
    ranks.push(...(await repo.openRanksOf(db, part)));
  }
  for (const r of rows) {
    out.set(r.id_number_blind as string, {
      id: r.id,
      unitId: r.unit_id,
      name: r.name,
      sex: r.sex as 'M' | 'F',
      birthMonth: r.birth_month,
      ethnicity: r.ethnicity,
      politicalStatus: r.political_status,
      nativePlace: r.native_place,
      birthplace: r.birthplace,
      workStartDate: r.work_start_date,
      partyJoinDate: r.party_join_date,
      professionalTitle: r.professional_title,
      posts: posts
        .filter((p) => p.person_id === r.id)
        .map((p) => ({ id: p.id, title: p.title, startDate: p.start_date })),
      ranks: ranks
        .filter((p) => p.person_id === r.id)
        .map((p) => ({ id: p.id, code: p.rank_code, startDate: p.start_date })),
    });
  }
  return out;
}

function columns(fields: Partial<PersonFields>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(fields)) out[COLUMNS[k as keyof PersonFields]] = v;
  return out;
}

export async function createImportedPerson(
  trx: Transaction<Database>,
  ctx: AppContext,
  actor: AuditActor,
  p: PersonCreate,
  today: string,
): Promise<void> {
  const now = nowIso(ctx.clock);
  const { id, idNumber, unitId, post, rank, ...fields } = p;
  await trx
    .insertInto('people')
    .values({
      id,
      unit_id: unitId,
      name: fields.name,
      sex: fields.sex,
      birth_month: fields.birthMonth,
      ethnicity: fields.ethnicity,
      political_status: fields.politicalStatus,
      native_place: fields.nativePlace,
      birthplace: fields.birthplace,
      work_start_date: fields.workStartDate,
      party_join_date: fields.partyJoinDate,
      professional_title: fields.professionalTitle,
      id_number_enc: ctx.crypto.encrypt(idNumber, idNumberAt(id)),
      id_number_blind: ctx.crypto.blindIndex(ID_NUMBER_PURPOSE, idNumber),
      id_number_last4: idNumber.slice(-4),
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const rowId = () => uuidv7(ctx.random, ctx.clock.now().getTime());
  await trx
    .insertInto('person_units')
    .values({
      id: rowId(),
      person_id: id,
      unit_id: unitId,
      start_date: post?.startDate ?? today,
      end_date: null,
      created_at: now,
    })
    .execute();
  if (rank) {
    await trx
      .insertInto('person_ranks')
      .values({
        id: rowId(),
        person_id: id,
        rank_code: rank.code,
        start_date: rank.startDate,
        end_date: null,
        note: null,
        created_at: now,
      })
      .execute();
  }
  if (post) {
    await trx
      .insertInto('person_posts')
      .values({
        id: rowId(),
        person_id: id,
        unit_id: unitId,
        title: post.title,
        is_leading: 1,
        start_date: post.startDate,
        end_date: null,
        created_at: now,
      })
      .execute();
  }
  await ctx.audit.record(trx, actor, {
    action: 'people.created',
    entityType: 'person',
    entityId: id,
    unitId,
    after: { ...fields, idNumber, rankCode: rank?.code ?? null, postTitle: post?.title ?? null },
    details: { via: 'import' },
  });
}

export async function updateImportedPerson(
  trx: Transaction<Database>,
  ctx: AppContext,
  actor: AuditActor,
  u: PersonUpdate,
): Promise<void> {
  const now = nowIso(ctx.clock);
  if (Object.keys(u.after).length) {
    await trx
      .updateTable('people')
      .set({ ...columns(u.after), updated_at: now })
      .where('id', '=', u.id)
      .execute();
    await ctx.audit.record(trx, actor, {
      action: 'people.updated',
      entityType: 'person',
      entityId: u.id,
      unitId: u.unitId,
      before: u.before,
      after: u.after,
      details: { via: 'import' },
    });
  }
  if (u.newPost) {
    for (const c of u.closePosts) {
      await trx.updateTable('person_posts').set({ end_date: c.endDate }).where('id', '=', c.id).execute();
    }
    await trx
      .insertInto('person_posts')
      .values({
        id: uuidv7(ctx.random, ctx.clock.now().getTime()),
        person_id: u.id,
        unit_id: u.unitId,
        title: u.newPost.title,
        is_leading: 1,
        start_date: u.newPost.startDate,
        end_date: null,
        created_at: now,
      })
      .execute();
    await ctx.audit.record(trx, actor, {
      action: 'people.post_added',
      entityType: 'person',
      entityId: u.id,
      unitId: u.unitId,
      after: { posts: [u.newPost.title], startDate: u.newPost.startDate },
      details: { via: 'import' },
    });
  }
  if (u.newRank) {
    for (const c of u.closeRanks) {
      await trx.updateTable('person_ranks').set({ end_date: c.endDate }).where('id', '=', c.id).execute();
    }
    await trx
      .insertInto('person_ranks')
      .values({
        id: uuidv7(ctx.random, ctx.clock.now().getTime()),
        person_id: u.id,
        rank_code: u.newRank.code,
        start_date: u.newRank.startDate,
        end_date: null,
        note: null,
        created_at: now,
      })
      .execute();
    await ctx.audit.record(trx, actor, {
      action: 'people.rank_added',
      entityType: 'person',
      entityId: u.id,
      unitId: u.unitId,
      after: { rank: [u.newRank.code], startDate: u.newRank.startDate },
      details: { rankCode: u.newRank.code, via: 'import' },
    });
  }
}
