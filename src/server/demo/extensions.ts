/**
 * Demo data of later modules (meetings, ballots, disclosures ...) plugs in here. Each extension
 * receives the world with the ids of the units, people and accounts the foundation created.
 */
import type { AppContext } from '../context.js';
import { seedAssessmentsDemo } from '../modules/assessments/assessments.demo.js';
import { seedBallotsDemo } from '../modules/ballots/ballots.demo.js';
import { seedDisclosuresDemo } from '../modules/disclosures/disclosures.demo.js';
import { seedMeetingsDemo } from '../modules/meetings/demo/meetings.demo.js';

export interface DemoWorld {
  unitIds: Record<string, string>;
  personIds: Record<string, string>;
  userIds: Record<string, string>;
  /** Team seats by unit key: person key, team post */
  teams: Record<string, { personKey: string; post: string }[]>;
}

export type DemoExtension = (ctx: AppContext, world: DemoWorld) => Promise<void>;

export const DEMO_EXTENSIONS: { name: string; run: DemoExtension }[] = [
  { name: 'disclosures', run: seedDisclosuresDemo },
  { name: 'ballots', run: seedBallotsDemo },
  { name: 'assessments', run: seedAssessmentsDemo },
  { name: 'meetings', run: seedMeetingsDemo },
];
