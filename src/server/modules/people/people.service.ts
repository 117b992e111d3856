/**
 * Cadre records: scoped lists, the full record for those with authority, create and update with
 * validation, dated rank/post/unit history (never overwritten), the encrypted ID number (masked,
 * revealed only with authority and audited, with a blind index to find duplicates).
 */
import type { PersonBody, PersonUpdate } from '../../../common/contracts/people.js';
import { fullYearsBetween } from '../../../common/dates.js';
import { AppError, forbidden, invalidField, notFound } from '../../../common/errors.js';
import { maskIdNumber, parseIdNumber } from '../../../common/id-number.js';
import { getRankDef, LEVELS, levelLabel, RANKS, highestLevel, type LevelCode } from '../../../common/ranks.js';
import { teamPostLabel } from '../../../common/contracts/orgs.js';
import type { AppContext } from '../../context.js';
import { fromJson, toBool, toJson, type Executor } from '../../db/helpers.js';
import { hasAnyRole, managedUnitIds, type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import * as repo from './people.repository.js';
import type { PeopleScope } from './people.repository.js';
import { accessTo, canCreateInUnit, canEditPerson, canRevealIdNumber, type PersonScopeFacts } from './people.policy.js';
import { closingDateFor, validatePerson } from './people.rules.js';
import { finding } from '../../../common/rules/finding.js';

const ID_PURPOSE = 'id_number';

// The people side of the units import (orgs/import), exposed here as this module's door.
import { idNumberAt } from './people.import.js';
export {
  createImportedPerson,
  idNumberAt,
  peopleByBlindIndex,
  updateImportedPerson,
  type PersonCreate,
  type PersonFacts,
  type PersonFields,
  type PersonUpdate,
} from './people.import.js';
export { closingDateFor, validatePerson } from './people.rules.js';

/** Records per unit (the first-run checklist). */
export function countPeopleByUnit(ctx: AppContext, unitIds: string[]): Promise<Map<string, number>> {
  return repo.countByUnit(ctx.db, unitIds);
}

/** Facts for scope checks; other modules use this to decide who may see a person. */
export async function loadPersonScope(
  db: Executor,
  id: string,
  todayDate: string,
): Promise<(PersonScopeFacts & { name: string }) | undefined> {
  const p = await db.selectFrom('people').select(['id', 'unit_id', 'name']).where('id', '=', id).executeTakeFirst();
  if (!p) return undefined;
  return {
    id: p.id,
    unitId: p.unit_id,
    name: p.name,
    onOwnTeam: await repo.isOnOwnTeam(db, p.id, p.unit_id, todayDate),
  };
}

function listableUnitIds(actor: Actor): string[] {
  return [...new Set([...actor.ownUnitIds, ...managedUnitIds(actor)])];
}

/** Whose records the actor may list (visiblePeople): own and managed units, and itself; admins none. */
export function peopleScopeOf(actor: Actor): PeopleScope {
  return { unitIds: actor.adminRole ? [] : listableUnitIds(actor), selfId: actor.adminRole ? null : actor.personId };
}

/** A unit named in a request that the actor cannot see: 404 like any unseen record, naming the field. */
const unitNotFound = () => new AppError('NOT_FOUND', '单位不存在或无权查看', { field: 'unitId' });

export async function listPeople(
  ctx: AppContext,
  actor: Actor,
  q: {
    unitId?: string | undefined;
    includeChildren?: '0' | '1' | undefined;
    q?: string | undefined;
    sex?: string | undefined;
    ethnicity?: string | undefined;
    level?: string | undefined;
    teamOnly: '0' | '1';
    sort: 'name' | 'birthMonth' | 'unit' | 'level';
    order: 'asc' | 'desc';
    page: number;
    pageSize: number;
  },
) {
  if (q.unitId && !actor.adminRole && !listableUnitIds(actor).includes(q.unitId)) throw unitNotFound();
  const d = today(ctx.clock);
  const rankCodes = q.level ? RANKS.filter((r) => r.level === (q.level as LevelCode)).map((r) => r.code) : undefined;
  if (q.level && !LEVELS.some((l) => l.code === q.level)) throw invalidField('level', '未知的级别');
  const { rows, total } = await repo.listPeople(ctx.db, {
    ...peopleScopeOf(actor),
    unitId: q.unitId,
    includeChildren: q.includeChildren === '1',
    q: q.q,
    sex: q.sex,
    ethnicity: q.ethnicity,
    rankCodes,
    teamOnly: q.teamOnly === '1',
    today: d,
    sort: q.sort,
    order: q.order,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const ids = rows.map((r) => r.id);
  const [team, posts, ranks] = await Promise.all([
    repo.currentTeamRows(ctx.db, ids, d),
    repo.currentPosts(ctx.db, ids, d),
    repo.currentRanks(ctx.db, ids, d),
  ]);
  const organ = new Map(
    (
      await ctx.db
        .selectFrom('units')
        .select(['id', 'organ_type'])
        .where('id', 'in', rows.length ? [...new Set(rows.map((r) => r.unit_id))] : ['-'])
        .execute()
    ).map((u) => [u.id, u.organ_type]),
  );
  const items = rows.map((r) => {
    const t = team.find((x) => x.person_id === r.id);
    const access = accessTo(actor, { id: r.id, unitId: r.unit_id, onOwnTeam: !!t });
    const post = posts.find((x) => x.person_id === r.id)?.title ?? t?.admin_post ?? null;
    const basic = {
      id: r.id,
      name: r.name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      currentPost: post,
      teamPost: t ? teamPostLabel(t.team_post, organ.get(r.unit_id) ?? 'party_group') : null,
      divisionOfWork: t?.division_of_work ?? null,
      access: access === 'full' ? ('full' as const) : ('basic' as const),
    };
    if (access !== 'full') {
      return {
        ...basic,
        sex: null,
        birthMonth: null,
        ethnicity: null,
        politicalStatus: null,
        rankCode: null,
        rankLabel: null,
        levelLabel: null,
        qualification: null,
      };
    }
    const codes = ranks.filter((x) => x.person_id === r.id).map((x) => x.rank_code);
    const top = codes
      .map((c) => getRankDef(c))
      .filter((x) => !!x)
      .sort((a, b) => (a.kind === 'leading' ? -1 : 1) - (b.kind === 'leading' ? -1 : 1))[0];
    return {
      ...basic,
      sex: r.sex as 'M' | 'F',
      birthMonth: r.birth_month,
      ethnicity: r.ethnicity,
      politicalStatus: r.political_status,
      rankCode: top?.code ?? null,
      rankLabel: top?.zh ?? null,
      levelLabel: levelLabel(highestLevel(codes)) || null,
      qualification: fromJson<{ qualification?: string } | null>(r.education_fulltime, null)?.qualification ?? null,
    };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

async function scopeOrNotFound(ctx: AppContext, actor: Actor, id: string) {
  const facts = await loadPersonScope(ctx.db, id, today(ctx.clock));
  if (!facts) throw notFound('人员');
  const access = accessTo(actor, facts);
  if (access === 'none') throw notFound('人员');
  return { facts, access };
}

export async function getPerson(ctx: AppContext, actor: Actor, id: string) {
  const { facts, access } = await scopeOrNotFound(ctx, actor, id);
  const d = today(ctx.clock);
  const p = await repo.findPerson(ctx.db, id);
  if (!p) throw notFound('人员');
  const unit = await ctx.db
    .selectFrom('units')
    .select(['name', 'organ_type'])
    .where('id', '=', p.unit_id)
    .executeTakeFirstOrThrow();
  const [team] = await repo.currentTeamRows(ctx.db, [id], d);
  const [post] = await repo.currentPosts(ctx.db, [id], d);
  const basic = {
    id,
    name: p.name,
    unitId: p.unit_id,
    unitName: unit.name,
    currentPost: post?.title ?? team?.admin_post ?? null,
    teamPost: team ? teamPostLabel(team.team_post, unit.organ_type) : null,
    divisionOfWork: team?.division_of_work ?? null,
    access: access === 'full' ? ('full' as const) : ('basic' as const),
  };
  if (access !== 'full') return basic;
  const [ranks, posts, units, resume, family] = await Promise.all([
    repo.ranksOf(ctx.db, id),
    repo.postsOf(ctx.db, id),
    repo.unitHistoryOf(ctx.db, id),
    repo.resumeOf(ctx.db, id),
    repo.familyOf(ctx.db, id),
  ]);
  return {
    ...basic,
    sex: p.sex as 'M' | 'F',
    birthMonth: p.birth_month,
    ethnicity: p.ethnicity,
    nativePlace: p.native_place,
    birthplace: p.birthplace,
    politicalStatus: p.political_status,
    partyJoinDate: p.party_join_date,
    workStartDate: p.work_start_date,
    health: p.health,
    professionalTitle: p.professional_title,
    expertise: p.expertise,
    educationFulltime: fromJson(p.education_fulltime, null),
    educationInservice: fromJson(p.education_inservice, null),
    rewardsPunishments: p.rewards_punishments,
    idNumberMasked: maskIdNumber(p.id_number_last4),
    resume: resume.map((r) => ({ startMonth: r.start_month, endMonth: r.end_month, text: r.text })),
    family: family.map((f) => ({
      id: f.id,
      relation: f.relation as never,
      name: f.name,
      birthDate: f.birth_date,
      politicalStatus: f.political_status,
      employerPost: f.employer_post,
    })),
    ranks: ranks.map((r) => {
      const def = getRankDef(r.rank_code);
      return {
        id: r.id,
        rankCode: r.rank_code,
        rankLabel: def?.zh ?? r.rank_code,
        levelLabel: def ? levelLabel(def.level) : '',
        startDate: r.start_date,
        endDate: r.end_date,
        note: r.note,
      };
    }),
    posts: posts.map((x) => ({
      id: x.id,
      unitId: x.unit_id,
      unitName: x.unit_name,
      title: x.title,
      isLeading: toBool(x.is_leading),
      startDate: x.start_date,
      endDate: x.end_date,
    })),
    unitHistory: units.map((u) => ({
      unitId: u.unit_id,
      unitName: u.unit_name,
      startDate: u.start_date,
      endDate: u.end_date,
    })),
    age: fullYearsBetween(`${p.birth_month}-01`, d),
    canEdit: canEditPerson(actor, facts),
    canRevealIdNumber: canRevealIdNumber(actor, facts),
    updatedAt: p.updated_at,
  };
}

function assertValid(ctx: AppContext, body: PersonUpdate): void {
  const errors = validatePerson({ ...body, sex: body.sex, family: body.family, resume: body.resume }, today(ctx.clock));
  const first = errors[0];
  if (first) {
    throw new AppError('VALIDATION_FAILED', first.message, {
      field: first.field,
      details: { issues: errors },
      ...(first.field === 'idNumber' ? { findings: [idFinding(first.message)] } : {}),
    });
  }
}

/** ID-01 (GB 11643): an ID number refused carries its rule (the rule has no parameters). */
function idFinding(message: string) {
  return finding(
    'ID-01',
    { field: 'idNumber' },
    {},
    {
      zh: `${message}（ID-01）`,
      en: 'The ID number does not pass the GB 11643 check (ID-01).',
    },
  );
}

/** Encrypt the ID number for the person's row, refusing one already on another record. */
async function sealIdNumber(
  ctx: AppContext,
  actor: Actor,
  raw: string | null | undefined,
  personId: string,
  isNew: boolean,
) {
  const selfId = isNew ? null : personId;
  if (!raw) return { id_number_enc: null, id_number_blind: null, id_number_last4: null };
  const parsed = parseIdNumber(raw);
  if (!parsed.ok) {
    throw new AppError('VALIDATION_FAILED', parsed.message, {
      field: 'idNumber',
      findings: [idFinding(parsed.message)],
    });
  }
  const blind = ctx.crypto.blindIndex(ID_PURPOSE, parsed.value);
  const dupes = (await repo.findByBlindIndex(ctx.db, blind)).filter((d) => d.id !== selfId);
  const dupe = dupes[0];
  if (dupe) {
    const facts = await loadPersonScope(ctx.db, dupe.id, today(ctx.clock));
    const visible = facts && accessTo(actor, facts) !== 'none';
    throw new AppError(
      'CONFLICT',
      visible
        ? `该身份证号已登记在 ${dupe.name} 的档案中（疑似重复建档）`
        : '该身份证号已登记在其他人员档案中（疑似重复建档）',
      { field: 'idNumber' },
    );
  }
  return {
    id_number_enc: ctx.crypto.encrypt(parsed.value, idNumberAt(personId)),
    id_number_blind: blind,
    id_number_last4: parsed.value.slice(-4),
  };
}

function recordColumns(body: PersonUpdate) {
  return {
    name: body.name,
    sex: body.sex,
    birth_month: body.birthMonth,
    ethnicity: body.ethnicity,
    native_place: body.nativePlace ?? null,
    birthplace: body.birthplace ?? null,
    political_status: body.politicalStatus,
    party_join_date: body.partyJoinDate ?? null,
    work_start_date: body.workStartDate ?? null,
    health: body.health ?? null,
    professional_title: body.professionalTitle ?? null,
    expertise: body.expertise ?? null,
    education_fulltime: body.educationFulltime ? toJson(body.educationFulltime) : null,
    education_inservice: body.educationInservice ? toJson(body.educationInservice) : null,
    rewards_punishments: body.rewardsPunishments ?? null,
  };
}

async function writeResumeAndFamily(
  trx: Executor,
  ctx: AppContext,
  personId: string,
  body: PersonUpdate,
): Promise<void> {
  await trx.deleteFrom('person_resume').where('person_id', '=', personId).execute();
  if (body.resume.length) {
    await trx
      .insertInto('person_resume')
      .values(
        body.resume.map((r, i) => ({
          id: uuidv7(ctx.random),
          person_id: personId,
          start_month: r.startMonth,
          end_month: r.endMonth ?? null,
          text: r.text,
          sort_order: i,
        })),
      )
      .execute();
  }
  // Family rows keep their ids (other records, such as personal-matters reports, refer to them).
  const existing = await repo.familyOf(trx, personId);
  const keep = new Set(body.family.map((f) => f.id).filter((x): x is string => !!x));
  for (const f of existing) if (!keep.has(f.id)) await trx.deleteFrom('person_family').where('id', '=', f.id).execute();
  for (const [i, f] of body.family.entries()) {
    const cols = {
      relation: f.relation,
      name: f.name,
      birth_date: f.birthDate ?? null,
      political_status: f.politicalStatus ?? null,
      employer_post: f.employerPost ?? null,
      sort_order: i,
    };
    if (f.id && existing.some((e) => e.id === f.id)) {
      await trx.updateTable('person_family').set(cols).where('id', '=', f.id).execute();
    } else if (f.id) throw invalidField(`family.${i}`, '家庭成员记录不存在');
    else {
      await trx
        .insertInto('person_family')
        .values({ id: uuidv7(ctx.random), person_id: personId, ...cols })
        .execute();
    }
  }
}

export async function createPerson(
  ctx: AppContext,
  actor: Actor,
  body: PersonBody,
  meta: RequestMeta,
): Promise<string> {
  const unit = await ctx.db.selectFrom('units').select('id').where('id', '=', body.unitId).executeTakeFirst();
  if (!unit || !listableUnitIds(actor).includes(body.unitId)) throw unitNotFound();
  if (!canCreateInUnit(actor, body.unitId)) throw forbidden('只有具有干部管理权限的人事部门可以新增人员档案');
  assertValid(ctx, body);
  if (body.rankCode && !body.rankStartDate) throw invalidField('rankStartDate', '请填写任现职级时间');
  if (body.postTitle && !body.postStartDate) throw invalidField('postStartDate', '请填写任现职务时间');
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  const sealed = await sealIdNumber(ctx, actor, body.idNumber, id, true);
  const d = today(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('people')
      .values({
        id,
        unit_id: body.unitId,
        ...recordColumns(body),
        ...sealed,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('person_units')
      .values({
        id: uuidv7(ctx.random),
        person_id: id,
        unit_id: body.unitId,
        start_date: body.postStartDate ?? d,
        end_date: null,
        created_at: now,
      })
      .execute();
    if (body.rankCode && body.rankStartDate) {
      await trx
        .insertInto('person_ranks')
        .values({
          id: uuidv7(ctx.random),
          person_id: id,
          rank_code: body.rankCode,
          start_date: body.rankStartDate,
          end_date: null,
          note: null,
          created_at: now,
        })
        .execute();
    }
    if (body.postTitle && body.postStartDate) {
      await trx
        .insertInto('person_posts')
        .values({
          id: uuidv7(ctx.random),
          person_id: id,
          unit_id: body.unitId,
          title: body.postTitle,
          is_leading: 1,
          start_date: body.postStartDate,
          end_date: null,
          created_at: now,
        })
        .execute();
    }
    await writeResumeAndFamily(trx, ctx, id, body);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'people.created',
      entityType: 'person',
      entityId: id,
      unitId: body.unitId,
      after: { ...body },
    });
  });
  return id;
}

export async function updatePerson(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: PersonUpdate,
  meta: RequestMeta,
): Promise<void> {
  const { facts } = await scopeOrNotFound(ctx, actor, id);
  if (!canEditPerson(actor, facts)) throw forbidden('只有具有干部管理权限的人事部门可以修改干部档案');
  assertValid(ctx, body);
  const before = await getPerson(ctx, actor, id);
  const p = await repo.findPerson(ctx.db, id);
  if (!p) throw notFound('人员');
  const idChanged = body.idNumber !== undefined && body.idNumber !== null && body.idNumber !== '';
  const sealed = idChanged ? await sealIdNumber(ctx, actor, body.idNumber, id, false) : {};
  const plainBefore = p.id_number_enc ? ctx.crypto.decrypt(p.id_number_enc, idNumberAt(id)) : null;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('people')
      .set({ ...recordColumns(body), ...sealed, updated_at: nowIso(ctx.clock) })
      .where('id', '=', id)
      .execute();
    await writeResumeAndFamily(trx, ctx, id, body);
    const {
      access: _a,
      canEdit: _c,
      canRevealIdNumber: _r,
      updatedAt: _u,
      ...beforeFields
    } = before as Record<string, unknown>;
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'people.updated',
      entityType: 'person',
      entityId: id,
      unitId: p.unit_id,
      before: { ...pickComparable(beforeFields), idNumber: plainBefore },
      after: { ...pickComparable(body), idNumber: idChanged ? parseIdNumberValue(body.idNumber) : plainBefore },
    });
  });
}

function parseIdNumberValue(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const r = parseIdNumber(raw);
  return r.ok ? r.value : null;
}

const COMPARABLE = [
  'name',
  'sex',
  'birthMonth',
  'ethnicity',
  'nativePlace',
  'birthplace',
  'politicalStatus',
  'partyJoinDate',
  'workStartDate',
  'health',
  'professionalTitle',
  'expertise',
  'educationFulltime',
  'educationInservice',
  'rewardsPunishments',
  'resume',
  'family',
] as const;

function pickComparable(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of COMPARABLE) {
    let v = o[k] ?? null;
    if (k === 'family' && Array.isArray(v)) {
      v = v.map((f: Record<string, unknown>) => ({
        relation: f.relation,
        name: f.name,
        birthDate: f.birthDate ?? null,
        politicalStatus: f.politicalStatus ?? null,
        employerPost: f.employerPost ?? null,
      }));
    }
    if (k === 'resume' && Array.isArray(v)) {
      v = v.map((r: Record<string, unknown>) => ({
        startMonth: r.startMonth,
        endMonth: r.endMonth ?? null,
        text: r.text,
      }));
    }
    out[k] = v;
  }
  return out;
}

