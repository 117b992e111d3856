/**
 * The shape of a row of the access table (see test/access-table.ts) and the seats rows name.
 */
import type { Username } from '../fixtures.js';
import type { AccessWorld, Call, Scope, Who } from './world.js';
import type { RouteKey } from '../route-schemas.js';

/** 'public': everyone, without a session too; 'any': every account with a session. */
export type Allow = readonly Username[] | 'public' | 'any';

export interface AccessRow {
  route: RouteKey;
  allow: Allow;
  /** Who gets 2xx on the out-of-scope record (default: nobody) */
  out?: readonly Username[];
  build: (w: AccessWorld, s: Scope, who: Who | null) => Promise<Call | null> | Call | null;
  /** The status an allowed caller gets when it is not 2xx (declared, e.g. 409 for a state the fixture cannot reach) */
  ok?: number;
  /** No unit scope (admin routes): only the in-scope call is made */
  noScope?: boolean;
  /** Runs after each allowed call (e.g. restore a changed password) */
  after?: (w: AccessWorld, who: Who) => Promise<void>;
}

export function row(
  route: RouteKey,
  allow: Allow,
  build: AccessRow['build'],
  opts: Omit<AccessRow, 'route' | 'allow' | 'build'> = {},
): AccessRow {
  return { route, allow, build, ...opts };
}

/** Seats of 阿勒泰海关 and the offices above, as used by many rows. */
export const ADMINS = ['sysadmin', 'secadmin', 'auditor'] as const satisfies Username[];
export const ALT_TEAM = ['altsec', 'altm1', 'altm2', 'altm3', 'altm4'] as const satisfies Username[];
export const ALT_ALL = [...ALT_TEAM, 'altoffice', 'altrenshi', 'altstaff'] as const satisfies Username[];
export const KH = ['khsec', 'khm1'] as const satisfies Username[];
export const ABOVE = ['rs', 'jj'] as const satisfies Username[];
export const BUSINESS = [...ABOVE, ...ALT_ALL, ...KH, 'ursec'] as const satisfies Username[];
