/**
 * Access rows: cadre records and restrictions. A team member's full record is the person's own and
 * the offices above (rs, jj); colleagues see the basic card; editing is the personnel office above.
 */
import { makeIdNumber } from '../fixtures.js';
import { ABOVE, ALT_ALL, KH, row, type AccessRow } from './row.js';
import { staffPerson } from './records.js';
import type { AccessWorld, Scope } from './world.js';

const member = (w: AccessWorld, s: Scope) => (s === 'in' ? w.people.altM1 : w.people.khM1);

function cadre(w: AccessWorld, unitId: string) {
  const n = w.next();
  return {
    unitId,
    name: `古丽${n}`,
    sex: 'F',
    birthMonth: '1985-04',
    ethnicity: '维吾尔族',
    nativePlace: '新疆伊宁',
    birthplace: '新疆伊宁',
    politicalStatus: 'cpc',
    partyJoinDate: '2006-06-01',
    workStartDate: '2007-07-01',
    health: '健康',
    expertise: '卫生检疫',
    educationFulltime: { qualification: '大学', degree: '学士', school: '新疆大学', major: '预防医学' },
    idNumber: makeIdNumber(`1985-04-${String(1 + (n % 28)).padStart(2, '0')}`, 'F', 10 + (n % 80)),
    resume: [{ startMonth: '2007-07', endMonth: null, text: '阿勒泰海关卫生检疫科科员' }],
    family: [
      { relation: 'spouse', name: '叶尔江', birthDate: '1983-02-02', politicalStatus: 'cpc', employerPost: '医生' },
    ],
    rankCode: 'G-ZR3',
    rankStartDate: '2020-01-01',
    postTitle: '卫生检疫科副科长',
    postStartDate: '2022-03-01',
  };
}

function update(name: string) {
  return {
    name,
    sex: 'F',
    birthMonth: '1978-05',
    ethnicity: '维吾尔族',
    politicalStatus: 'cpc',
    partyJoinDate: '2001-07-01',
    health: '良好',
    educationFulltime: { qualification: '研究生', degree: '硕士', school: '新疆大学', major: '管理' },
    resume: [{ startMonth: '2000-07', endMonth: null, text: '海关工作' }],
    family: [],
  };
}

export const peopleRows: AccessRow[] = [
  row('GET /api/people', [...ALT_ALL, ...ABOVE], (w, s) => ({ query: { unitId: w.unit(s), pageSize: 20 } }), {
    out: [...KH, ...ABOVE],
  }),
  row('POST /api/people', ['rs', 'altrenshi'], (w, s) => ({ body: cadre(w, w.unit(s)) }), { out: ['rs'] }),
  row('GET /api/people/export.xlsx', ['altrenshi', ...ABOVE], (w, s) => ({ query: { unitId: w.unit(s) } }), {
    out: [...ABOVE],
  }),
  row('GET /api/people/{id}', [...ALT_ALL, ...ABOVE], (w, s) => ({ params: { id: member(w, s) } }), {
    out: [...KH, ...ABOVE],
  }),
  row(
    'PUT /api/people/{id}',
    ['rs'],
    (w, s) => ({ params: { id: member(w, s) }, body: update(s === 'in' ? '再娜甫·吾斯曼' : '艾尔肯·吐尔逊') }),
    { out: ['rs'] },
  ),
  row(
    'POST /api/people/{id}/ranks',
    ['rs', 'altrenshi'],
    async (w, s) => ({
      params: { id: await staffPerson(w, w.unit(s)) },
      body: { rankCode: 'G-ZR1', startDate: '2026-06-01', note: '晋升' },
    }),
    { out: ['rs'] },
  ),
  row(
    'POST /api/people/{id}/posts',
    ['rs', 'altrenshi'],
    async (w, s) => ({
      params: { id: await staffPerson(w, w.unit(s)) },
      body: { unitId: w.unit(s), title: '综合科科长', isLeading: true, startDate: '2026-06-01' },
    }),
    { out: ['rs'] },
  ),
  row(
    'POST /api/people/{id}/transfer',
    ['rs'],
    async (w, s) => ({
      params: { id: await staffPerson(w, w.unit(s)) },
      body: { unitId: s === 'in' ? w.units.khorgos : w.units.altay, startDate: '2026-06-01' },
    }),
    { out: ['rs'] },
  ),
  row('POST /api/people/{id}/id-number/reveal', [...ABOVE], (w, s) => ({ params: { id: member(w, s) } }), {
    out: [...ABOVE],
  }),
  row('GET /api/people/{id}/restrictions', ['altm1', ...ABOVE], (w, s) => ({ params: { id: member(w, s) } }), {
    out: ['khm1', ...ABOVE],
  }),
];