async function assertEditable(ctx: AppContext, actor: Actor, id: string) {
  const { facts } = await scopeOrNotFound(ctx, actor, id);
  if (!canEditPerson(actor, facts)) throw forbidden('只有具有干部管理权限的人事部门可以修改干部档案');
  return facts;
}

/** Add a rank row; the open row of the same kind (leading post or 职级) ends the day before. */
export async function addRank(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { rankCode: string; startDate: string; note?: string | null | undefined },
  meta: RequestMeta,
): Promise<void> {
  const facts = await assertEditable(ctx, actor, id);
  const def = getRankDef(body.rankCode);
  if (!def) throw invalidField('rankCode', '未知的职务职级');
  await ctx.db.transaction().execute(async (trx) => {
    const open = (
      await trx
        .selectFrom('person_ranks')
        .selectAll()
        .where('person_id', '=', id)
        .where('end_date', 'is', null)
        .execute()
    ).filter((r) => getRankDef(r.rank_code)?.kind === def.kind);
    for (const o of open) {
      const c = closingDateFor(o.start_date, body.startDate);
      if (!c.ok) throw invalidField('startDate', c.message);
      await trx.updateTable('person_ranks').set({ end_date: c.endDate }).where('id', '=', o.id).execute();
    }
    const rowId = uuidv7(ctx.random, ctx.clock.now().getTime());
    await trx
      .insertInto('person_ranks')
      .values({
        id: rowId,
        person_id: id,
        rank_code: body.rankCode,
        start_date: body.startDate,
        end_date: null,
        note: body.note ?? null,
        created_at: nowIso(ctx.clock),
      })
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'people.rank_added',
      entityType: 'person',
      entityId: id,
      unitId: facts.unitId,
      before: { rank: open.map((o) => o.rank_code) },
      after: { rank: [body.rankCode], startDate: body.startDate },
      details: { rankCode: body.rankCode },
    });
  });
}

