/**
 * Access rows: units and teams. Editing belongs to the personnel office of the unit above (rs for
 * 阿勒泰海关), so for those rows the out-of-scope record is 乌鲁木齐海关's own (rs does not manage it).
 */
import { ADMINS, ABOVE, ALT_ALL, KH, row, type AccessRow } from './row.js';
import { staffPerson } from './records.js';

export const orgsRows: AccessRow[] = [
  row('GET /api/orgs/units', 'any', () => ({})),
  row('GET /api/orgs/units/{id}', [...ADMINS, ...ALT_ALL, ...ABOVE], (w, s) => ({ params: { id: w.unit(s) } }), {
    out: [...ADMINS, ...KH, ...ABOVE],
  }),
  row('POST /api/orgs/units', ['altrenshi'], (w, s) => ({
    body: {
      parentId: w.unit(s),
      name: `测试科${w.next()}`,
      shortName: '测试科',
      level: 'internal',
      organType: 'party_committee',
    },
  })),
  row('PATCH /api/orgs/units/{id}', ['rs'], (w, s) => ({
    params: { id: s === 'in' ? w.units.altay : w.units.urumqi },
    body: { sortOrder: 5 },
  })),
  row(
    'GET /api/orgs/units/{id}/team',
    [...ALT_ALL, ...ABOVE],
    (w, s) => ({ params: { id: w.unit(s) }, query: { history: '1' } }),
    { out: [...KH, ...ABOVE] },
  ),
  row('POST /api/orgs/units/{id}/team', ['rs'], async (w, s) => {
    const unit = s === 'in' ? w.units.altay : w.units.urumqi;
    return {
      params: { id: unit },
      body: { personId: await staffPerson(w, unit), teamPost: 'member', startDate: '2026-06-01', adminPost: '副关长' },
    };
  }),
  row('PATCH /api/orgs/team-members/{id}', ['rs'], (w, s) => ({
    params: { id: s === 'in' ? w.world.teamMembers.altM4 : w.world.teamMembers.urSec },
    body: { divisionOfWork: '分管关税、综合' },
  })),
];
