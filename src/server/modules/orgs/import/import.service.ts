/**
 * Import units, teams and people from the template (issue 16 §1): read, plan against what the
 * database holds, and write everything in one transaction with one audit event per record and a
 * summary event, or nothing when any row is in error. A dry run plans and writes nothing.
 * The server's CLI imports anywhere; in the UI a personnel office imports within its own unit and
 * one level down.
 */
import type { Transaction } from 'kysely';
import { forbidden } from '../../../../common/errors.js';
import type { AppContext } from '../../../context.js';
import type { Database } from '../../../db/database.js';
import { chunk, fromBool, toBool } from '../../../db/helpers.js';
import { requireBusinessUser, unitsWithRole, type Actor } from '../../../http/actor.js';
import type { AuditActor } from '../../../platform/audit.js';
import { nowIso, today } from '../../../platform/clock.js';
import { sm3Hex } from '../../../platform/crypto.js';
import { uuidv7 } from '../../../platform/random.js';
import { createImportedPerson, peopleByBlindIndex, updateImportedPerson } from '../../people/index.js';
import * as repo from '../orgs.repository.js';
import { idNumbersIn, planImport } from './plan.js';
import type { Change, ImportPlan, ImportScope, MembershipFacts, Snapshot } from './plan.types.js';
import { readImportFile, type ImportError } from './read.js';

export interface ImportCounts {
  unitsCreated: number;
  unitsUpdated: number;
  peopleCreated: number;
  peopleUpdated: number;
  membershipsCreated: number;
  membershipsUpdated: number;
}

export interface ImportResult {
  dryRun: boolean;
  /** True when the changes were written */
  applied: boolean;
  errors: ImportError[];
  changes: Change[];
  counts: ImportCounts;
  rows: { units: number; people: number; team: number };
  /** SM3 of the uploaded file, as recorded in the audit log */
  fileHash: string;
  /** Ids of the people created */
  createdPersonIds: string[];
  /** Ids of every person of the file (created or already known) when nothing is in error and not a dry run: the account batch's scope */
  personIds: string[];
}

function countsOf(plan: ImportPlan): ImportCounts {
  return {
    unitsCreated: plan.unitCreates.length,
    unitsUpdated: plan.unitUpdates.length,
    peopleCreated: plan.personCreates.length,
    peopleUpdated: plan.personUpdates.length,
    membershipsCreated: plan.teamCreates.length,
    membershipsUpdated: plan.teamUpdates.length,
  };
}

/** The scope of an upload by a business user: the units where it holds the personnel role. */
export function officeScope(actor: Actor): { kind: 'office'; personnelUnitIds: string[] } {
  requireBusinessUser(actor);
  const personnelUnitIds = unitsWithRole(actor, ['personnel']);
  if (!personnelUnitIds.length) throw forbidden('只有人事部门可以导入单位、班子和人员');
  return { kind: 'office', personnelUnitIds };
}

const toMembership = (m: Awaited<ReturnType<typeof repo.membershipsOfPeople>>[number]): MembershipFacts => ({
  id: m.id,
  unitId: m.unit_id,
  personId: m.person_id,
  teamPost: m.team_post,
  adminPost: m.admin_post,
  isPartyGroupMember: toBool(m.is_party_group_member),
  divisionOfWork: m.division_of_work,
  startDate: m.start_date,
  endDate: m.end_date,
  endReason: m.end_reason,
  sortOrder: m.sort_order,
});

export async function importUnitsFile(
  ctx: AppContext,
  who: { actor: AuditActor; scope: ImportScope },
  file: Buffer,
  opts: { dryRun: boolean },
): Promise<ImportResult> {
  const parsed = await readImportFile(file);
  const fileHash = sm3Hex(file);
  const d = today(ctx.clock);
  const blindOf = (idNumber: string) => ctx.crypto.blindIndex('id_number', idNumber);
  const blinds = idNumbersIn(parsed).map(blindOf);
  return ctx.db.transaction().execute(async (trx) => {
    const units = await repo.listAllUnits(trx);
    const peopleByBlind = await peopleByBlindIndex(trx, blinds);
    const personIds = [...peopleByBlind.values()].map((p) => p.id);
    const codes = new Set(parsed.team.map((r) => r.cells.unitCode).filter(Boolean));
    const teamUnitIds = units.filter((u) => u.code && codes.has(u.code)).map((u) => u.id);
    const memberships = new Map<string, MembershipFacts>();
    for (const part of chunk(personIds, 500)) {
      for (const m of await repo.membershipsOfPeople(trx, part)) memberships.set(m.id, toMembership(m));
    }
    for (const part of chunk(teamUnitIds, 500)) {
      for (const m of await repo.openMembershipsOfUnits(trx, part)) memberships.set(m.id, toMembership(m));
    }
    const snapshot: Snapshot = {
      units: units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        shortName: u.short_name,
        parentId: u.parent_id,
        level: u.level,
        organType: u.organ_type,
        sortOrder: u.sort_order,
      })),
      peopleByBlind,
      memberships: [...memberships.values()],
    };
    const { errors, plan } = planImport({
      file: parsed,
      snapshot,
      scope: who.scope,
      today: d,
      blindOf,
      newId: () => uuidv7(ctx.random, ctx.clock.now().getTime()),
    });
    const result: ImportResult = {
      dryRun: opts.dryRun,
      applied: false,
      errors,
      changes: errors.length ? [] : plan.changes,
      counts: errors.length ? emptyCounts() : countsOf(plan),
      rows: { units: parsed.units.length, people: parsed.people.length, team: parsed.team.length },
      fileHash,
      createdPersonIds: [],
      personIds: [],
    };
    if (errors.length || opts.dryRun) return result;
    const known = [...peopleByBlind.values()].map((p) => p.id);
    if (!plan.changes.length) return { ...result, personIds: known };
    await applyPlan(trx, ctx, who.actor, plan, d);
    await ctx.audit.record(trx, who.actor, {
      action: 'orgs.imported',
      entityType: 'import',
      entityId: fileHash,
      details: { ...result.counts, rows: result.rows, fileHash, scope: who.scope.kind },
    });
    const created = plan.personCreates.map((p) => p.id);
    return { ...result, applied: true, createdPersonIds: created, personIds: [...known, ...created] };
  });
}

