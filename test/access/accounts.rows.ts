/**
 * Access rows: sessions, accounts (system admin) and role grants (security admin). Admin routes
 * have no unit scope, so no out-of-scope record.
 */
import { TEST_PASSWORD } from '../app.js';
import type { Username } from '../fixtures.js';
import { row, type AccessRow } from './row.js';

const fresh = async (w: Parameters<AccessRow['build']>[0], who: string | null) =>
  who && who !== 'anon' ? { session: await w.freshSession(who) } : {};

/** Admin routes: no unit scope. */
const ADMIN = { noScope: true };

export const accountsRows: AccessRow[] = [
  row('GET /api/auth/session', 'public', () => ({})),
  row('POST /api/auth/login', 'public', () => ({ body: { username: 'altstaff', password: TEST_PASSWORD } })),
  row('POST /api/auth/logout', 'any', (w, _s, who) => fresh(w, who)),
  row(
    'POST /api/auth/password',
    'any',
    async (w, _s, who) => ({
      ...(await fresh(w, who)),
      body: { currentPassword: TEST_PASSWORD, newPassword: 'Fresh-Passw0rd!42' },
    }),
    { after: (w, who) => w.restorePassword(who as Username) },
  ),
  row('GET /api/accounts/users', ['sysadmin', 'secadmin'], () => ({}), ADMIN),
  row(
    'POST /api/accounts/users',
    ['sysadmin'],
    (w) => ({
      body: { username: `fx-new-${w.next()}`, displayName: '新账户', password: 'New-Passw0rd!77', personId: null },
    }),
    ADMIN,
  ),
  row(
    'PATCH /api/accounts/users/{id}',
    ['sysadmin'],
    async (w) => ({
      params: { id: await w.user() },
      body: { displayName: '改名' },
    }),
    ADMIN,
  ),
  row(
    'POST /api/accounts/users/{id}/reset-password',
    ['sysadmin'],
    async (w) => ({
      params: { id: await w.user() },
      body: { newPassword: 'Reset-Passw0rd!88' },
    }),
    ADMIN,
  ),
  row('POST /api/accounts/users/{id}/unlock', ['sysadmin'], async (w) => ({ params: { id: await w.user() } }), ADMIN),
  row('GET /api/accounts/people-picker', ['sysadmin'], () => ({ query: { q: '朱' } }), ADMIN),
  row('GET /api/accounts/grants', ['secadmin'], () => ({}), ADMIN),
  row(
    'POST /api/accounts/grants',
    ['secadmin'],
    async (w) => ({
      body: { userId: await w.user(), role: 'staff', unitId: w.units.altay },
    }),
    ADMIN,
  ),
  row(
    'DELETE /api/accounts/grants/{id}',
    ['secadmin'],
    async (w) => ({
      params: { id: await w.grant(await w.user(), 'office', w.units.altay) },
    }),
    ADMIN,
  ),
];
