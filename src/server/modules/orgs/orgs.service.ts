/**
 * Units and teams: the unit tree an actor may see, team pages, team memberships with history
 * (ending a membership never deletes it), child units.
 */
import { ORGAN_TYPE_LABELS, teamPostLabel, type AddTeamMemberBody } from '../../../common/contracts/orgs.js';
import { AppError, forbidden, invalidField, notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { fromBool, toBool, type Executor } from '../../db/helpers.js';
import { visibleUnitIds, type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import * as repo from './orgs.repository.js';
import type { UnitRow } from './orgs.table.js';
import { canCreateChildUnit, canEditTeam, canEditUnit, canViewTeam, canViewTeamRecords } from './orgs.policy.js';

export function presentUnit(u: UnitRow, actor: Actor) {
  return {
    id: u.id,
    parentId: u.parent_id,
    name: u.name,
    shortName: u.short_name,
    level: u.level as never,
    organType: u.organ_type as never,
    code: u.code,
    sortOrder: u.sort_order,
    canViewTeam: canViewTeam(actor, u.id),
    canManage: canViewTeamRecords(actor, u.id),
  };
}

/** The units an actor sees in the tree: own and managed units with their ancestors; admins see all names. */
export async function listUnits(ctx: AppContext, actor: Actor) {
  const all = await repo.listAllUnits(ctx.db);
  if (actor.adminRole) return all.map((u) => presentUnit(u, actor));
  const byId = new Map(all.map((u) => [u.id, u]));
  const keep = new Set<string>();
  for (const id of visibleUnitIds(actor)) {
    for (let u = byId.get(id); u && !keep.has(u.id); u = u.parent_id ? byId.get(u.parent_id) : undefined) {
      keep.add(u.id);
    }
  }
  return all.filter((u) => keep.has(u.id)).map((u) => presentUnit(u, actor));
}

/** A unit the actor may see in the tree, else 404. */
export async function getUnit(ctx: AppContext, actor: Actor, id: string) {
  const units = await listUnits(ctx, actor);
  const u = units.find((x) => x.id === id);
  if (!u) throw notFound('单位');
  return u;
}

/** Ancestor chain of a unit, nearest first (for rule overrides that inherit downwards). */
export async function unitAncestry(ctx: AppContext, unitId: string, db: Executor = ctx.db): Promise<UnitRow[]> {
  const chain: UnitRow[] = [];
  let id: string | null = unitId;
  while (id) {
    const u: UnitRow | undefined = await repo.findUnit(db, id);
    if (!u || chain.some((c) => c.id === u.id)) break;
    chain.push(u);
    id = u.parent_id;
  }
  return chain;
}

export async function getTeam(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  opts: { history: boolean; at?: string | undefined },
) {
  const unit = await repo.findUnit(ctx.db, unitId);
  if (!unit || !canViewTeam(actor, unitId)) throw notFound('单位');
  const at = opts.at ?? today(ctx.clock);
  const rows = await repo.listTeam(ctx.db, unitId, { history: opts.history, at });
  return {
    unit: presentUnit(unit, actor),
    organLabel: ORGAN_TYPE_LABELS[unit.organ_type as keyof typeof ORGAN_TYPE_LABELS] ?? unit.organ_type,
    members: rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      personId: r.person_id,
      personName: r.name,
      sex: r.sex as 'M' | 'F',
      birthMonth: r.birth_month,
      ethnicity: r.ethnicity,
      teamPost: r.team_post as never,
      teamPostLabel: teamPostLabel(r.team_post, unit.organ_type),
      adminPost: r.admin_post,
      isPartyGroupMember: toBool(r.is_party_group_member),
      divisionOfWork: r.division_of_work,
      startDate: r.start_date,
      endDate: r.end_date,
      endReason: r.end_reason,
      sortOrder: r.sort_order,
      current: r.start_date <= at && (r.end_date === null || r.end_date >= at),
    })),
    canEdit: canEditTeam(actor, unitId),
    canViewRecords: canViewTeamRecords(actor, unitId),
  };
}

function assertCanEditTeam(actor: Actor, unitId: string): void {
  if (!canViewTeam(actor, unitId)) throw notFound('单位');
  if (!canEditTeam(actor, unitId)) throw forbidden('只有上级人事部门可以调整班子成员（干部管理权限：下管一级）');
}

export async function addTeamMember(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  body: AddTeamMemberBody,
  meta: RequestMeta,
): Promise<string> {
  assertCanEditTeam(actor, unitId);
  const person = await ctx.db
    .selectFrom('people')
    .select(['id', 'unit_id', 'name'])
    .where('id', '=', body.personId)
    .executeTakeFirst();
  if (!person) throw invalidField('personId', '人员不存在');
  if (person.unit_id !== unitId) throw invalidField('personId', `${person.name}的人事关系不在本单位，请先办理调动`);
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findOpenMembership(trx, unitId, body.personId, body.startDate)) {
      throw new AppError('CONFLICT', `${person.name}已是本班子成员；如需变更职务，请先结束原任职再新增`, {
        field: 'personId',
      });
    }
    if (body.teamPost === 'secretary' && (await repo.findOpenSecretary(trx, unitId, body.startDate))) {
      throw new AppError('CONFLICT', '本班子已有在任书记；请先结束原书记任职', { field: 'teamPost' });
    }
    await repo.insertTeamMember(trx, {
      id,
      unit_id: unitId,
      person_id: body.personId,
      team_post: body.teamPost,
      admin_post: body.adminPost ?? null,
      is_party_group_member: fromBool(body.isPartyGroupMember),
      division_of_work: body.divisionOfWork ?? null,
      start_date: body.startDate,
      end_date: null,
      end_reason: null,
      sort_order: body.sortOrder,
      created_at: now,
      updated_at: now,
    });
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'orgs.team_member_added',
      entityType: 'team_member',
      entityId: id,
      unitId,
      after: {
        personId: body.personId,
        teamPost: body.teamPost,
        adminPost: body.adminPost ?? null,
        divisionOfWork: body.divisionOfWork ?? null,
        startDate: body.startDate,
      },
    });
  });
  return id;
}

