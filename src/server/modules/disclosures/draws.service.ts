/**
 * The year's random spot-check draw (PM-06), verifiable by anyone:
 * prepare (fix the eligible list and the ratio, make a 32-byte seed and its SM3 commitment) ->
 * publish (the list, ratio and commitment are fixed and shown inside the unit; their digest is
 * recorded) -> draw (a public value entered at that moment; the seed is revealed; the function of
 * disclosures.draw.ts selects). A draw whose committed inputs changed after publication is refused.
 */
import type { DrawFile } from '../../../common/contracts/disclosures.js';
import { AppError, forbidden, invalidField, notFound } from '../../../common/errors.js';
import { yearOf } from '../../../common/dates.js';
import type { AppContext } from '../../context.js';
import { fromJson, isUniqueViolation, toJson } from '../../db/helpers.js';
import { unitsWithRole, type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso, today } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { finding } from '../../../common/rules/finding.js';
import type { Finding } from '../../../common/rules/types.js';
import { param, ruleContext, type RuleContext } from '../rules/index.js';
import * as checksRepo from './checks.repository.js';
import * as repo from './disclosures.repository.js';
import {
  DRAW_ALGORITHM,
  DRAW_FORMAT,
  basisPointsToText,
  commitmentOf,
  drawCount,
  inputsDigest,
  parseSeed,
  rankReporters,
  ratioToBasisPoints,
  selectReporters,
  verifyDrawFile,
} from './disclosures.draw.js';
import { canManageDraws, canViewDraw, canViewOfficeDraws } from './disclosures.policy.js';
import { presentDrawSummary } from './disclosures.presenter.js';
import { pooledRandom } from './disclosures.shared.js';
import { reportersInUnits } from './subjects.service.js';

interface Listed {
  id: string;
  name: string;
  unitName: string;
}

async function drawOr404(ctx: AppContext, actor: Actor, id: string) {
  const d = await repo.findDraw(ctx.db, id);
  const eligible = d ? fromJson<Listed[]>(d.eligible, []) : [];
  if (
    !d ||
    !canViewDraw(actor, {
      unitId: d.unit_id,
      published: d.status !== 'prepared',
      eligibleIds: eligible.map((e) => e.id),
    })
  ) {
    throw notFound('抽查');
  }
  return { d, eligible };
}

async function managedDraw(ctx: AppContext, actor: Actor, id: string) {
  const r = await drawOr404(ctx, actor, id);
  if (!canManageDraws(actor, r.d.unit_id)) throw forbidden('只有本级人事部门可以组织随机抽查');
  return r;
}

export async function listDraws(ctx: AppContext, actor: Actor) {
  const office = unitsWithRole(actor, ['personnel', 'discipline']);
  const parents = actor.personId
    ? [(await repo.reporterFacts(ctx.db, actor.personId))?.parent_id].filter((x): x is string => !!x)
    : [];
  const rows = await repo.listDraws(ctx.db, [...new Set([...office, ...parents])]);
  return rows
    .filter((d) =>
      canViewDraw(actor, {
        unitId: d.unit_id,
        published: d.status !== 'prepared',
        eligibleIds: fromJson<Listed[]>(d.eligible, []).map((e) => e.id),
      }),
    )
    .map(presentDrawSummary);
}

