/**
 * What the decisions read models (item detail, decision list, dashboard) need to know about
 * meetings. Meetings depends on decisions through its door, never the other way (issue 9: no
 * module cycle), so meetings supplies these reads where it composes the routes
 * (meetings/overview.routes.ts).
 */
import type { Violation } from '../../../common/contracts/decisions.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/helpers.js';

export interface MeetingReads {
  /** The meetings an agenda item was placed on, oldest first. */
  placementsOfItem(
    db: Executor,
    agendaItemId: string,
  ): Promise<
    { meeting_id: string; meeting_item_id: string; title: string; date: string; state: string; result: string | null }[]
  >;
  /** The meeting of each meeting item. */
  meetingsOfMeetingItems(
    db: Executor,
    meetingItemIds: readonly string[],
  ): Promise<{ meeting_item_id: string; meeting_id: string; title: string }[]>;
  /** A unit's next meetings not yet closed. */
  upcomingMeetings(
    db: Executor,
    unitId: string,
    from: string,
  ): Promise<{ id: string; title: string; date: string; start_time: string; status: string }[]>;
  /** The date of the last meeting held, per unit. */
  lastHeldDates(db: Executor, unitIds: readonly string[]): Promise<{ unit_id: string; last: string }[]>;
  /** The violation detectors over these units. */
  detectViolations(
    ctx: AppContext,
    units: readonly { id: string; name: string }[],
    from?: string,
    to?: string,
  ): Promise<{ items: Violation[]; warnings: string[] }>;
}
