/**
 * The decision catalogue (议事清单, PG-02): the unit's list of matters that need collective
 * decision, seeded from PG-17 (党章 Art. 48) and the four "三重一大" categories (TZ-01), with the
 * unit's thresholds from TZ-02's parameters. The office keeps it; entries are never deleted, only
 * made inactive, so old items keep their link.
 */
import type { CatalogueBody, TzydCategory } from '../../../common/contracts/decisions.js';
import { AppError, invalidField } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { fromBool, toBool } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { ruleContext } from '../rules/index.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { canManage } from './decisions.policy.js';
import * as repo from './decisions.repository.js';
import type { CatalogueRow } from './decisions.table.js';
import { readSeats, requireSeat } from './decisions.support.js';
import { finding } from '../../../common/rules/finding.js';
import type { Finding } from '../../../common/rules/types.js';

export function presentEntry(r: CatalogueRow) {
  return {
    id: r.id,
    unitId: r.unit_id,
    name: r.name,
    category: r.category,
    tzydCategory: r.tzyd_category as TzydCategory | null,
    itemKind: r.item_kind as 'ordinary' | 'personnel' | 'discipline',
    collectiveRequired: toBool(r.collective_required),
    majorDecision: toBool(r.major_decision),
    technical: toBool(r.technical),
    stabilityRisk: toBool(r.stability_risk),
    notPublic: toBool(r.not_public),
    important: toBool(r.important),
    active: toBool(r.active),
    sortOrder: r.sort_order,
    note: r.note,
  };
}

/** The unit's thresholds in force today (TZ-02 parameters, overridable per unit). */
export async function thresholds(ctx: AppContext, unitId: string, at = today(ctx.clock)) {
  const rc = await ruleContext(ctx, 'TZ-02', unitId, at);
  return {
    largeFundThresholdFen: Number(rc.params.largeFundThresholdFen),
    majorProjectThresholdFen: Number(rc.params.majorProjectThresholdFen),
  };
}

export async function getCatalogue(ctx: AppContext, actor: Actor, unitId: string) {
  const s = readSeats(actor, unitId, '单位');
  const rows = await repo.listCatalogue(ctx.db, unitId);
  return { items: rows.map(presentEntry), canEdit: canManage(s), thresholds: await thresholds(ctx, unitId) };
}

type SeedEntry = Omit<CatalogueBody, 'unitId' | 'note' | 'sortOrder'> & { note: string };

/** PG-17 categories (党章 Art. 48) crossed with the four TZ-01 categories. */
export function seedEntries(categories: readonly string[]): SeedEntry[] {
  const [
    major = '本单位重大问题',
    cadre = '干部管理工作',
    org = '基层党组织设置调整',
    develop = '发展党员',
    discipline = '处分党员',
  ] = categories;
  const e = (
    name: string,
    category: string,
    tzyd: TzydCategory | null,
    kind: 'ordinary' | 'personnel' | 'discipline',
    flags: Partial<SeedEntry>,
    note: string,
  ): SeedEntry => ({
    name,
    category,
    tzydCategory: tzyd,
    itemKind: kind,
    collectiveRequired: true,
    majorDecision: false,
    technical: false,
    stabilityRisk: false,
    notPublic: false,
    important: tzyd !== null,
    ...flags,
    note,
  });
  return [
    e('贯彻落实上级重大决策部署的重要举措', major, 'major_matter', 'ordinary', {}, 'PG-17：讨论和决定本单位的重大问题'),
    e(
      '口岸监管重大政策措施（重大行政决策）',
      major,
      'major_matter',
      'ordinary',
      { majorDecision: true, technical: true, stabilityRisk: true },
      'ZD-01：涉及公共利益的重大措施，须履行法定程序',
    ),
    e(
      '本单位年度工作计划、重要制度',
      major,
      'major_matter',
      'ordinary',
      {},
      'PG-17：讨论和决定本单位的重大问题（内部管理事项，不属重大行政决策）',
    ),
    e('科级干部任免', cadre, 'cadre_appointment', 'personnel', {}, 'PG-07、SE-09：2/3以上成员到会，逐一表决'),
    e('干部推荐、考核、奖惩等干部管理事项', cadre, null, 'ordinary', { important: true }, 'PG-17：做好干部管理工作'),
    e('基层党组织设置调整', org, null, 'ordinary', {}, 'PG-17'),
    e('发展党员、预备党员转正', develop, null, 'ordinary', {}, 'PG-17'),
    e(
      '党员纪律处分',
      discipline,
      null,
      'discipline',
      { important: true },
      'PG-07（处分党员事项适用2/3到会，UNVERIFIED 参数）',
    ),
    e(
      '基建、信息化等重要项目安排',
      major,
      'major_project',
      'ordinary',
      { technical: true },
      'TZ-01、TZ-02：项目金额达到本单位标准',
    ),
    e(
      '大额资金使用（预算调整、大额采购）',
      major,
      'large_fund',
      'ordinary',
      {},
      'TZ-01、TZ-02：单笔金额达到本单位标准',
    ),
    e('其他须集体讨论的工作事项', major, null, 'ordinary', { important: false }, 'PG-03：职责范围内事项集体讨论决定'),
  ];
}

