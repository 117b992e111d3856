/**
 * Helpers shared by the decisions and meetings use cases: loading the rules in force (always
 * before a transaction opens: the rules registry reads through ctx.db, and SQLite has one
 * connection), seat gates that answer 404 for an unseen unit and 403 for a seen one without the
 * seat, and the unit's organ label.
 */
import { AppError, forbidden, notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { z } from 'zod';
import { findingSchema } from '../../../common/contracts/common.js';
import { requireActor, requireBusinessUser, type Actor } from '../../http/actor.js';
import { ruleContext } from '../rules/rules.service.js';
import { canRead, seatsIn, type Seats } from './decisions.policy.js';
import type { Rules } from './decisions.rules.js';

/** The rules in force for a unit on a date, by id. Call before opening a transaction. */
export async function loadRules(ctx: AppContext, unitId: string, at: string, ids: readonly string[]): Promise<Rules> {
  const out: Rules = {};
  for (const id of ids) out[id] = await ruleContext(ctx, id, unitId, at);
  return out;
}

/** Seats of the actor in a unit; 404 when the unit is unseen, 403 when seen but unreadable. */
export function readSeats(actor: Actor, unitId: string, what = '记录'): Seats {
  const s = seatsIn(actor, unitId);
  if (!s.visible) throw notFound(what);
  if (!canRead(s)) throw forbidden('当前角色无权查看本单位党组会议与决策事项');
  return s;
}

/** Require a seat for an action (after readSeats). */
export function requireSeat(allowed: boolean, message: string): void {
  if (!allowed) throw forbidden(message);
}

export function invalidState(message: string): AppError {
  return new AppError('INVALID_STATE', message);
}

/** 党组 / 党委 for the unit's organ type (regulations.md §0). */
export async function organLabel(ctx: AppContext, unitId: string): Promise<{ unitName: string; organ: string }> {
  const u = await ctx.db.selectFrom('units').select(['name', 'organ_type']).where('id', '=', unitId).executeTakeFirst();
  if (!u) throw notFound('单位');
  return { unitName: u.name, organ: u.organ_type === 'party_group' ? '党组' : '党委' };
}

/** Routes: the authenticated business user (三员 admins see no business data). */
export function business(actor: Actor | null): Actor {
  const a = requireActor(actor);
  requireBusinessUser(a);
  return a;
}

/** Response of a write that may carry warnings. */
export const idWithFindings = z.object({ id: z.string(), findings: z.array(findingSchema) });
