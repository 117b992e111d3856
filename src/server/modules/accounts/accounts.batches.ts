/**
 * Accounts for imported people as one batch (issue 16 §1; AC-01, AC-02). The system admin
 * requests accounts for the people of some units (or of an import file) who have none; the
 * security admin confirms or rejects the batch as a whole. As for a single linked account, no
 * admin holds a whole code: the requester takes the first halves (before confirmation), the
 * confirmer the second halves (after it), each once, as a .xlsx list (accounts.batches.codes.ts).
 * Confirmation and rejection are in accounts.batches.decide.ts.
 */
import type { AccountBatch, AccountBatchDetail, BatchBody } from '../../../common/contracts/account-batches.js';
import { AppError, invalidField, notFound } from '../../../common/errors.js';
import type { AdminRole } from '../../../common/roles.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/actor.js';
import type { AuditActor } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { uuidv7 } from '../../platform/random.js';
import { auditActorOf, type RequestMeta } from '../../http/actor.js';
import { cliActor, refuse } from './accounts.credentials.js';
import * as brepo from './accounts.batches.repository.js';
import type { BatchItemRow, BatchRow } from './accounts.batches.table.js';
import { planUsernames } from './accounts.batches.usernames.js';

/** Who acts on a batch: an admin through the API, or the CLI on the server acting for one side. */
export interface BatchWho {
  userId: string | null;
  name: string;
  adminRole: AdminRole | null;
  audit: AuditActor;
  http: { actor: Actor; meta: RequestMeta } | null;
}

export function whoOfActor(actor: Actor, meta: RequestMeta): BatchWho {
  return {
    userId: actor.userId,
    name: actor.displayName,
    adminRole: actor.adminRole,
    audit: auditActorOf(actor, meta.requestId),
    http: { actor, meta },
  };
}

/** The CLI acts for the system admin's side (requests) or the security admin's (confirms); logged as 'cli (<os user>)'. */
export function whoOfCli(side: 'system_admin' | 'security_admin'): BatchWho {
  const audit = cliActor();
  return { userId: null, name: audit.actorName ?? 'cli', adminRole: side, audit, http: null };
}

/** Refuse under AC-01: through the API the attempt is audited with its finding; the CLI prints it. */
export async function refuseBatch(
  ctx: AppContext,
  who: BatchWho,
  batchId: string,
  attempt: string,
  zh: string,
  en: string,
  code: 'FORBIDDEN' | 'CONFLICT' = 'FORBIDDEN',
): Promise<AppError> {
  if (!who.http) return new AppError(code, zh);
  return refuse(ctx, who.http.actor, who.http.meta, {
    ruleId: 'AC-01',
    attempt,
    message_zh: zh,
    message_en: en,
    code,
    facts: { batchId },
  });
}

export const isRequester = (b: BatchRow, who: BatchWho) =>
  b.requested_by !== null ? b.requested_by === who.userId : who.userId === null && b.requested_by_name === who.name;
export const isDecider = (b: BatchRow, who: BatchWho) =>
  b.decided_by !== null ? b.decided_by === who.userId : who.userId === null && b.decided_by_name === who.name;

/** Which halves the viewer may take now: 1 (the requester, before confirmation), 2 (the confirmer, after). */
export function halfFor(b: BatchRow, who: BatchWho): 1 | 2 | null {
  if (b.status === 'pending' && !b.first_issued_at && isRequester(b, who)) return 1;
  if (b.status === 'confirmed' && !b.second_issued_at && isDecider(b, who)) return 2;
  return null;
}

function present(
  b: BatchRow,
  who: BatchWho,
  counts: { count: number; created: number; skipped: number },
): AccountBatch {
  return {
    id: b.id,
    status: b.status as AccountBatch['status'],
    scope: b.scope,
    ...counts,
    requestedByName: b.requested_by_name,
    requestedAt: b.requested_at,
    decidedByName: b.decided_by_name,
    decidedAt: b.decided_at,
    reason: b.reason,
    firstIssuedAt: b.first_issued_at,
    secondIssuedAt: b.second_issued_at,
    canConfirm:
      b.status === 'pending' && who.adminRole === 'security_admin' && !isRequester(b, who) && !!b.first_issued_at,
    canCancel: b.status === 'pending' && isRequester(b, who),
    canTakeHalf: halfFor(b, who),
  };
}

const itemOf = (i: BatchItemRow) => ({
  seq: i.seq,
  personId: i.person_id,
  personName: i.person_name,
  unitName: i.unit_name,
  username: i.username,
  outcome: i.outcome as 'pending' | 'created' | 'skipped',
  note: i.note,
});