/** Add a post row; the person's open post rows end the day before. */
export async function addPost(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { unitId: string; title: string; isLeading: boolean; startDate: string },
  meta: RequestMeta,
): Promise<void> {
  const facts = await assertEditable(ctx, actor, id);
  if (!listableUnitIds(actor).includes(body.unitId)) throw unitNotFound();
  await ctx.db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('person_posts')
      .selectAll()
      .where('person_id', '=', id)
      .where('end_date', 'is', null)
      .execute();
    for (const o of open) {
      const c = closingDateFor(o.start_date, body.startDate);
      if (!c.ok) throw invalidField('startDate', c.message);
      await trx.updateTable('person_posts').set({ end_date: c.endDate }).where('id', '=', o.id).execute();
    }
    await trx
      .insertInto('person_posts')
      .values({
        id: uuidv7(ctx.random),
        person_id: id,
        unit_id: body.unitId,
        title: body.title,
        is_leading: body.isLeading ? 1 : 0,
        start_date: body.startDate,
        end_date: null,
        created_at: nowIso(ctx.clock),
      })
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'people.post_added',
      entityType: 'person',
      entityId: id,
      unitId: facts.unitId,
      before: { posts: open.map((o) => o.title) },
      after: { posts: [body.title], startDate: body.startDate },
    });
  });
}

