/**
 * The demo world, generated deterministically from a seed: 海关总署 → 乌鲁木齐海关 with nine
 * subordinate customs, each with a leadership team of 5-9 members and staff. Unit names are real
 * customs houses; every person is invented (ID numbers use the non-existent region prefix 6599).
 */
import { checkCharacter } from '../../common/id-number.js';
import type { Random } from '../platform/random.js';
import * as N from './names.js';

/** The year the demo's ages are reckoned in. */
const DEMO_YEAR = 2026;

function childEmployers(age: number): readonly string[] {
  if (age <= 12) return ['在读（小学）'];
  if (age <= 15) return ['在读（初中）'];
  if (age <= 18) return ['在读（高中）'];
  if (age <= 22) return ['在读（大学）'];
  return N.CHILD_EMPLOYERS;
}

function childPolitics(age: number, year: number): string {
  if (age < 14) return 'masses';
  if (age < 28) return 'league';
  return year % 3 === 0 ? 'cpc' : 'masses';
}

export interface DemoUnit {
  key: string;
  name: string;
  shortName: string;
  level: string;
  organType: string;
  parentKey: string | null;
  sortOrder: number;
}
export interface DemoEducation {
  qualification: string;
  degree: string;
  school: string;
  major: string | null;
}
export interface DemoTeamSeat {
  post: string;
  adminPost: string;
  division: string;
  start: string;
  sort: number;
  partyGroupMember: boolean;
}
export interface DemoPerson {
  key: string;
  unitKey: string;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  ethnicity: string;
  nativePlace: string;
  birthplace: string;
  politicalStatus: string;
  partyJoinDate: string | null;
  workStartDate: string;
  health: string;
  professionalTitle: string | null;
  expertise: string;
  educationFulltime: DemoEducation;
  educationInservice: DemoEducation | null;
  rewards: string;
  idNumber: string;
  ranks: { code: string; start: string; end: string | null }[];
  posts: { title: string; start: string; end: string | null; leading: boolean }[];
  resume: { startMonth: string; endMonth: string | null; text: string }[];
  family: { relation: string; name: string; birthDate: string; politicalStatus: string; employerPost: string }[];
  team: DemoTeamSeat | null;
}
export interface DemoWorldSpec {
  units: DemoUnit[];
  people: DemoPerson[];
}

const SUBORDINATES: [string, string, string][] = [
  ['altay', '阿勒泰海关', '阿勒泰'],
  ['khorgos', '霍尔果斯海关', '霍尔果斯'],
  ['alashankou', '阿拉山口海关', '阿拉山口'],
  ['kashgar', '喀什海关', '喀什'],
  ['yining', '伊宁海关', '伊宁'],
  ['tacheng', '塔城海关', '塔城'],
  ['torugart', '吐尔尕特海关', '吐尔尕特'],
  ['khunjerab', '红其拉甫海关', '红其拉甫'],
  ['korla', '库尔勒海关', '库尔勒'],
];

const pad = (n: number) => String(n).padStart(2, '0');

class Gen {
  constructor(private readonly r: Random) {}
  int(min: number, max: number): number {
    return min + this.r.int(max - min + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.r.int(xs.length)] as T;
  }
  chance(p: number): boolean {
    return this.r.int(1000) < p * 1000;
  }
  date(year: number, m0 = 1, m1 = 12): string {
    return `${year}-${pad(this.int(m0, m1))}-${pad(this.int(1, 28))}`;
  }
}

function idNumber(g: Gen, birthDate: string, sex: 'M' | 'F'): string {
  const region = `6599${pad(g.int(1, 40))}`;
  const seq = `${pad(g.int(0, 99))}${sex === 'M' ? g.pick([1, 3, 5, 7, 9]) : g.pick([0, 2, 4, 6, 8])}`;
  const first17 = `${region}${birthDate.replace(/-/g, '')}${seq}`;
  return first17 + checkCharacter(first17);
}

function personName(g: Gen, sex: 'M' | 'F', ethnicity: string): string {
  if (ethnicity === '维吾尔族') return `${g.pick(sex === 'M' ? N.UYGHUR_M : N.UYGHUR_F)}·${g.pick(N.UYGHUR_FATHERS)}`;
  if (ethnicity === '哈萨克族') return `${g.pick(sex === 'M' ? N.KAZAKH_M : N.KAZAKH_F)}·${g.pick(N.KAZAKH_FATHERS)}`;
  const surname = ethnicity === '回族' ? g.pick(N.HUI_SURNAMES) : g.pick(N.HAN_SURNAMES);
  return surname + g.pick(sex === 'M' ? N.HAN_GIVEN_M : N.HAN_GIVEN_F);
}

