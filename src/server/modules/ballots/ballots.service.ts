/**
 * Setting up a session: templates, create and edit while in draft, issue one-time codes (stored
 * as keyed hashes; the plain codes exist only in the slip document returned once), and open, which
 * fixes every setting and records its digest. Every write is one transaction with its audit event.
 */
import { type BallotKind, type SessionBody } from '../../../common/contracts/ballots.js';
import { AppError, forbidden, invalidField, notFound } from '../../../common/errors.js';
import type { Finding } from '../../../common/rules/types.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation, toJson } from '../../db/helpers.js';
import { type Actor, auditActorOf, type RequestMeta } from '../../http/actor.js';
import { nowIso } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { getTeam } from '../orgs/index.js';
import { finding, param, ruleContext } from '../rules/index.js';
import { canManageSessions, canViewResults, listableUnitIds, sessionAccess } from './ballots.policy.js';
import * as repo from './ballots.repository.js';
import { frozenSettingsOf, generateCode, settingsDigest } from './ballots.rules.js';
import { assertReadyToOpen, assertSettings, referenceListsTooShort } from './ballots.settings.js';
import { slipsDocx } from './ballots.slips.js';
import { templateFor } from './ballots.templates.js';

/** The session if the actor may see it (404 out of sight, 403 in sight without the role). */
export async function getVisibleSession(
  ctx: AppContext,
  actor: Actor,
  id: string,
  need: 'manage' | 'view',
): Promise<repo.Session> {
  const s = await repo.findSession(ctx.db, id);
  if (!s) throw notFound('测评');
  const access = sessionAccess(actor, s.unitId);
  if (access === 'none') throw notFound('测评');
  if (access === 'forbidden' || (need === 'manage' && access !== 'manage')) {
    throw forbidden('只有本单位党组办公室或上级人事部门可以组织测评');
  }
  return s;
}

function assertCanManageUnit(actor: Actor, unitId: string): void {
  const access = sessionAccess(actor, unitId);
  if (access === 'none') throw notFound('单位');
  if (access !== 'manage') throw forbidden('只有本单位党组办公室或上级人事部门可以组织测评');
}

export function isAccepting(s: Pick<repo.Session, 'status' | 'opensAt' | 'closesAt'>, now: Date): boolean {
  return (
    s.status === 'open' &&
    now.getTime() >= new Date(s.opensAt).getTime() &&
    now.getTime() < new Date(s.closesAt).getTime()
  );
}

export function voteUrl(ctx: AppContext, sessionId: string): string {
  return `${ctx.config.publicUrl}/vote/${sessionId}`;
}

export async function sessionTemplate(ctx: AppContext, actor: Actor, unitId: string, kind: BallotKind, year: number) {
  assertCanManageUnit(actor, unitId);
  const team = await getTeam(ctx, actor, unitId, { history: false });
  const members = team.members
    .filter((m) => m.current)
    .map((m) => ({ personId: m.personId, name: m.personName, post: m.adminPost ?? m.teamPostLabel }));
  const kh04 = await ruleContext(ctx, 'KH-04', unitId);
  return templateFor(kind, team.unit.name, year, members, param<string[]>(kh04, 'teamGradeLabels'));
}

async function assertLoginVoters(ctx: AppContext, unitId: string, body: SessionBody): Promise<void> {
  const ids = [...new Set(body.categories.flatMap((c) => c.loginPersonIds))];
  if (!ids.length) return;
  const found = await ctx.db
    .selectFrom('people')
    .select('id')
    .where('id', 'in', ids)
    .where('unit_id', '=', unitId)
    .execute();
  if (found.length !== ids.length) throw invalidField('categories', '可登录投票的人员须为本单位人员');
}

export async function createSession(
  ctx: AppContext,
  actor: Actor,
  body: SessionBody,
  meta: RequestMeta,
): Promise<string> {
  assertCanManageUnit(actor, body.unitId);
  assertSettings(body);
  await assertLoginVoters(ctx, body.unitId, body);
  const c01 = await ruleContext(ctx, 'C-01', body.unitId);
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, {
      id,
      unit_id: body.unitId,
      kind: body.kind,
      title: body.title,
      year: body.year,
      status: 'draft',
      questionnaire: toJson(body.questionnaire),
      categories: toJson(body.categories),
      min_group_size: param<number>(c01, 'minGroupSize'),
      small_group_policy:
        body.smallGroupPolicy ?? (param<string>(c01, 'smallGroupPolicy') === 'withhold' ? 'withhold' : 'merge'),
      opens_at: new Date(body.opensAt).toISOString(),
      closes_at: new Date(body.closesAt).toISOString(),
      opened_at: null,
      closed_at: null,
      settings_digest: null,
      results: null,
      closing_counts: null,
      findings: '[]',
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'ballots.session_created',
      entityType: 'ballot_session',
      entityId: id,
      unitId: body.unitId,
      details: { kind: body.kind, title: body.title },
    });
  });
  return id;
}

