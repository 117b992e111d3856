/**
 * Module migrations after the foundation, in order. Each module adds its own file
 * (e.g. 0100_meetings.ts) and one line here. Names sort in the order they must run.
 */
import type { Migration } from 'kysely';

export const EXTRA_MIGRATIONS: Record<string, Migration> = {};
