/**
 * Helpers shared by the decisions and meetings use cases: seat gates that answer 404 for an unseen
 * unit and 403 for a seen one without the seat, and the unit's organ label. (Rule loading is the
 * rules module's `rulesFor`; the business-user gate is http/actor.ts's `business`.)
 */
import { AppError, forbidden, notFound } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { z } from 'zod';
import { findingSchema } from '../../../common/contracts/common.js';
import type { Actor } from '../../http/actor.js';
import { findUnit } from '../orgs/index.js';
import { canRead, seatsIn, type Seats } from './decisions.policy.js';

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
  const u = await findUnit(ctx.db, unitId);
  if (!u) throw notFound('单位');
  return { unitName: u.name, organ: u.organ_type === 'party_group' ? '党组' : '党委' };
}

/** Response of a write that may carry warnings. */
export const idWithFindings = z.object({ id: z.string(), findings: z.array(findingSchema) });
