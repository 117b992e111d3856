/**
 * Live meeting updates: an in-process bus per application context. Every committed change to a
 * meeting bumps its version and announces it here; the SSE route forwards the announcement and
 * the page re-reads the meeting (so a reload, or a second server instance, loses nothing: the
 * state is in the database, the event only says "look again"). Pages also re-read on a timer.
 */
import { EventEmitter } from 'node:events';
import type { AppContext } from '../../context.js';

export interface MeetingEvent {
  meetingId: string;
  kind: string;
}

const buses = new WeakMap<AppContext, EventEmitter>();

function bus(ctx: AppContext): EventEmitter {
  let b = buses.get(ctx);
  if (!b) {
    b = new EventEmitter();
    b.setMaxListeners(0);
    buses.set(ctx, b);
  }
  return b;
}

/** Announce a committed change (call after the transaction). */
export function announce(ctx: AppContext, meetingId: string, kind: string): void {
  bus(ctx).emit(meetingId, { meetingId, kind } satisfies MeetingEvent);
}

/** Listen to one meeting; returns the unsubscribe function. */
export function listen(ctx: AppContext, meetingId: string, fn: (e: MeetingEvent) => void): () => void {
  const b = bus(ctx);
  b.on(meetingId, fn);
  return () => b.off(meetingId, fn);
}