export async function prepareDraw(
  ctx: AppContext,
  actor: Actor,
  body: { unitId: string; year: number; ratio?: number | undefined },
  meta: RequestMeta,
): Promise<{ id: string; findings: Finding[] }> {
  if (!canViewOfficeDraws(actor, body.unitId)) throw notFound('单位');
  if (!canManageDraws(actor, body.unitId)) throw forbidden('只有本级人事部门可以组织随机抽查');
  const d = today(ctx.clock);
  if (body.year > yearOf(d)) throw invalidField('year', '不能为将来年度组织抽查');
  if (await repo.findDrawOfYear(ctx.db, body.unitId, body.year)) {
    throw new AppError('CONFLICT', `${body.year} 年度的随机抽查已存在`, { field: 'year' });
  }
  const rc = await ruleContext(ctx, 'PM-06', body.unitId, d);
  const unitRatio = param<number>(rc, 'randomRatio');
  const bp = ratioToBasisPoints(body.ratio ?? unitRatio);
  const children = (await repo.childUnits(ctx.db, body.unitId)).map((u) => u.id);
  const reporters = await reportersInUnits(ctx, ctx.db, children, d);
  if (!reporters.length) throw invalidField('unitId', '所管理的下级单位没有个人有关事项报告人');
  const eligible: Listed[] = reporters
    .map((r) => ({ id: r.personId, name: r.name, unitName: r.unitName }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const seed = ctx.random.bytes(32);
  const commitment = commitmentOf(seed);
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertDraw(trx, {
        id,
        unit_id: body.unitId,
        year: body.year,
        ratio_bp: bp,
        status: 'prepared',
        eligible: toJson(eligible),
        eligible_count: eligible.length,
        commitment,
        seed_enc: ctx.crypto.encrypt(seed.toString('hex'), {
          table: 'disclosure_draws',
          column: 'seed_enc',
          rowId: id,
        }),
        seed_hex: null,
        inputs_digest: null,
        public_value: null,
        selected: null,
        created_by: actor.userId,
        created_at: nowIso(ctx.clock),
        published_at: null,
        drawn_at: null,
        verified_at: null,
        verified_ok: null,
      });
      await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
        action: 'disclosures.draw_prepared',
        entityType: 'disclosure_draw',
        entityId: id,
        unitId: body.unitId,
        details: { year: body.year, ratioBasisPoints: bp, eligibleCount: eligible.length, commitment },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', `${body.year} 年度的随机抽查已存在`, { field: 'year' });
    throw e;
  }
  return { id, findings: drawFindings(rc, bp, unitRatio, eligible.length) };
}

/** PM-06: the ratio the draw uses, and a warning when it is below the unit's ratio (UNVERIFIED: never blocks). */
function drawFindings(rc: RuleContext, bp: number, unitRatio: number, population: number): Finding[] {
  const pct = (r: number) => `${(r * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
  const used = bp / 10000;
  const facts = { ratioBasisPoints: bp, unitRatio, population, drawn: drawCount(bp, population) };
  return [
    used < unitRatio
      ? finding('PM-06', facts, rc.params, {
          zh: `本次抽查比例 ${pct(used)} 低于本单位规定的年度随机抽查比例 ${pct(unitRatio)}（PM-06）。`,
          en: `The draw ratio ${used} is below the unit's ratio ${unitRatio} (PM-06).`,
          kind: 'warn',
        })
      : finding('PM-06', facts, rc.params, {
          zh: `按 ${pct(used)} 的比例从 ${population} 名报告人中随机抽取 ${facts.drawn} 名（PM-06）。`,
          en: `Draws ${facts.drawn} of ${population} reporters at ${used} (PM-06).`,
          kind: 'info',
        }),
  ];
}

/** Fix and publish the list, ratio and commitment; their digest is what the draw must still match. */
export async function publishDraw(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta): Promise<void> {
  const { d, eligible } = await managedDraw(ctx, actor, id);
  if (d.status !== 'prepared') throw new AppError('INVALID_STATE', '抽查名单和承诺值已公布');
  const digest = inputsDigest({
    unitId: d.unit_id,
    year: d.year,
    ratioBasisPoints: d.ratio_bp,
    eligibleIds: eligible.map((e) => e.id),
    commitment: d.commitment,
  });
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await repo.advanceDraw(trx, id, 'prepared', {
        status: 'published',
        inputs_digest: digest,
        published_at: nowIso(ctx.clock),
      }))
    ) {
      throw new AppError('INVALID_STATE', '抽查名单和承诺值已公布');
    }
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'disclosures.draw_published',
      entityType: 'disclosure_draw',
      entityId: id,
      unitId: d.unit_id,
      details: {
        year: d.year,
        commitment: d.commitment,
        inputsDigest: digest,
        eligibleCount: eligible.length,
        ratioBasisPoints: d.ratio_bp,
      },
    });
  });
}

/** Draw with the public value: refused when the committed inputs changed after publication. */
export async function performDraw(
  ctx: AppContext,
  actor: Actor,
  id: string,
  publicValue: string,
  meta: RequestMeta,
): Promise<string[]> {
  const { d, eligible } = await managedDraw(ctx, actor, id);
  if (d.status !== 'published') {
    throw new AppError('INVALID_STATE', d.status === 'drawn' ? '本次抽查已抽取' : '请先公布抽查名单和承诺值');
  }
  const ids = eligible.map((e) => e.id);
  const seedHex = ctx.crypto.decrypt(d.seed_enc, { table: 'disclosure_draws', column: 'seed_enc', rowId: d.id });
  const seed = parseSeed(seedHex);
  const digest = inputsDigest({
    unitId: d.unit_id,
    year: d.year,
    ratioBasisPoints: d.ratio_bp,
    eligibleIds: ids,
    commitment: d.commitment,
  });
  const problem =
    !seed || commitmentOf(seed) !== d.commitment
      ? '种子与公布的承诺值不符'
      : digest !== d.inputs_digest || ids.length !== d.eligible_count
        ? '名单、比例或承诺值与公布时不一致'
        : null;
  if (problem || !seed) {
    await ctx.db.transaction().execute((trx) =>
      ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
        action: 'disclosures.draw_refused',
        entityType: 'disclosure_draw',
        entityId: id,
        unitId: d.unit_id,
        details: { problem, publishedDigest: d.inputs_digest, currentDigest: digest },
      }),
    );
    throw new AppError('CONFLICT', `拒绝抽取：${problem ?? '种子无效'}（承诺的抽查输入在公布后被改动）`);
  }
  const { selected } = selectReporters(seed, publicValue, ids, d.ratio_bp);
  const reports = await repo.annualReportsOf(ctx.db, selected, d.year);
  const units = new Map((await repo.peopleByIds(ctx.db, selected)).map((p) => [p.id, p.unit_id]));
  const now = nowIso(ctx.clock);
  const rnd = pooledRandom(ctx.random);
  await ctx.db.transaction().execute(async (trx) => {
    // Only one draw: a concurrent request finds the status already moved and is refused.
    if (
      !(await repo.advanceDraw(trx, id, 'published', {
        status: 'drawn',
        seed_hex: seedHex,
        public_value: publicValue,
        selected: toJson(selected),
        drawn_at: now,
      }))
    ) {
      throw new AppError('INVALID_STATE', '本次抽查已抽取');
    }
    await checksRepo.insertChecks(
      trx,
      selected.map((personId) => {
        const rep = reports.find((r) => r.person_id === personId && r.status === 'submitted');
        return {
          id: uuidv7(rnd, ctx.clock.now().getTime()),
          person_id: personId,
          unit_id: units.get(personId) ?? d.unit_id,
          year: d.year,
          kind: 'random',
          trigger: null,
          reason_enc: null,
          draw_id: id,
          report_id: rep?.id ?? null,
          report_version: rep?.amendment_count ?? 0,
          status: 'pending',
          registry_enc: null,
          result: null,
          assets_flag: 0,
          created_by: actor.userId,
          created_at: now,
          checked_by: null,
          checked_at: null,
        };
      }),
    );
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'disclosures.draw_performed',
      entityType: 'disclosure_draw',
      entityId: id,
      unitId: d.unit_id,
      details: { year: d.year, publicValue, seed: seedHex, selectedCount: selected.length, eligibleCount: ids.length },
    });
  });
  return selected;
}