/** Edit a draft. After opening nothing can change (409). */
export async function updateSession(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: SessionBody,
  meta: RequestMeta,
): Promise<void> {
  const s = await getVisibleSession(ctx, actor, id, 'manage');
  if (body.unitId !== s.unitId) throw invalidField('unitId', '不能更改测评所属单位');
  assertSettings(body);
  await assertLoginVoters(ctx, s.unitId, body);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockSession(trx, id, ctx.dialect, 'update');
    if (locked?.status !== 'draft') throw new AppError('INVALID_STATE', '测评已开启，设置已固定，不能再修改');
    const issued = await repo.codesIssued(trx, id);
    const missing = Object.keys(issued).find((k) => !body.categories.some((c) => c.key === k));
    if (missing) throw invalidField('categories', `类别 ${missing} 已生成测评码，不能删除`);
    await repo.updateSession(trx, id, {
      kind: body.kind,
      title: body.title,
      year: body.year,
      questionnaire: toJson(body.questionnaire),
      categories: toJson(body.categories),
      small_group_policy: body.smallGroupPolicy ?? s.smallGroupPolicy,
      opens_at: new Date(body.opensAt).toISOString(),
      closes_at: new Date(body.closesAt).toISOString(),
      updated_at: nowIso(ctx.clock),
    });
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'ballots.session_updated',
      entityType: 'ballot_session',
      entityId: id,
      unitId: s.unitId,
      before: {
        title: s.title,
        questionnaire: s.questionnaire,
        categories: s.categories,
        opensAt: s.opensAt,
        closesAt: s.closesAt,
      },
      after: {
        title: body.title,
        questionnaire: body.questionnaire,
        categories: body.categories,
        opensAt: new Date(body.opensAt).toISOString(),
        closesAt: new Date(body.closesAt).toISOString(),
      },
    });
  });
}

/**
 * Issue one-time codes for a category and return them as cut-apart slips (.docx). Only the keyed
 * hash is stored; the slips are the only copy of the codes. Only while the session is a draft.
 */
export async function issueCodes(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: { category: string; count: number },
  meta: RequestMeta,
) {
  const s = await getVisibleSession(ctx, actor, id, 'manage');
  const category = s.categories.find((c) => c.key === body.category);
  if (!category) throw invalidField('category', '没有这个投票人类别');
  for (let attempt = 0; ; attempt++) {
    const codes = new Set<string>();
    while (codes.size < body.count) codes.add(generateCode(ctx.random));
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const locked = await repo.lockSession(trx, id, ctx.dialect, 'update');
        if (locked?.status !== 'draft') {
          throw new AppError('INVALID_STATE', '测评已开启，不能再生成测评码（已发放的数量是固定设置的一部分）');
        }
        await repo.insertCodes(
          trx,
          [...codes].map((c) => ({
            code_hash: ctx.crypto.blindIndex('ballot_code', c),
            session_id: id,
            category: category.key,
          })),
        );
        await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
          action: 'ballots.codes_issued',
          entityType: 'ballot_session',
          entityId: id,
          unitId: s.unitId,
          details: { category: category.key, count: body.count },
        });
      });
    } catch (e) {
      if (isUniqueViolation(e) && attempt < 2) continue; // a 60-bit collision: draw the batch again
      throw e;
    }
    const unit = await repo.unitName(ctx.db, s.unitId);
    const file = await slipsDocx(
      { title: s.title, unitName: unit, categoryLabel: category.label, url: voteUrl(ctx, id), closesAt: s.closesAt },
      [...codes],
    );
    return { file, filename: `${s.title}-${category.label}-测评码${body.count}张.docx` };
  }
}

