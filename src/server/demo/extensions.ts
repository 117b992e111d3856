/**
 * Demo data of later modules (meetings, ballots, disclosures ...) plugs in here. Each extension
 * receives the world with the ids of the units, people and accounts the foundation created.
 */
import type { AppContext } from '../context.js';

export interface DemoWorld {
  unitIds: Record<string, string>;
  personIds: Record<string, string>;
  userIds: Record<string, string>;
  /** Team seats by unit key: person key, team post */
  teams: Record<string, { personKey: string; post: string }[]>;
}

export type DemoExtension = (ctx: AppContext, world: DemoWorld) => Promise<void>;

export const DEMO_EXTENSIONS: { name: string; run: DemoExtension }[] = [];