export async function getDraw(ctx: AppContext, actor: Actor, id: string) {
  const { d, eligible } = await drawOr404(ctx, actor, id);
  const byId = new Map(eligible.map((e) => [e.id, e]));
  const selected = fromJson<string[]>(d.selected, []);
  const seed = d.seed_hex ? parseSeed(d.seed_hex) : null;
  const scores =
    seed && d.public_value !== null
      ? new Map(rankReporters(seed, d.public_value, selected).map((r) => [r.id, r.score]))
      : new Map<string, string>();
  const manage = canManageDraws(actor, d.unit_id);
  return {
    ...presentDrawSummary(d),
    eligible,
    seed: d.seed_hex,
    publicValue: d.public_value,
    selected: selected.map((sid, i) => ({
      ...(byId.get(sid) ?? { id: sid, name: '', unitName: '' }),
      rank: i + 1,
      score: scores.get(sid) ?? '',
    })),
    canPublish: manage && d.status === 'prepared',
    canDraw: manage && d.status === 'published',
    canDelete: manage && d.status === 'prepared',
  };
}

/** Everything needed to recompute the draw, as one JSON document. */
export async function drawFile(ctx: AppContext, actor: Actor, id: string): Promise<DrawFile> {
  const { d, eligible } = await drawOr404(ctx, actor, id);
  if (
    d.status !== 'drawn' ||
    !d.seed_hex ||
    d.public_value === null ||
    !d.inputs_digest ||
    !d.published_at ||
    !d.drawn_at
  ) {
    throw new AppError('INVALID_STATE', '抽取完成后才能下载验证文件');
  }
  return {
    format: DRAW_FORMAT,
    unitId: d.unit_id,
    unitName: d.unit_name,
    year: d.year,
    ratio: basisPointsToText(d.ratio_bp),
    ratioBasisPoints: d.ratio_bp,
    eligible,
    commitment: d.commitment,
    inputsDigest: d.inputs_digest,
    publishedAt: d.published_at,
    seed: d.seed_hex,
    publicValue: d.public_value,
    drawnAt: d.drawn_at,
    selectCount: drawCount(d.ratio_bp, eligible.length),
    selected: fromJson<string[]>(d.selected, []),
    algorithm: DRAW_ALGORITHM,
  };
}

/**
 * Recompute the draw from its file with the same function the CLI uses. Anyone who may see the drawn
 * draw may recompute it (read-only); only the office that owns it (the personnel office that ran it)
 * records the result on the draw, with its audit event.
 */
export async function verifyDraw(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta) {
  const file = await drawFile(ctx, actor, id);
  const result = verifyDrawFile(file);
  if (!canManageDraws(actor, file.unitId)) return { ...result, recorded: false };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateDraw(trx, id, { verified_at: nowIso(ctx.clock), verified_ok: result.ok ? 1 : 0 });
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'disclosures.draw_verified',
      entityType: 'disclosure_draw',
      entityId: id,
      unitId: file.unitId,
      details: { ok: result.ok, problems: result.problems },
    });
  });
  return { ...result, recorded: true };
}

/** A prepared draw that was never published can be discarded (nothing was shown yet). */
export async function discardDraw(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta): Promise<void> {
  const { d } = await managedDraw(ctx, actor, id);
  if (d.status !== 'prepared') throw new AppError('INVALID_STATE', '已公布的抽查不能撤销');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteDraw(trx, id);
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'disclosures.draw_discarded',
      entityType: 'disclosure_draw',
      entityId: id,
      unitId: d.unit_id,
      details: { year: d.year, commitment: d.commitment },
    });
  });
}