export async function patchTeamMember(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: {
    adminPost?: string | null | undefined;
    divisionOfWork?: string | null | undefined;
    sortOrder?: number | undefined;
    endDate?: string | undefined;
    endReason?: string | null | undefined;
  },
  meta: RequestMeta,
): Promise<void> {
  const m = await repo.findTeamMember(ctx.db, id);
  if (!m || !canViewTeam(actor, m.unit_id)) throw notFound('班子成员任职');
  assertCanEditTeam(actor, m.unit_id);
  if (m.end_date !== null) throw new AppError('INVALID_STATE', '该任职已结束，历史记录不能修改');
  if (body.endDate !== undefined) {
    if (body.endDate < m.start_date) throw invalidField('endDate', `结束日期不能早于任职开始日期 ${m.start_date}`);
    if (!body.endReason) throw invalidField('endReason', '结束任职须填写原因');
  }
  const before = {
    adminPost: m.admin_post,
    divisionOfWork: m.division_of_work,
    sortOrder: m.sort_order,
    endDate: m.end_date,
    endReason: m.end_reason,
  };
  const after = {
    adminPost: body.adminPost === undefined ? m.admin_post : body.adminPost,
    divisionOfWork: body.divisionOfWork === undefined ? m.division_of_work : body.divisionOfWork,
    sortOrder: body.sortOrder ?? m.sort_order,
    endDate: body.endDate ?? null,
    endReason: body.endDate !== undefined ? (body.endReason ?? null) : null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('team_members')
      .set({
        admin_post: after.adminPost,
        division_of_work: after.divisionOfWork,
        sort_order: after.sortOrder,
        end_date: after.endDate,
        end_reason: after.endReason,
        updated_at: nowIso(ctx.clock),
      })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: body.endDate ? 'orgs.team_member_ended' : 'orgs.team_member_updated',
      entityType: 'team_member',
      entityId: id,
      unitId: m.unit_id,
      before,
      after,
    });
  });
}

/** Unit codes are unique: the units import keys units by them. */
async function assertCodeFree(db: Executor, code: string | null, selfId: string | null): Promise<void> {
  const other = code ? await repo.findUnitByCode(db, code) : undefined;
  if (other && other.id !== selfId) {
    throw new AppError('CONFLICT', `单位代码 ${code} 已被${other.name}使用`, { field: 'code' });
  }
}

export async function createUnit(
  ctx: AppContext,
  actor: Actor,
  body: {
    parentId: string;
    name: string;
    shortName: string;
    level: string;
    organType: string;
    code?: string | null | undefined;
    sortOrder: number;
  },
  meta: RequestMeta,
): Promise<string> {
  const parent = await repo.findUnit(ctx.db, body.parentId);
  if (!parent || !visibleUnitIds(actor).includes(parent.id)) {
    throw new AppError('NOT_FOUND', '上级单位不存在或无权查看', { field: 'parentId' });
  }
  if (!canCreateChildUnit(actor, parent.id)) throw forbidden('只有上级单位的人事部门可以新增下级单位');
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await assertCodeFree(trx, body.code ?? null, null);
    await repo.insertUnit(trx, {
      id,
      parent_id: parent.id,
      name: body.name,
      short_name: body.shortName,
      level: body.level,
      organ_type: body.organType,
      code: body.code ?? null,
      sort_order: body.sortOrder,
      created_at: now,
      updated_at: now,
    });
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'orgs.unit_created',
      entityType: 'unit',
      entityId: id,
      unitId: parent.id,
      after: { name: body.name, level: body.level, organType: body.organType },
    });
  });
  return id;
}

export async function updateUnit(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: {
    name?: string | undefined;
    shortName?: string | undefined;
    level?: string | undefined;
    organType?: string | undefined;
    code?: string | null | undefined;
    sortOrder?: number | undefined;
  },
  meta: RequestMeta,
): Promise<void> {
  const u = await repo.findUnit(ctx.db, id);
  if (!u || !visibleUnitIds(actor).includes(id)) throw notFound('单位');
  if (!canEditUnit(actor, id)) throw forbidden('只有上级单位的人事部门可以修改本单位信息');
  const before = {
    name: u.name,
    shortName: u.short_name,
    level: u.level,
    organType: u.organ_type,
    code: u.code,
    sortOrder: u.sort_order,
  };
  const after = {
    name: patch.name ?? u.name,
    shortName: patch.shortName ?? u.short_name,
    level: patch.level ?? u.level,
    organType: patch.organType ?? u.organ_type,
    code: patch.code === undefined ? u.code : patch.code,
    sortOrder: patch.sortOrder ?? u.sort_order,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await assertCodeFree(trx, after.code, id);
    await trx
      .updateTable('units')
      .set({
        name: after.name,
        short_name: after.shortName,
        level: after.level,
        organ_type: after.organType,
        code: after.code,
        sort_order: after.sortOrder,
        updated_at: nowIso(ctx.clock),
      })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'orgs.unit_updated',
      entityType: 'unit',
      entityId: id,
      unitId: id,
      before,
      after,
    });
  });
}