/** Move a person to another unit: the unit history gets a new dated row. */
export async function transferPerson(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { unitId: string; startDate: string },
  meta: RequestMeta,
): Promise<void> {
  const facts = await assertEditable(ctx, actor, id);
  if (body.unitId === facts.unitId) throw invalidField('unitId', '调入单位与现单位相同');
  if (!canCreateInUnit(actor, body.unitId)) {
    if (!listableUnitIds(actor).includes(body.unitId)) throw unitNotFound();
    throw new AppError('FORBIDDEN', '无权将人员调入该单位', { field: 'unitId' });
  }
  if (facts.onOwnTeam) throw invalidField('unitId', '该人员仍在本单位班子任职，请先结束班子任职');
  await ctx.db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('person_units')
      .selectAll()
      .where('person_id', '=', id)
      .where('end_date', 'is', null)
      .execute();
    for (const o of open) {
      const c = closingDateFor(o.start_date, body.startDate);
      if (!c.ok) throw invalidField('startDate', c.message);
      await trx.updateTable('person_units').set({ end_date: c.endDate }).where('id', '=', o.id).execute();
    }
    await trx
      .insertInto('person_units')
      .values({
        id: uuidv7(ctx.random),
        person_id: id,
        unit_id: body.unitId,
        start_date: body.startDate,
        end_date: null,
        created_at: nowIso(ctx.clock),
      })
      .execute();
    await trx
      .updateTable('people')
      .set({ unit_id: body.unitId, updated_at: nowIso(ctx.clock) })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'people.transferred',
      entityType: 'person',
      entityId: id,
      unitId: body.unitId,
      before: { unitId: facts.unitId },
      after: { unitId: body.unitId, startDate: body.startDate },
    });
  });
}