function emptyCounts(): ImportCounts {
  return {
    unitsCreated: 0,
    unitsUpdated: 0,
    peopleCreated: 0,
    peopleUpdated: 0,
    membershipsCreated: 0,
    membershipsUpdated: 0,
  };
}

async function applyPlan(
  trx: Transaction<Database>,
  ctx: AppContext,
  actor: AuditActor,
  plan: ImportPlan,
  d: string,
): Promise<void> {
  const now = nowIso(ctx.clock);
  for (const u of plan.unitCreates) {
    await repo.insertUnit(trx, {
      id: u.id,
      parent_id: u.parentId,
      name: u.name,
      short_name: u.shortName,
      level: u.level,
      organ_type: u.organType,
      code: u.code,
      sort_order: u.sortOrder,
      created_at: now,
      updated_at: now,
    });
    await ctx.audit.record(trx, actor, {
      action: 'orgs.unit_created',
      entityType: 'unit',
      entityId: u.id,
      unitId: u.parentId,
      after: { name: u.name, level: u.level, organType: u.organType, code: u.code },
      details: { via: 'import' },
    });
  }
  for (const u of plan.unitUpdates) {
    await repo.updateUnitRow(trx, u.id, {
      name: u.after.name,
      short_name: u.after.shortName,
      level: u.after.level,
      organ_type: u.after.organType,
      sort_order: u.after.sortOrder,
      updated_at: now,
    });
    await ctx.audit.record(trx, actor, {
      action: 'orgs.unit_updated',
      entityType: 'unit',
      entityId: u.id,
      unitId: u.id,
      before: u.before,
      after: u.after,
      details: { via: 'import' },
    });
  }
  for (const p of plan.personCreates) await createImportedPerson(trx, ctx, actor, p, d);
  for (const p of plan.personUpdates) await updateImportedPerson(trx, ctx, actor, p);
  for (const m of plan.teamCreates) {
    await repo.insertTeamMember(trx, {
      id: m.id,
      unit_id: m.unitId,
      person_id: m.personId,
      team_post: m.teamPost,
      admin_post: m.adminPost,
      is_party_group_member: fromBool(m.isPartyGroupMember),
      division_of_work: m.divisionOfWork,
      start_date: m.startDate,
      end_date: m.endDate,
      end_reason: m.endReason,
      sort_order: m.sortOrder,
      created_at: now,
      updated_at: now,
    });
    await ctx.audit.record(trx, actor, {
      action: 'orgs.team_member_added',
      entityType: 'team_member',
      entityId: m.id,
      unitId: m.unitId,
      after: {
        personId: m.personId,
        teamPost: m.teamPost,
        adminPost: m.adminPost,
        divisionOfWork: m.divisionOfWork,
        startDate: m.startDate,
        endDate: m.endDate,
      },
      details: { via: 'import' },
    });
  }
  for (const m of plan.teamUpdates) {
    await repo.updateTeamMemberRow(trx, m.id, {
      admin_post: m.after.adminPost,
      division_of_work: m.after.divisionOfWork,
      sort_order: m.after.sortOrder,
      end_date: m.after.endDate,
      end_reason: m.after.endReason,
      updated_at: now,
    });
    await ctx.audit.record(trx, actor, {
      action: m.after.endDate ? 'orgs.team_member_ended' : 'orgs.team_member_updated',
      entityType: 'team_member',
      entityId: m.id,
      unitId: m.after.unitId,
      before: m.before,
      after: m.after,
      details: { via: 'import' },
    });
  }
}
