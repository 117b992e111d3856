/**
 * Access rows: sessions, accounts (system admin) and role grants (security admin). Admin routes
 * have no unit scope, so no out-of-scope record.
 */
import { TEST_PASSWORD } from '../app.js';
import type { Username } from '../fixtures.js';
import { row, type AccessRow } from './row.js';
import { staffPerson } from './records.js';
import type { AccessWorld } from './world.js';

const fresh = async (w: Parameters<AccessRow['build']>[0], who: string | null) =>
  who && who !== 'anon' ? { session: await w.freshSession(who) } : {};

/** Admin routes: no unit scope. */
const ADMIN = { noScope: true };

/** A pending request of the system admin to link a new account to a person (AC-01: the security admin decides). */
async function linkRequest(w: AccessWorld): Promise<string> {
  const personId = await staffPerson(w, w.units.altay);
  const res = await w.c('sysadmin').post('/api/accounts/users', {
    username: `fx-link-${w.next()}`,
    displayName: '待关联账户',
    personId,
  });
  if (res.statusCode !== 202 && res.statusCode !== 201) throw new Error(`link request: ${res.statusCode} ${res.body}`);
  return res.json<{ requestId: string }>().requestId;
}

export const accountsRows: AccessRow[] = [
  row('GET /api/auth/session', 'public', () => ({})),
  row('POST /api/auth/login', 'public', () => ({ body: { username: 'altstaff', password: TEST_PASSWORD } })),
  row('POST /api/auth/logout', 'any', (w, _s, who) => fresh(w, who)),
  row(
    'POST /api/auth/activate',
    'public',
    async (w) => {
      const res = await w.c('sysadmin').post('/api/accounts/users', {
        username: `fx-act-${w.next()}`,
        displayName: '待激活账户',
        personId: null,
      });
      const { activation } = res.json<{ activation: { username: string; code: string } }>();
      return { body: { username: activation.username, code: activation.code, newPassword: 'Activ8-Passw0rd!' } };
    },
    { noScope: true },
  ),
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
      body: { username: `fx-new-${w.next()}`, displayName: '新账户', personId: null },
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
  row('POST /api/accounts/users/{id}/reset', ['sysadmin'], async (w) => ({ params: { id: await w.user() } }), ADMIN),
  row('GET /api/accounts/requests', ['sysadmin', 'secadmin', 'auditor'], () => ({}), ADMIN),
  row(
    'POST /api/accounts/requests/{id}/confirm',
    ['secadmin'],
    async (w) => ({ params: { id: await linkRequest(w) } }),
    ADMIN,
  ),
  row(
    'POST /api/accounts/requests/{id}/reject',
    ['secadmin'],
    async (w) => ({ params: { id: await linkRequest(w) }, body: { reason: '不同意' } }),
    ADMIN,
  ),
  row(
    'POST /api/accounts/requests/{id}/cancel',
    ['sysadmin'],
    async (w) => ({ params: { id: await linkRequest(w) } }),
    ADMIN,
  ),
  row('POST /api/accounts/users/{id}/unlock', ['sysadmin'], async (w) => ({ params: { id: await w.user() } }), ADMIN),
  row('GET /api/accounts/people-picker', ['sysadmin'], () => ({ query: { q: '朱' } }), ADMIN),
  row('GET /api/accounts/grants', ['secadmin'], () => ({}), ADMIN),
  row(
    'POST /api/accounts/grants',
    ['secadmin'],
    async (w) => ({
      body: {
        userId: await w.user(undefined, await staffPerson(w, w.units.altay)),
        role: 'staff',
        unitId: w.units.altay,
      },
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
