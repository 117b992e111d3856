/**
 * Access rows: units and teams. Editing belongs to the personnel office of the unit above (rs for
 * 阿勒泰海关), so for those rows the out-of-scope record is 乌鲁木齐海关's own (rs does not manage it).
 */
import { ADMINS, ABOVE, ALT_ALL, KH, row, type AccessRow } from './row.js';
import { staffPerson } from './records.js';
import { makeIdNumber } from '../fixtures.js';
import { filledTemplate } from '../import-helpers.js';
import type { AccessWorld } from './world.js';

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

/** Unit codes for the import rows (the template keys units by code). */
async function unitCodes(w: AccessWorld): Promise<void> {
  await w.once('unit-codes', async () => {
    for (const [key, code] of [
      ['gac', '0000'],
      ['urumqi', '6500'],
      ['altay', '6501'],
      ['khorgos', '6502'],
    ] as const) {
      await w.env.ctx.db.updateTable('units').set({ code }).where('id', '=', w.units[key]).execute();
    }
  });
}

/** A one-person import file (dry run): in scope 阿勒泰海关 (6501), out of scope 海关总署 (0000). */
async function importCall(w: AccessWorld, s: 'in' | 'out') {
  await unitCodes(w);
  const n = w.next();
  const file = await filledTemplate({
    人员: [
      {
        身份证号: makeIdNumber(`1993-0${1 + (n % 9)}-1${n % 10}`, 'F', 41 + (n % 50)),
        姓名: '导入测试',
        民族: '汉族',
        政治面貌: '共青团员',
        所在单位代码: s === 'in' ? '6501' : '0000',
        现任职务: '科员',
        任现职务时间: '2026-05-06',
      },
    ],
  });
  return { body: { file: file.toString('base64'), dryRun: true } };
}

export const importRows: AccessRow[] = [
  row('GET /api/orgs/import/template.xlsx', ['rs', 'altrenshi'], () => ({}), { noScope: true }),
  // Out of scope, the preview answers 200 listing the rows the office may not import (nothing is written;
  // the scope of each row is tested in test/units-import-api.int.test.ts).
  row('POST /api/orgs/import', ['rs', 'altrenshi'], (w, s) => importCall(w, s), { out: ['rs', 'altrenshi'] }),
  row('GET /api/setup/checklist', ['rs', 'altrenshi'], () => ({}), { noScope: true }),
];