/** The unmasked ID number, for the offices with authority; every reveal is audited. */
export async function revealIdNumber(
  ctx: AppContext,
  actor: Actor,
  id: string,
  meta: RequestMeta,
): Promise<string | null> {
  const { facts } = await scopeOrNotFound(ctx, actor, id);
  if (!canRevealIdNumber(actor, facts)) throw forbidden('只有具有干部管理权限的人事、纪检部门可以查看完整身份证号');
  const p = await repo.findPerson(ctx.db, id);
  if (!p?.id_number_enc) return null;
  const plain = ctx.crypto.decrypt(p.id_number_enc, idNumberAt(id));
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'people.id_number_revealed',
      entityType: 'person',
      entityId: id,
      unitId: p.unit_id,
    }),
  );
  return plain;
}

/** The roster of the people the actor may see in full (in a unit, or all in scope) as .xlsx. */
export async function exportRoster(
  ctx: AppContext,
  actor: Actor,
  unitId: string | undefined,
  meta: RequestMeta,
): Promise<{ file: Buffer; filename: string }> {
  if (actor.adminRole) throw forbidden('管理员账户不能访问业务数据（三员分立）');
  if (!hasAnyRole(actor, ['personnel', 'discipline'])) throw forbidden('花名册由人事、纪检部门导出');
  const items: Awaited<ReturnType<typeof listPeople>>['items'] = [];
  for (let page = 1; page <= 200; page++) {
    const r = await listPeople(ctx, actor, { unitId, teamOnly: '0', sort: 'unit', order: 'asc', page, pageSize: 500 });
    items.push(...r.items.filter((i) => i.access === 'full'));
    if (page * 500 >= r.total) break;
  }
  if (!items.length) throw forbidden('没有可导出的干部档案（仅能导出具有管理权限的人员）');
  const extra = new Map(
    (
      await ctx.db
        .selectFrom('people')
        .select(['id', 'party_join_date', 'work_start_date', 'education_fulltime'])
        .where(
          'id',
          'in',
          items.map((i) => i.id),
        )
        .execute()
    ).map((p) => [p.id, p]),
  );
  const unitName = unitId
    ? ((await ctx.db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst())?.name ?? '')
    : '';
  const rows = items.map((i) => {
    const e = extra.get(i.id);
    const edu = fromJson<{ school?: string; major?: string | null; degree?: string } | null>(
      e?.education_fulltime,
      null,
    );
    return {
      ...i,
      partyJoinDate: e?.party_join_date ?? null,
      workStartDate: e?.work_start_date ?? null,
      school: edu?.school ?? null,
      major: edu?.major ?? null,
      degree: edu?.degree && edu.degree !== '无' ? edu.degree : null,
    };
  });
  const { rosterWorkbook } = await import('./people.export.js');
  const file = await rosterWorkbook(`${unitName || '干部'}花名册`, rows, nowIso(ctx.clock));
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'people.roster_exported',
      entityType: 'roster',
      entityId: unitId ?? null,
      unitId: unitId ?? null,
      details: { rows: rows.length },
    }),
  );
  return { file, filename: `${unitName || 'banzi'}-roster-${today(ctx.clock)}.xlsx` };
}
