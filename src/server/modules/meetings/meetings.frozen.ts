/**
 * The rule values a meeting is judged by (issue 8 §3): the values in force on the meeting's date
 * while it is held (an override effective that day applies to the rest of the meeting, each
 * settled item keeping the counts it was settled with), frozen when it closes, so no later
 * override changes a closed meeting. Meetings closed before the freeze existed fall back to the
 * values in force on their date (overrides never take effect in the past, so those are stable too).
 */
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/helpers.js';
import { type Rules, freezeRules, frozenParamsOf, ruleContext, rulesFor } from '../rules/index.js';
import type { MeetingRow } from './meetings.table.js';

/** Every rule a meeting is judged by; frozen together when it closes. */
export const MEETING_RULES = [
  'PG-06',
  'PG-07',
  'PG-08',
  'PG-09',
  'PG-10',
  'PG-11',
  'PG-12',
  'PG-13',
  'PG-14',
  'PG-18',
  'SE-09',
  'ZD-07',
  'ZD-09',
  'ZZ-03',
] as const;

const closed = (m: Pick<MeetingRow, 'closed_at'>) => m.closed_at !== null;

/** The rules for a meeting: frozen ones once it has closed. Call before opening a transaction. */
export async function meetingRules(
  ctx: AppContext,
  meeting: Pick<MeetingRow, 'id' | 'unit_id' | 'date' | 'closed_at'>,
  ids: readonly string[],
): Promise<Rules> {
  return rulesFor(
    ctx,
    meeting.unit_id,
    meeting.date,
    ids,
    closed(meeting) ? { entityType: 'meeting', entityId: meeting.id } : undefined,
  );
}

/** Freeze the meeting's rules inside the transaction that closes it. */
export async function freezeMeetingRules(trx: Executor, ctx: AppContext, meetingId: string, rules: Rules) {
  await freezeRules(trx, ctx, { entityType: 'meeting', entityId: meetingId }, Object.values(rules));
}

/** One rule's values for many meetings: frozen, else in force on each meeting's date. */
export async function paramsForMeetings(
  ctx: AppContext,
  ruleId: string,
  meetings: readonly { id: string; unit_id: string; date: string }[],
): Promise<Map<string, Record<string, unknown>>> {
  const out = await frozenParamsOf(
    ctx.db,
    'meeting',
    meetings.map((m) => m.id),
    ruleId,
  );
  const cache = new Map<string, Record<string, unknown>>();
  for (const m of meetings) {
    if (out.has(m.id)) continue;
    const k = `${m.unit_id}|${m.date}`;
    if (!cache.has(k)) cache.set(k, (await ruleContext(ctx, ruleId, m.unit_id, m.date)).params);
    out.set(m.id, cache.get(k) ?? {});
  }
  return out;
}
