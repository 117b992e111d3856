/**
 * Access rows: supervision records (issue 10). The discipline office above (jj) records and
 * manages everything; the personnel office above (rs) reads the measures and records talks,
 * reminders and handling; the secretary of the cadre's own unit records reminders; the subject
 * reads their own non-confidential records.
 */
import { ABOVE, BUSINESS, row, type AccessRow } from './row.js';
import type { AccessWorld, Scope } from './world.js';

const subject = (w: AccessWorld, s: Scope) => (s === 'in' ? w.people.altM1 : w.people.khM1);

const base = (w: AccessWorld, s: Scope) => ({
  personId: subject(w, s),
  issuedOn: '2026-06-01',
  issuer: '乌鲁木齐海关纪检组',
  issuerLevel: 'higher',
  summary: `记录 ${w.next()}`,
});

/** A fresh record made by the discipline office above, returned as a call on its id. */
async function made(w: AccessWorld, s: Scope, body: Record<string, unknown>, then?: (id: string) => Promise<void>) {
  const res = await w.send('POST /api/supervision/records', 'jj', { body: { ...base(w, s), ...body } });
  if (res.statusCode !== 201) throw new Error(`supervision fixture: ${res.statusCode} ${res.body}`);
  const id = (JSON.parse(res.body) as { id: string }).id;
  if (then) await then(id);
  return { params: { id } };
}

const inquiry = (w: AccessWorld, s: Scope) => made(w, s, { kind: 'inquiry_letter', receivedOn: '2026-06-02' });

export const supervisionRows: AccessRow[] = [
  row('GET /api/supervision/records', BUSINESS, (w, s) => ({ query: { personId: subject(w, s) } }), { out: BUSINESS }),
  row(
    'POST /api/supervision/records',
    [...ABOVE, 'altsec'],
    (w, s) => ({ body: { ...base(w, s), kind: 'reminder_talk', issuerLevel: 'same', issuer: '党组书记' } }),
    { out: [...ABOVE, 'khsec'] },
  ),
  row('GET /api/supervision/records/{id}', [...ABOVE, 'altm1'], (w, s) => made(w, s, { kind: 'admonition_talk' }), {
    out: [...ABOVE, 'khm1'],
  }),
  row(
    'POST /api/supervision/records/{id}/extend',
    ['jj'],
    async (w, s) => ({ ...(await inquiry(w, s)), body: { replyDue: '2026-12-31', reason: '本人出差在外' } }),
    { out: ['jj'] },
  ),
  row(
    'POST /api/supervision/records/{id}/reply',
    ['jj'],
    async (w, s) => ({ ...(await inquiry(w, s)), body: { repliedOn: '2026-06-05', reply: '已如实说明' } }),
    { out: ['jj'] },
  ),
  row(
    'POST /api/supervision/records/{id}/close',
    ['jj'],
    async (w, s) => ({
      ...(await made(w, s, { kind: 'inquiry_letter' }, async (id) => {
        await w.send('POST /api/supervision/records/{id}/reply', 'jj', {
          params: { id },
          body: { repliedOn: '2026-06-05', reply: '已如实说明' },
        });
      })),
      body: { outcome: 'accepted' },
    }),
    { out: ['jj'] },
  ),
  row(
    'POST /api/supervision/records/{id}/conclude',
    ['jj'],
    async (w, s) => ({ ...(await made(w, s, { kind: 'case_open' })), body: { concludedOn: '2026-06-07' } }),
    { out: ['jj'] },
  ),
  row(
    'POST /api/supervision/records/{id}/revoke',
    ['jj'],
    async (w, s) => ({
      ...(await made(w, s, { kind: 'gov_warning' })),
      body: { revokedOn: '2026-06-07', reason: '事实不清' },
    }),
    { out: ['jj'] },
  ),
  row(
    'POST /api/supervision/records/{id}/change',
    ['jj'],
    async (w, s) => ({
      ...(await made(w, s, { kind: 'gov_demerit' })),
      body: { ...base(w, s), personId: undefined, kind: 'gov_warning' },
    }),
    { out: ['jj'] },
  ),
];