function ethnicityFor(g: Gen): string {
  const x = g.int(1, 100);
  return x <= 58
    ? '汉族'
    : x <= 76
      ? '维吾尔族'
      : x <= 88
        ? '哈萨克族'
        : x <= 95
          ? '回族'
          : g.pick(['蒙古族', '锡伯族', '柯尔克孜族']);
}

interface Role {
  title: string;
  post: string | null;
  rank: string;
  grade?: string;
  division: string;
  leading: boolean;
}

function makePerson(
  g: Gen,
  key: string,
  unitKey: string,
  unitName: string,
  birthYear: number,
  role: Role,
  teamStart: string | null,
  sort: number,
): DemoPerson {
  const sex: 'M' | 'F' = g.chance(role.post ? 0.22 : 0.42) ? 'F' : 'M';
  const ethnicity = ethnicityFor(g);
  const birthDate = g.date(birthYear);
  const gradYear = birthYear + 22 + g.int(0, 3);
  const workStart = `${gradYear}-07-${pad(g.int(1, 28))}`;
  const cpc = role.post !== null || g.chance(0.7);
  const nonParty = role.post === 'non_member_leader';
  const partyJoin = cpc && !nonParty ? g.date(Math.min(gradYear + g.int(-2, 6), 2024)) : null;
  const school = g.pick(N.SCHOOLS);
  const major = school === '上海海关学院' ? '海关管理' : g.pick(N.MAJORS);
  const qualification = g.chance(0.2) ? '研究生' : '大学';
  const rankStart = `${Math.min(2025, Math.max(gradYear + 1, 2026 - g.int(1, 9)))}-${pad(g.int(1, 12))}-01`;
  const ranks = [{ code: role.rank, start: teamStart ?? rankStart, end: null }];
  if (role.grade) ranks.push({ code: role.grade, start: rankStart, end: null });
  const careerStart = `${gradYear}-08`;
  const currentFrom = [(teamStart ?? rankStart).slice(0, 7), careerStart].sort()[1] as string;
  const resume: DemoPerson['resume'] = [
    { startMonth: `${gradYear - 4}-09`, endMonth: `${gradYear}-07`, text: `${school}${major}专业学习` },
  ];
  if (currentFrom > careerStart) {
    resume.push({
      startMonth: careerStart,
      endMonth: currentFrom,
      text: role.post
        ? `${g.pick(['乌鲁木齐海关', '霍尔果斯海关', '喀什海关'])}${g.pick(N.SECTIONS)}科员、科长`
        : `${g.pick(['乌鲁木齐海关', unitName])}${g.pick(N.SECTIONS)}科员`,
    });
  }
  resume.push({ startMonth: currentFrom, endMonth: null, text: `${unitName}${role.title}` });
  const family: DemoPerson['family'] = [];
  if (birthYear < 1996) {
    const spouseSex = sex === 'M' ? 'F' : 'M';
    family.push({
      relation: 'spouse',
      name: personName(g, spouseSex, ethnicity),
      birthDate: g.date(birthYear + g.int(-2, 2)),
      politicalStatus: g.pick(['cpc', 'masses', 'cpc']),
      employerPost: g.pick(N.SPOUSE_EMPLOYERS),
    });
    let previous = 0;
    for (let c = 0; c < g.int(1, 2); c++) {
      const childSex: 'M' | 'F' = g.chance(0.5) ? 'M' : 'F';
      const gap = g.int(25, 33);
      // a second child 2 to 6 years after the first; school or work fits the age in the demo year
      const childYear = Math.min(previous ? previous + 2 + ((gap - 25) % 5) : birthYear + gap, 2020);
      previous = childYear;
      const age = DEMO_YEAR - childYear;
      family.push({
        relation: childSex === 'M' ? 'son' : 'daughter',
        name: personName(g, childSex, ethnicity),
        birthDate: g.date(childYear),
        politicalStatus: childPolitics(age, childYear),
        employerPost: g.pick(childEmployers(age)),
      });
    }
  }
  return {
    key,
    unitKey,
    name: personName(g, sex, ethnicity),
    sex,
    birthDate,
    ethnicity,
    nativePlace: g.pick(N.NATIVE_PLACES),
    birthplace: g.pick(N.NATIVE_PLACES),
    politicalStatus: nonParty ? g.pick(['democratic_party', 'non_party']) : cpc ? 'cpc' : g.pick(['masses', 'league']),
    partyJoinDate: nonParty ? null : partyJoin,
    workStartDate: workStart,
    health: '健康',
    professionalTitle: g.chance(0.15) ? g.pick(['经济师', '会计师', '高级经济师']) : null,
    expertise: `熟悉${g.pick(N.EXPERTISE)}、${g.pick(N.EXPERTISE)}`,
    educationFulltime: { qualification, degree: qualification === '研究生' ? '硕士' : '学士', school, major },
    educationInservice:
      role.post && g.chance(0.5)
        ? {
            qualification: '研究生',
            degree: '无',
            school: g.pick(N.PARTY_SCHOOL),
            major: g.pick(['经济管理', '政治学', '法律']),
          }
        : null,
    rewards: g.chance(0.5)
      ? `${g.int(2016, 2024)}年度考核优秀；${g.int(2015, 2023)}年荣获个人三等功`
      : '历年年度考核均为称职以上',
    idNumber: idNumber(g, birthDate, sex),
    ranks,
    posts: [{ title: role.title, start: teamStart ?? rankStart, end: null, leading: role.leading }],
    resume,
    family,
    team:
      role.post && teamStart
        ? {
            post: role.post,
            adminPost: role.title,
            division: role.division,
            start: teamStart,
            sort,
            partyGroupMember: role.post !== 'non_member_leader',
          }
        : null,
  };
}

