/**
 * Influence periods (regulations.md §17): modules that decide measures record a period in their
 * own transaction; the cadre record shows the restrictions active today to those with full
 * access to the person. The later eligibility engine reads the same rows.
 */
import {
  INFLUENCE_MEASURE_LABELS,
  type InfluenceBlock,
  type Restrictions,
} from '../../../common/contracts/eligibility.js';
import { getRule } from '../../../common/rules/catalogue.js';
import { forbidden, notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { chunk, fromJson, toJson, type Executor } from '../../db/helpers.js';
import type { Actor } from '../../http/actor.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { AuditActor } from '../../platform/audit.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { loadPersonScope, accessTo } from '../people/index.js';
import * as repo from './eligibility.repository.js';
import { activeBlocks, isActive, isInfluenceBlock, type PeriodFacts } from './eligibility.rules.js';
import type { InfluencePeriodRow } from './eligibility.table.js';

export interface NewInfluencePeriod {
  personId: string;
  measure: string;
  ruleId: string;
  sourceType: string;
  sourceId: string;
  startDate: string;
  endDate: string | null;
  blocks: InfluenceBlock[];
  note?: string | null;
  /** Unit for the audit event */
  unitId: string;
}

/** Record a period inside the caller's transaction, with its audit event. Returns its id. */
export async function recordInfluencePeriod(
  trx: Transaction<Database>,
  ctx: AppContext,
  by: AuditActor,
  p: NewInfluencePeriod,
): Promise<string> {
  const [id] = await recordInfluencePeriods(trx, ctx, by, [p]);
  return id as string;
}

/** Record several periods (one insert and one audit append for the batch). Returns their ids. */
export async function recordInfluencePeriods(
  trx: Transaction<Database>,
  ctx: AppContext,
  by: AuditActor,
  periods: readonly NewInfluencePeriod[],
): Promise<string[]> {
  if (!periods.length) return [];
  const now = nowIso(ctx.clock);
  const rows = periods.map((p) => ({
    id: uuidv7(ctx.random, ctx.clock.now().getTime()),
    person_id: p.personId,
    measure: p.measure,
    rule_id: p.ruleId,
    source_type: p.sourceType,
    source_id: p.sourceId,
    start_date: p.startDate,
    end_date: p.endDate,
    blocks: toJson(p.blocks),
    citation: toJson(getRule(p.ruleId).citation),
    note: p.note ?? null,
    created_by: by.actorUserId,
    created_at: now,
    updated_at: now,
  }));
  for (const part of chunk(rows, 200)) await repo.insertPeriods(trx, part);
  await ctx.audit.recordMany(
    trx,
    by,
    rows.map((r, i) => {
      const p = periods[i] as NewInfluencePeriod;
      return {
        action: 'eligibility.period_recorded',
        entityType: 'influence_period',
        entityId: r.id,
        unitId: p.unitId,
        details: {
          personId: p.personId,
          measure: p.measure,
          ruleId: p.ruleId,
          blocks: p.blocks,
          startDate: p.startDate,
          endDate: p.endDate,
          sourceType: p.sourceType,
        },
      };
    }),
  );
  return rows.map((r) => r.id);
}

/** Close the open periods a record caused (e.g. when its case is closed); the end day counts. */
export async function closeInfluencePeriodsOf(
  trx: Transaction<Database>,
  ctx: AppContext,
  by: AuditActor,
  source: { type: string; id: string; endDate: string; unitId: string },
): Promise<number> {
  const open = await repo.openPeriodsOfSource(trx, source.type, source.id);
  for (const o of open) {
    await repo.closePeriod(trx, o.id, source.endDate, nowIso(ctx.clock));
    await ctx.audit.record(trx, by, {
      action: 'eligibility.period_closed',
      entityType: 'influence_period',
      entityId: o.id,
      unitId: source.unitId,
      before: { endDate: null },
      after: { endDate: source.endDate },
      details: { personId: o.person_id, measure: o.measure },
    });
  }
  return open.length;
}

/** Void the periods a record caused (撤销): kept in history, without effect from their start. */
export async function voidInfluencePeriodsOf(
  trx: Transaction<Database>,
  ctx: AppContext,
  by: AuditActor,
  source: { type: string; id: string; on: string; unitId: string },
): Promise<InfluencePeriodRow[]> {
  const rows = await repo.periodsOfSource(trx, source.type, source.id);
  await repo.voidPeriods(
    trx,
    rows.map((r) => r.id),
    source.on,
    nowIso(ctx.clock),
  );
  await ctx.audit.recordMany(
    trx,
    by,
    rows.map((r) => ({
      action: 'eligibility.period_voided',
      entityType: 'influence_period',
      entityId: r.id,
      unitId: source.unitId,
      details: { personId: r.person_id, measure: r.measure, ruleId: r.rule_id, voidedOn: source.on },
    })),
  );
  return rows;
}

export function toFacts(r: InfluencePeriodRow): PeriodFacts {
  return { id: r.id, startDate: r.start_date, endDate: r.end_date, blocks: fromJson<string[]>(r.blocks, []) };
}

/** The periods of several people (for other modules' lists; no access check here). */
export async function periodFactsOf(db: Executor, personIds: readonly string[]): Promise<Map<string, PeriodFacts[]>> {
  const out = new Map<string, PeriodFacts[]>();
  for (const r of await repo.periodsOfPeople(db, personIds)) {
    const list = out.get(r.person_id) ?? [];
    list.push(toFacts(r));
    out.set(r.person_id, list);
  }
  return out;
}

/** A person's periods and today's restrictions, for those with full access to the person. */
export async function restrictionsOf(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  date?: string,
): Promise<Restrictions> {
  const d = date ?? today(ctx.clock);
  const facts = await loadPersonScope(ctx.db, personId, today(ctx.clock));
  if (!facts) throw notFound('人员');
  const access = accessTo(actor, facts);
  if (access === 'none') throw notFound('人员');
  if (access !== 'full') throw forbidden('只有本人和具有干部管理权限的部门可以查看限制事项');
  const rows = await repo.periodsOfPerson(ctx.db, personId);
  const periods = rows.map((r) => {
    const f = toFacts(r);
    return {
      id: r.id,
      measure: r.measure,
      measureLabel: INFLUENCE_MEASURE_LABELS[r.measure] ?? r.measure,
      ruleId: r.rule_id,
      sourceType: r.source_type,
      sourceId: r.source_id,
      startDate: r.start_date,
      endDate: r.end_date,
      blocks: f.blocks.filter(isInfluenceBlock),
      citation: fromJson(r.citation, { doc: '', version: '', article: '' }),
      note: r.note,
      active: isActive(f, d),
    };
  });
  return { personId, date: d, active: activeBlocks(rows.map(toFacts), d), periods };
}

/** Every period a record caused, voided ones too (the record's history). */
export function influencePeriodsOfSource(db: Executor, sourceType: string, sourceId: string) {
  return repo.periodsOfSourceAll(db, sourceType, sourceId);
}

/** The open periods a record caused (e.g. to avoid recording the same bar twice). */
export function openInfluencePeriodsOf(db: Executor, sourceType: string, sourceId: string) {
  return repo.openPeriodsOfSource(db, sourceType, sourceId);
}
