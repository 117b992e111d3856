/**
 * Access rows: the rules registry, the working-day calendar (system admin writes) and the audit log
 * (auditor only). The rules catalogue and calendar are not business data: admins read them too.
 */
import { ABOVE, ADMINS, ALT_ALL, BUSINESS, KH, row, type AccessRow } from './row.js';

export const platformRows: AccessRow[] = [
  row(
    'GET /api/rules',
    [...ADMINS, ...ALT_ALL, ...ABOVE],
    (w, s) => ({ query: { unitId: w.unit(s), at: '2026-06-08' } }),
    {
      out: [...ADMINS, ...KH, ...ABOVE],
    },
  ),
  row(
    'GET /api/rules/{id}/overrides',
    [...ADMINS, ...ALT_ALL, ...ABOVE],
    (w, s) => ({ params: { id: 'PG-05' }, query: { unitId: w.unit(s) } }),
    { out: [...ADMINS, ...KH, ...ABOVE] },
  ),
  row(
    'POST /api/rules/{id}/overrides',
    ['altoffice', 'rs'],
    (w, s) => ({
      params: { id: 'PG-05' },
      body: {
        unitId: w.unit(s),
        params: { maxDaysWithoutMeeting: 30 },
        effectiveFrom: '2027-01-01',
        reason: '本单位会议安排',
      },
    }),
    { out: ['rs'] },
  ),
  row('GET /api/calendar/years', 'any', () => ({})),
  row('GET /api/calendar/years/{year}', 'any', () => ({ params: { year: '2026' } })),
  row(
    'PUT /api/calendar/years/{year}',
    ['sysadmin'],
    () => ({
      params: { year: '2031' },
      body: { days: [{ date: '2031-01-01', kind: 'holiday', name: '元旦' }] },
    }),
    { noScope: true },
  ),
  row('GET /api/calendar/compute', 'any', () => ({
    query: { kind: 'working_days_after', from: '2026-06-08', n: 5 },
  })),
  // The home 待办 is the caller's own: every business user, no admin (三员分立)
  row('GET /api/home/todo', BUSINESS, () => ({}), { noScope: true }),
  row('GET /api/audit/events', ['auditor'], () => ({ query: { pageSize: 5 } }), { noScope: true }),
  row('GET /api/audit/events/export.xlsx', ['auditor'], () => ({ query: { action: 'auth.' } }), { noScope: true }),
  row('POST /api/audit/verify', ['auditor'], () => ({}), { noScope: true }),
];