const SUB_TEAM: Role[] = [
  {
    title: '关长',
    post: 'secretary',
    rank: 'L-DIV-CHIEF',
    grade: 'G-DY1',
    division: '主持全面工作，分管人事、财务、党建',
    leading: true,
  },
  {
    title: '副关长',
    post: 'member',
    rank: 'L-DIV-DEPUTY',
    grade: 'G-DY3',
    division: '分管监管、查验、物流监控',
    leading: true,
  },
  {
    title: '副关长',
    post: 'member',
    rank: 'L-DIV-DEPUTY',
    division: '分管卫生检疫、动植物检疫、食品安全',
    leading: true,
  },
  {
    title: '纪检组长',
    post: 'discipline_head',
    rank: 'L-DIV-DEPUTY',
    division: '负责纪检监察、督察内审工作',
    leading: true,
  },
  {
    title: '副关长',
    post: 'member',
    rank: 'L-DIV-DEPUTY',
    grade: 'G-DY4',
    division: '分管关税、稽核、法规',
    leading: true,
  },
  { title: '副关长', post: 'member', rank: 'L-DIV-DEPUTY', division: '分管缉私、口岸综合治理', leading: true },
  { title: '副关长', post: 'non_member_leader', rank: 'L-DIV-DEPUTY', division: '分管综合业务、统计', leading: true },
  { title: '政治处主任', post: 'member', rank: 'G-DY3', division: '负责组织人事、宣传、精神文明建设', leading: false },
];
const DIRECT_TEAM: Role[] = [
  { title: '关长', post: 'secretary', rank: 'L-BUREAU-CHIEF', division: '主持全面工作', leading: true },
  {
    title: '副关长',
    post: 'deputy_secretary',
    rank: 'L-BUREAU-DEPUTY',
    division: '协助主持日常工作，分管人事、机关党建',
    leading: true,
  },
  { title: '副关长', post: 'member', rank: 'L-BUREAU-DEPUTY', division: '分管监管、通关、口岸', leading: true },
  {
    title: '副关长',
    post: 'member',
    rank: 'L-BUREAU-DEPUTY',
    division: '分管卫生检疫、动植物检疫、商品检验',
    leading: true,
  },
  {
    title: '纪检组组长',
    post: 'discipline_head',
    rank: 'L-BUREAU-DEPUTY',
    division: '负责全面从严治党监督、纪检工作',
    leading: true,
  },
  { title: '副关长', post: 'member', rank: 'L-BUREAU-DEPUTY', division: '分管关税、稽查、缉私', leading: true },
  { title: '政治部主任', post: 'member', rank: 'G-XS2', division: '负责干部、人事、教育培训', leading: false },
];
const STAFF_TITLES: [string, string][] = [
  ['科长', 'L-SEC-CHIEF'],
  ['副科长', 'L-SEC-DEPUTY'],
  ['一级主任科员', 'G-ZR1'],
  ['二级主任科员', 'G-ZR2'],
  ['三级主任科员', 'G-ZR3'],
  ['四级主任科员', 'G-ZR4'],
  ['一级科员', 'G-KY1'],
  ['二级科员', 'G-KY2'],
  ['一级科员', 'G-KY1'],
  ['二级科员', 'G-KY2'],
];

