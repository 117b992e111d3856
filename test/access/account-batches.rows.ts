/**
 * Access rows: accounts for imported people as one batch (issue 16 §1). The system admin requests
 * and takes the first halves, the security admin confirms or rejects and takes the second halves;
 * admin routes have no unit scope.
 */
import { row, ADMINS, type AccessRow } from './row.js';
import { staffPerson } from './records.js';
import type { AccessWorld } from './world.js';

const ADMIN = { noScope: true };

/** A pending batch of one new person of 阿勒泰海关, requested by the system admin. */
async function batch(w: AccessWorld, firstTaken = false): Promise<string> {
  const personId = await staffPerson(w, w.units.altay, '批量开户');
  const res = await w.c('sysadmin').post('/api/accounts/batches', { personIds: [personId] });
  if (res.statusCode !== 201) throw new Error(`batch: ${res.statusCode} ${res.body}`);
  const id = res.json<{ batch: { id: string } }>().batch.id;
  if (firstTaken) {
    const taken = await w.c('sysadmin').post(`/api/accounts/batches/${id}/codes`);
    if (taken.statusCode !== 200) throw new Error(`batch codes: ${taken.statusCode} ${taken.body}`);
  }
  return id;
}

export const accountBatchesRows: AccessRow[] = [
  row('GET /api/accounts/batches', ADMINS, () => ({}), ADMIN),
  row(
    'POST /api/accounts/batches',
    ['sysadmin'],
    async (w) => ({ body: { personIds: [await staffPerson(w, w.units.altay, '批量开户')] } }),
    ADMIN,
  ),
  row('GET /api/accounts/batches/{id}', ADMINS, async (w) => ({ params: { id: await batch(w) } }), ADMIN),
  row(
    'POST /api/accounts/batches/{id}/confirm',
    ['secadmin'],
    async (w) => ({ params: { id: await batch(w, true) } }),
    ADMIN,
  ),
  row(
    'POST /api/accounts/batches/{id}/reject',
    ['secadmin'],
    async (w) => ({ params: { id: await batch(w) }, body: { reason: '名单有误' } }),
    ADMIN,
  ),
  row('POST /api/accounts/batches/{id}/cancel', ['sysadmin'], async (w) => ({ params: { id: await batch(w) } }), ADMIN),
  row('POST /api/accounts/batches/{id}/codes', ['sysadmin'], async (w) => ({ params: { id: await batch(w) } }), ADMIN),
];