export async function listBatches(ctx: AppContext, who: BatchWho): Promise<AccountBatch[]> {
  const rows = await brepo.listBatches(ctx.db);
  const counts = await brepo.itemCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((b) => present(b, who, counts.get(b.id) ?? { count: 0, created: 0, skipped: 0 }));
}

export async function getBatch(ctx: AppContext, who: BatchWho, id: string): Promise<AccountBatchDetail> {
  const b = await brepo.findBatch(ctx.db, id);
  if (!b) throw notFound('批量申请');
  const items = await brepo.itemsOf(ctx.db, id);
  const counts = {
    count: items.length,
    created: items.filter((i) => i.outcome === 'created').length,
    skipped: items.filter((i) => i.outcome === 'skipped').length,
  };
  return { ...present(b, who, counts), items: items.map(itemOf) };
}

export interface Excluded {
  personId: string;
  personName: string;
  unitName: string;
  reason: string;
}

/**
 * Request a batch: every person of the chosen units (or the given people) who has no account and
 * none pending gets a proposed username; the others are listed with the reason. Audited.
 */
export async function requestBatch(
  ctx: AppContext,
  who: BatchWho,
  body: BatchBody & { scope?: string },
): Promise<{ batch: AccountBatchDetail; excluded: Excluded[] }> {
  const known = await brepo.knownUnitIds(ctx.db, body.unitIds);
  const unknown = body.unitIds.find((u) => !known.has(u));
  if (unknown) throw invalidField('unitIds', `单位不存在：${unknown}`);
  const people = await brepo.peopleInScope(ctx.db, body.unitIds, body.personIds);
  if (people.length < new Set(body.personIds).size && !body.unitIds.length) {
    throw invalidField('personIds', '所选人员中有不存在的人员档案');
  }
  const awaiting = await brepo.peopleAwaitingAccounts(ctx.db);
  const excluded: Excluded[] = [];
  const chosen = people.filter((p) => {
    const reason = p.account ? `已有账户 ${p.account}` : awaiting.get(p.id);
    if (reason) excluded.push({ personId: p.id, personName: p.name, unitName: p.unit_name, reason });
    return !reason;
  });
  if (!chosen.length) {
    throw new AppError('CONFLICT', '所选范围内没有需要开设账户的人员：都已有账户或已在待确认的申请中', {
      field: body.unitIds.length ? 'unitIds' : 'personIds',
    });
  }
  const names = planUsernames(
    chosen.map((p) => ({ personId: p.id, unitCode: p.unit_code })),
    await brepo.takenUsernames(ctx.db),
  );
  const now = nowIso(ctx.clock);
  const id = uuidv7(ctx.random, ctx.clock.now().getTime());
  const scope = body.scope ?? (await scopeText(ctx, body));
  const batch: BatchRow = {
    id,
    status: 'pending',
    scope,
    requested_by: who.userId,
    requested_by_name: who.name,
    requested_at: now,
    decided_by: null,
    decided_by_name: null,
    decided_at: null,
    reason: null,
    first_issued_at: null,
    second_issued_at: null,
  };
  const items = chosen.map((p, i) => ({
    batch_id: id,
    seq: i + 1,
    person_id: p.id,
    user_id: uuidv7(ctx.random, ctx.clock.now().getTime()),
    username: names.get(p.id) as string,
    person_name: p.name,
    unit_name: p.unit_name,
    code_hash: null,
    outcome: 'pending',
    note: null,
  }));
  await ctx.db.transaction().execute(async (trx) => {
    await brepo.insertBatch(trx, batch, items);
    await ctx.audit.record(trx, who.audit, {
      action: 'accounts.batch_requested',
      entityType: 'account_batch',
      entityId: id,
      details: {
        scope,
        count: items.length,
        people: items.map((i) => ({ personId: i.person_id, personName: i.person_name, username: i.username })),
        excluded: excluded.length,
        ruleId: 'AC-01',
        ip: who.http?.meta.ip ?? null,
      },
    });
  });
  return { batch: await getBatch(ctx, who, id), excluded };
}

async function scopeText(ctx: AppContext, body: BatchBody): Promise<string> {
  const parts: string[] = [];
  if (body.unitIds.length) {
    const names = await brepo.unitNames(ctx.db, body.unitIds);
    parts.push(`单位：${names.map((n) => n.name).join('、')}`);
  }
  if (body.personIds.length) parts.push(`指定人员 ${new Set(body.personIds).size} 人`);
  return parts.join('；').slice(0, 500);
}