/** Open: fix every setting, take the minimum group size in force (C-01) and record the digest. */
export async function openSession(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta): Promise<Finding[]> {
  const s = await getVisibleSession(ctx, actor, id, 'manage');
  assertReadyToOpen(s.questionnaire);
  const c01 = await ruleContext(ctx, 'C-01', s.unitId);
  const se03 = await ruleContext(ctx, 'SE-03', s.unitId);
  const minGroupSize = param<number>(c01, 'minGroupSize');
  const findings: Finding[] = [
    finding(
      c01,
      { minGroupSize, policy: s.smallGroupPolicy },
      `某一投票人类别少于 ${minGroupSize} 票时，其结果${s.smallGroupPolicy === 'merge' ? '与人数次少的类别合并显示' : '不予显示'}，以保护投票人匿名。`,
      `Categories with fewer than ${minGroupSize} ballots are ${s.smallGroupPolicy === 'merge' ? 'merged' : 'withheld'}.`,
      'info',
    ),
    ...referenceListsTooShort(s.questionnaire).map((r) =>
      finding(
        se03,
        r,
        `参考人选 ${r.candidates} 人，未多于应推荐人数 ${r.seats} 人（应差额提出参考人选）。`,
        `The reference list (${r.candidates}) is not longer than the seats (${r.seats}).`,
      ),
    ),
  ];
  const now = ctx.clock.now();
  if (now.getTime() >= new Date(s.closesAt).getTime()) throw invalidField('closesAt', '结束时间已过，请先修改结束时间');
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockSession(trx, id, ctx.dialect, 'update');
    if (locked?.status !== 'draft') throw new AppError('INVALID_STATE', '测评已开启或已结束');
    const issued = await repo.codesIssued(trx, id);
    const loginVoters = s.categories.reduce((n, c) => n + c.loginPersonIds.length, 0);
    if (!Object.keys(issued).length && !loginVoters) {
      throw new AppError('INVALID_STATE', '尚未生成测评码，也没有可登录投票的人员');
    }
    const digest = settingsDigest(frozenSettingsOf({ ...s, minGroupSize }, issued));
    await repo.updateSession(trx, id, {
      status: 'open',
      min_group_size: minGroupSize,
      opened_at: now.toISOString(),
      settings_digest: digest,
      findings: toJson(findings),
      updated_at: now.toISOString(),
    });
    await ctx.audit.record(trx, auditActorOf(actor, meta.requestId), {
      action: 'ballots.session_opened',
      entityType: 'ballot_session',
      entityId: id,
      unitId: s.unitId,
      details: { digest, minGroupSize, policy: s.smallGroupPolicy, codesIssued: issued, loginVoters },
    });
  });
  return findings;
}

export async function presentSession(ctx: AppContext, actor: Actor, s: repo.Session) {
  const issued = s.closingCounts?.issued ?? (await repo.codesIssued(ctx.db, s.id));
  const manage = canManageSessions(actor, s.unitId);
  return {
    id: s.id,
    unitId: s.unitId,
    unitName: await repo.unitName(ctx.db, s.unitId),
    kind: s.kind,
    title: s.title,
    year: s.year,
    status: s.status,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    openedAt: s.openedAt,
    closedAt: s.closedAt,
    questionnaire: s.questionnaire,
    categories: s.categories.map((c) => ({ ...c, issued: issued[c.key] ?? 0 })),
    minGroupSize: s.minGroupSize,
    smallGroupPolicy: s.smallGroupPolicy,
    settingsDigest: s.settingsDigest,
    voteUrl: voteUrl(ctx, s.id),
    publicUrlSet: ctx.config.publicUrlSet,
    findings: s.findings,
    abilities: {
      edit: manage && s.status === 'draft',
      issueCodes: manage && s.status === 'draft',
      open: manage && s.status === 'draft',
      close: manage && s.status === 'open',
      enterPaper: manage && s.status === 'open',
      viewResults: canViewResults(actor, s.unitId) && s.status === 'closed',
    },
  };
}

/** Sessions of the units whose results the actor may see. */
export async function listVisibleSessions(
  ctx: AppContext,
  actor: Actor,
  filter: { unitId?: string | undefined; year?: number | undefined },
) {
  if (filter.unitId) {
    const access = sessionAccess(actor, filter.unitId);
    if (access === 'none') throw notFound('单位');
    if (access === 'forbidden') throw forbidden('只有本单位党组办公室或上级人事、纪检部门可以查看测评');
  }
  const rows = await repo.listSessions(ctx.db, listableUnitIds(actor), filter);
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind: r.kind as repo.Session['kind'],
    title: r.title,
    year: r.year,
    status: r.status as repo.Session['status'],
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
  }));
}