export async function seedCatalogue(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  meta: RequestMeta,
): Promise<{ count: number; findings: Finding[] }> {
  requireSeat(canManage(readSeats(actor, unitId, '单位')), '只有党组办公室可以维护议事清单');
  const rc = await ruleContext(ctx, 'PG-17', unitId, today(ctx.clock));
  const entries = seedEntries(rc.params.seedCategories as string[]);
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('decision_catalogue')
      .select('id')
      .where('unit_id', '=', unitId)
      .limit(1)
      .executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', '本单位议事清单已建立，请逐条调整');
    await trx
      .insertInto('decision_catalogue')
      .values(
        entries.map((x, i) => ({
          id: uuidv7(ctx.random, ctx.clock.now().getTime()),
          unit_id: unitId,
          name: x.name,
          category: x.category,
          tzyd_category: x.tzydCategory,
          item_kind: x.itemKind,
          collective_required: fromBool(x.collectiveRequired),
          major_decision: fromBool(x.majorDecision),
          technical: fromBool(x.technical),
          stability_risk: fromBool(x.stabilityRisk),
          not_public: fromBool(x.notPublic),
          important: fromBool(x.important),
          active: 1,
          sort_order: (i + 1) * 10,
          note: x.note,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'decisions.catalogue_seeded',
      entityType: 'unit',
      entityId: unitId,
      unitId,
      details: { entries: entries.length, rules: ['PG-17', 'TZ-01'] },
    });
  });
  return {
    count: entries.length,
    findings: [
      finding('PG-17', { entries: entries.length }, rc.params, {
        zh: `已按党章第四十八条所列党组职责（PG-17）和“三重一大”四类事项建立议事清单 ${entries.length} 项，请按本单位实际调整。`,
        en: `${entries.length} catalogue entries seeded from the Party Group's tasks (PG-17) and the four categories.`,
        kind: 'info',
      }),
    ],
  };
}

export async function createEntry(
  ctx: AppContext,
  actor: Actor,
  body: CatalogueBody,
  meta: RequestMeta,
): Promise<string> {
  requireSeat(canManage(readSeats(actor, body.unitId, '单位')), '只有党组办公室可以维护议事清单');
  if (body.tzydCategory === 'cadre_appointment' && body.itemKind !== 'personnel') {
    throw invalidField('itemKind', '“重要干部任免”类事项应为干部任免议题');
  }
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('decision_catalogue')
      .values({
        id,
        unit_id: body.unitId,
        name: body.name,
        category: body.category,
        tzyd_category: body.tzydCategory,
        item_kind: body.itemKind,
        collective_required: fromBool(body.collectiveRequired),
        major_decision: fromBool(body.majorDecision),
        technical: fromBool(body.technical),
        stability_risk: fromBool(body.stabilityRisk),
        not_public: fromBool(body.notPublic),
        important: fromBool(body.important),
        active: 1,
        sort_order: body.sortOrder,
        note: body.note ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'decisions.catalogue_created',
      entityType: 'decision_catalogue',
      entityId: id,
      unitId: body.unitId,
      after: { ...body },
    });
  });
  return id;
}

export async function updateEntry(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: Partial<Omit<CatalogueBody, 'unitId'>> & { active?: boolean | undefined },
  meta: RequestMeta,
): Promise<void> {
  const row = await repo.findCatalogueEntry(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '议事清单条目不存在或无权查看');
  requireSeat(canManage(readSeats(actor, row.unit_id, '议事清单条目')), '只有党组办公室可以维护议事清单');
  const before = presentEntry(row);
  const after = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('decision_catalogue')
      .set({
        name: after.name,
        category: after.category,
        tzyd_category: after.tzydCategory,
        item_kind: after.itemKind,
        collective_required: fromBool(after.collectiveRequired),
        major_decision: fromBool(after.majorDecision),
        technical: fromBool(after.technical),
        stability_risk: fromBool(after.stabilityRisk),
        not_public: fromBool(after.notPublic),
        important: fromBool(after.important),
        active: fromBool(after.active),
        sort_order: after.sortOrder,
        note: after.note ?? null,
        updated_at: nowIso(ctx.clock),
      })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'decisions.catalogue_updated',
      entityType: 'decision_catalogue',
      entityId: id,
      unitId: row.unit_id,
      before,
      after,
    });
  });
}