export function generateDemoWorld(random: Random): DemoWorldSpec {
  const g = new Gen(random);
  const units: DemoUnit[] = [
    {
      key: 'gac',
      name: '海关总署',
      shortName: '总署',
      level: 'gac',
      organType: 'party_committee',
      parentKey: null,
      sortOrder: 0,
    },
    {
      key: 'urumqi',
      name: '乌鲁木齐海关',
      shortName: '乌鲁木齐',
      level: 'direct',
      organType: 'party_group',
      parentKey: 'gac',
      sortOrder: 10,
    },
    ...SUBORDINATES.map(([key, name, short], i) => ({
      key,
      name,
      shortName: short,
      level: 'subordinate',
      organType: key === 'khorgos' ? 'party_committee' : 'party_group',
      parentKey: 'urumqi',
      sortOrder: 100 + i,
    })),
  ];
  const people: DemoPerson[] = [];
  DIRECT_TEAM.forEach((role, i) => {
    people.push(
      makePerson(
        g,
        `urumqi.team.${i}`,
        'urumqi',
        '乌鲁木齐海关',
        g.int(1964, 1975),
        role,
        g.date(g.int(2019, 2024)),
        i,
      ),
    );
  });
  // The personnel and discipline offices of 乌鲁木齐海关 (they manage the teams below).
  people.push(
    makePerson(
      g,
      'urumqi.personnel',
      'urumqi',
      '乌鲁木齐海关',
      1980,
      { title: '人事处处长', post: null, rank: 'L-DIV-CHIEF', division: '', leading: true },
      null,
      0,
    ),
  );
  people.push(
    makePerson(
      g,
      'urumqi.personnel2',
      'urumqi',
      '乌鲁木齐海关',
      1988,
      { title: '人事处一级主任科员', post: null, rank: 'G-ZR1', division: '', leading: false },
      null,
      0,
    ),
  );
  people.push(
    makePerson(
      g,
      'urumqi.discipline',
      'urumqi',
      '乌鲁木齐海关',
      1978,
      { title: '驻关纪检组副组长', post: null, rank: 'L-DIV-CHIEF', division: '', leading: true },
      null,
      0,
    ),
  );
  for (let s = 0; s < 30; s++) {
    const [title, rank] = g.pick(STAFF_TITLES);
    people.push(
      makePerson(
        g,
        `urumqi.staff.${s}`,
        'urumqi',
        '乌鲁木齐海关',
        g.int(1970, 1999),
        { title: `${g.pick(N.SECTIONS)}${title}`, post: null, rank, division: '', leading: rank.startsWith('L-') },
        null,
        0,
      ),
    );
  }
  for (const [key, name] of SUBORDINATES) {
    const size = key === 'altay' ? 7 : g.int(5, 8);
    const seats = key === 'altay' ? SUB_TEAM.slice(0, 7) : SUB_TEAM.slice(0, size);
    seats.forEach((role, i) => {
      const start = key === 'altay' && i === 0 ? '2021-03-15' : g.date(g.int(2018, 2025));
      people.push(makePerson(g, `${key}.team.${i}`, key, name, g.int(1966, 1986), role, start, i));
    });
    if (key === 'altay') {
      people.push(
        makePerson(
          g,
          'altay.office',
          key,
          name,
          1990,
          { title: '办公室主任', post: null, rank: 'L-SEC-CHIEF', division: '', leading: true },
          null,
          0,
        ),
      );
      people.push(
        makePerson(
          g,
          'altay.personnel',
          key,
          name,
          1991,
          { title: '政治处副科长', post: null, rank: 'L-SEC-DEPUTY', division: '', leading: true },
          null,
          0,
        ),
      );
    }
    const staff = key === 'altay' ? 40 : g.int(24, 34);
    for (let s = 0; s < staff; s++) {
      const [title, rank] = g.pick(STAFF_TITLES);
      people.push(
        makePerson(
          g,
          `${key}.staff.${s}`,
          key,
          name,
          g.int(1970, 1999),
          { title: `${g.pick(N.SECTIONS)}${title}`, post: null, rank, division: '', leading: rank.startsWith('L-') },
          null,
          0,
        ),
      );
    }
  }
  return { units, people };
}
