/**
 * The access table: one row per route of the OpenAPI document (the matrix fails on a route without
 * a row, and on a row without a route). A row says who may call the route on a record in scope
 * (阿勒泰海关's, or for the offices above, the units they manage), who may call it on a record out of
 * scope, and how to build a valid call. Everyone else must get 401 (no session), 403 or 404.
 *
 * Add a route: one line in the module's rows file under test/access/, e.g.
 *   row('POST /api/meetings/{id}/publish', OFFICE, (w, s) => meeting(w, s, 'draft').then(id => ({ params: { id } }))),
 * The builder gets the scope and, for an allowed caller, who calls (it builds a fresh record per
 * allowed caller, since a successful call changes it); for the refused callers it is called once
 * per scope with `who` null. It returns null where a scope does not apply (e.g. admin routes have
 * no out-of-scope record).
 */
import type { AccessRow } from './access/row.js';
import { accountBatchesRows } from './access/account-batches.rows.js';
import { accountsRows } from './access/accounts.rows.js';
import { assessmentsRows } from './access/assessments.rows.js';
import { ballotsRows } from './access/ballots.rows.js';
import { decisionsRows } from './access/decisions.rows.js';
import { disclosuresRows } from './access/disclosures.rows.js';
import { meetingsRows } from './access/meetings.rows.js';
import { importRows, orgsRows } from './access/orgs.rows.js';
import { peopleRows } from './access/people.rows.js';
import { platformRows } from './access/platform.rows.js';
import { supervisionRows } from './access/supervision.rows.js';

export type { AccessRow, Allow } from './access/row.js';

export const ACCESS_TABLE: AccessRow[] = [
  ...accountsRows,
  ...accountBatchesRows,
  ...orgsRows,
  ...importRows,
  ...peopleRows,
  ...platformRows,
  ...ballotsRows,
  ...assessmentsRows,
  ...disclosuresRows,
  ...meetingsRows,
  ...decisionsRows,
  ...supervisionRows,
];
