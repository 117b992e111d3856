/**
 * Demo data for the disclosures (DEMO_EXTENSIONS): last year's and this year's reports of the
 * subordinate teams (阿勒泰海关 in full), a published, drawn and verified random draw of
 * 乌鲁木齐海关, and checks of 阿勒泰海关's team classified as consistent, omission and
 * concealment, with their handling; a relatives' business case. Written through the use cases
 * (as the demo accounts), with the clock set to the day each step happened; the audit log
 * records when the demo was loaded. Every person is invented.
 */
import { emptyItems, type ReportItems } from '../../../common/contracts/disclosures-items.js';
import type { AppContext } from '../../context.js';
import type { DemoWorld } from '../../demo/extensions.js';
import type { Actor } from '../../http/actor.js';
import { FixedClock, today } from '../../platform/clock.js';
import { seededRandom } from '../../platform/random.js';
import { createOverride } from '../rules/index.js';
import * as cases from './cases.service.js';
import * as checks from './checks.service.js';
import * as classify from './classify.service.js';
import * as draws from './draws.service.js';
import * as reports from './reports.service.js';

const META = { ip: null, userAgent: 'demo', requestId: null };
const CITY: Record<string, string> = {
  altay: '阿勒泰市',
  khorgos: '霍尔果斯市',
  alashankou: '阿拉山口市',
  kashgar: '喀什市',
  yining: '伊宁市',
  tacheng: '塔城市',
  torugart: '阿图什市',
  khunjerab: '塔什库尔干县',
  korla: '库尔勒市',
};
const STREETS = ['解放路', '团结路', '文化路', '友谊路', '建设路', '光明路', '人民路', '胜利路'];

type Employment = ReportItems['employment']['entries'][number];
function employmentOf(relativeId: string, text: string | null): Employment | null {
  if (!text || /在读|待业|退休/.test(text)) return null;
  const [employer = text, post = null] = text.split(' ');
  const employerType: Employment['employerType'] = /律师事务所/.test(employer)
    ? 'law_firm'
    : /有限公司/.test(employer)
      ? 'private'
      : /个体/.test(employer)
        ? 'self_employed'
        : /银行/.test(employer)
          ? 'soe'
          : /局|办事处/.test(employer)
            ? 'party_government'
            : 'public_institution';
  return { relativeId, employer, post, employerType, seniorPost: false, sector: null };
}

/** One reporter's plausible report, deterministic per person. */
function itemsFor(
  seed: number,
  unitKey: string,
  family: { id: string; relation: string; employer_post: string | null }[],
): ReportItems {
  const g = seededRandom(seed);
  const street = STREETS[g.int(STREETS.length)] ?? '解放路';
  const spouse = family.find((f) => f.relation === 'spouse');
  return {
    ...emptyItems(),
    marriage: { status: spouse ? 'married' : 'unmarried', changedOn: null },
    passports: {
      documents: [
        {
          number: `E${String(10_000_000 + g.int(89_999_999))}`,
          issuedOn: '2019-04-10',
          expiresOn: '2029-04-09',
          custody: '交组织人事部门集中保管',
        },
      ],
      trips: [],
    },
    income: {
      salaryFen: 14_000_000 + g.int(40) * 100_000,
      bonusFen: 2_000_000 + g.int(10) * 100_000,
      allowanceFen: 900_000 + g.int(10) * 50_000,
    },
    housing: {
      entries: [
        {
          owner: 'self',
          kind: 'residence',
          address: `${CITY[unitKey] ?? '乌鲁木齐市'}${street}${1 + g.int(120)}号${1 + g.int(9)}-${101 + g.int(6) * 100}`,
          certificateNo: `新(20${10 + g.int(14)})${CITY[unitKey] ?? '乌鲁木齐市'}不动产权第${String(g.int(999_999)).padStart(7, '0')}号`,
          areaSqm: 80 + g.int(70) + g.int(100) / 100,
          acquiredOn: `20${10 + g.int(14)}-0${1 + g.int(9)}-1${g.int(9)}`,
          source: 'purchase',
          priceFen: 40_000_000 + g.int(60) * 1_000_000,
        },
      ],
    },
    securities: {
      stocks:
        g.int(3) === 0
          ? [
              {
                owner: spouse?.id ?? 'self',
                name: '中国银行',
                code: '601988',
                shares: 1000 * (1 + g.int(9)),
                valueFen: 450_000 * (1 + g.int(9)),
              },
            ]
          : [],
      funds: [],
      insurance: [],
    },
    employment: {
      entries: family
        .filter((f) => ['spouse', 'son', 'daughter'].includes(f.relation))
        .map((f) => employmentOf(f.id, f.employer_post))
        .filter((x): x is Employment => !!x),
    },
  };
}

export async function seedDisclosuresDemo(ctx: AppContext, world: DemoWorld): Promise<void> {
  const now = today(ctx.clock);
  const nowYear = Number(now.slice(0, 4));
  const year = now >= `${nowYear}-03-15` ? nowYear : nowYear - 1;
  const at = (iso: string): AppContext => ({ ...ctx, clock: new FixedClock(`${iso}T02:00:00.000Z`) });
  const urumqi = world.unitIds.urumqi as string;
  const children = (await ctx.db.selectFrom('units').select(['id']).where('parent_id', '=', urumqi).execute()).map(
    (u) => u.id,
  );
  const names = new Map(
    (await ctx.db.selectFrom('people').select(['id', 'name']).where('is_demo', '=', 1).execute()).map((p) => [
      p.id,
      p.name,
    ]),
  );
  const base = (username: string, personKey: string): Actor => ({
    userId: world.userIds[username] ?? '',
    username,
    displayName: names.get(world.personIds[personKey] ?? '') ?? username,
    personId: world.personIds[personKey] ?? null,
    adminRole: null,
    roles: [],
    ownUnitIds: [],
    managed: [],
    sessionId: 'demo',
    csrfToken: 'demo',
    mustChangePassword: false,
  });
  const office = (username: string, personKey: string, role: 'personnel' | 'discipline'): Actor => ({
    ...base(username, personKey),
    roles: [{ role, unitId: urumqi }],
    ownUnitIds: [urumqi],
    managed: children.map((unitId) => ({ unitId, roles: [role] })),
  });
  const renshi = office('wlmq-renshi', 'urumqi.personnel', 'personnel');
  const jijian = office('wlmq-jijian', 'urumqi.discipline', 'discipline');
  const userByPerson = new Map(
    (await ctx.db.selectFrom('users').select(['id', 'username', 'person_id']).where('is_demo', '=', 1).execute()).map(
      (u) => [u.person_id, u],
    ),
  );
  const reporter = (personKey: string): Actor => {
    const personId = world.personIds[personKey] ?? null;
    const u = userByPerson.get(personId);
    return { ...base(u?.username ?? personKey, personKey), userId: u?.id ?? `demo:${personKey}`, personId };
  };
  const family = await ctx.db
    .selectFrom('person_family')
    .select(['id', 'person_id', 'relation', 'employer_post'])
    .execute();

  // The FB-01 prohibition matrix of 阿勒泰海关, set by the personnel office above (the rules leave it to the unit).
  await createOverride(
    at(`${year - 1}-12-20`),
    renshi,
    'FB-01',
    {
      unitId: world.unitIds.altay as string,
      effectiveFrom: `${year - 1}-12-20`,
      reason: '本关参照《领导干部配偶、子女及其配偶经商办企业管理规定》，对隶属海关县处级领导班子成员执行',
      params: {
        minApplicableLevel: '县处级副职',
        prohibitionMatrix: [
          {
            minLevel: '县处级副职',
            unitTypes: ['subordinate'],
            prohibited: ['enterprise_investment', 'private_senior_post', 'paid_intermediary'],
          },
        ],
      },
    },
    META,
  );

  const teams = Object.entries(world.teams).filter(([unitKey]) => unitKey !== 'urumqi');
  const reportIds = new Map<string, string>();
  let n = 0;
  for (const [unitKey, seats] of teams) {
    for (const seat of seats) {
      n += 1;
      const personId = world.personIds[seat.personKey] as string;
      const actor = reporter(seat.personKey);
      const fam = family.filter((f) => f.person_id === personId);
      const items = itemsFor(n * 7919, unitKey, fam);
      if (unitKey === 'altay' && seat.personKey === 'altay.team.5') {
        const child = fam.find((f) => f.relation === 'son' || f.relation === 'daughter');
        if (child) {
          items.business.entries.push({
            relativeId: child.id,
            kind: 'unlisted_company',
            name: '阿勒泰市北屯通达报关代理有限公司',
            registrationNo: '91654301MA79DEMO5X',
            investmentFen: 50_000_000,
            sharePct: 35,
            role: 'investor',
            sector: '报关',
            since: `${year - 2}-05-01`,
          });
        }
      }
      const file = async (y: number, day: string, prefill: boolean, extra?: Partial<ReportItems>) => {
        const c = at(day);
        const id = await reports
          .createReport(
            c,
            actor,
            { year: y, kind: 'annual', prefill, items: prefill ? extra : { ...items, ...extra } },
            META,
          )
          .catch((e: unknown) => {
            if (e instanceof Error && /尚未纳入报告范围|不在个人有关事项报告范围/.test(e.message)) return null;
            throw e;
          });
        if (id) {
          await reports.submitReport(c, actor, id, { declaration: true, signature: names.get(personId) ?? '' }, META);
        }
        return id;
      };
      if (unitKey === 'altay') await file(year - 1, `${year - 1}-01-${String(10 + (n % 18)).padStart(2, '0')}`, false);
      if (seat.personKey === 'altay.team.6') {
        await reports.createReport(at(`${year}-01-28`), actor, { year, kind: 'annual', prefill: false, items }, META);
        continue;
      }
      const late = seat.personKey === 'altay.team.5' || n % 9 === 0;
      const id = await file(
        year,
        late
          ? `${year}-02-${String(3 + (n % 20)).padStart(2, '0')}`
          : `${year}-01-${String(8 + (n % 20)).padStart(2, '0')}`,
        unitKey === 'altay',
        unitKey === 'altay' ? items : undefined,
      );
      if (id) reportIds.set(seat.personKey, id);
    }
  }
  const amendTarget = reportIds.get('altay.team.2');
  if (amendTarget) {
    const actor = reporter('altay.team.2');
    const detail = await reports.getReport(at(`${year}-03-05`), actor, amendTarget, undefined, META);
    const homes = detail.items.housing?.entries ?? [];
    await reports.amendReport(
      at(`${year}-03-05`),
      actor,
      amendTarget,
      {
        reason: '补报单独产权的地下车位一处',
        items: {
          housing: {
            entries: [
              ...homes,
              {
                owner: 'self',
                kind: 'parking',
                address: `${homes[0]?.address ?? ''}地下车位B-${n}`,
                certificateNo: null,
                areaSqm: 13.5,
                acquiredOn: `${year - 2}-08-01`,
                source: 'purchase',
                priceFen: 9_000_000,
              },
            ],
          },
        },
      },
      META,
    );
  }

  // The year's random draw of 乌鲁木齐海关: committed and published, drawn with a public value, verified
  // (the discipline office recomputes it; the personnel office that ran it records the verification).
  const { id: drawId } = await draws.prepareDraw(at(`${year}-02-24`), renshi, { unitId: urumqi, year }, META);
  await draws.publishDraw(at(`${year}-02-25`), renshi, drawId, META);
  await draws.performDraw(
    at(`${year}-03-02`),
    renshi,
    drawId,
    `${year}年3月2日 见证人：驻关纪检组、人事处、工会各一名；体育彩票排列五第${year % 100}055期开奖号码 3 8 1 9 4（演示数据）`,
    META,
  );
  await draws.verifyDraw(at(`${year}-03-02`), jijian, drawId, META);
  await draws.verifyDraw(at(`${year}-03-02`), renshi, drawId, META);

  // Checks of 阿勒泰海关's team outside the random list, entered and classified.
  const check = async (
    personKey: string,
    kind: 'targeted' | 'pre_promotion',
    reason: string,
    registry: (r: Partial<ReportItems>) => Partial<ReportItems>,
    day: string,
  ) => {
    const personId = world.personIds[personKey] as string;
    const id = await checks.openCheck(
      at(day),
      renshi,
      { personId, year, kind, trigger: kind === 'pre_promotion' ? 'important_post' : null, reason },
      META,
    );
    const d = await checks.getCheck(at(day), renshi, id, META);
    return classify
      .enterRegistry(at(day), renshi, id, { items: registry(d.report?.items ?? {}) }, META)
      .then((r) => ({ ...r, checkId: id }));
  };
  const homesOf = (r: Partial<ReportItems>) => r.housing?.entries ?? [];
  const concealed = await check(
    'altay.team.1',
    'pre_promotion',
    '拟调整到重要岗位（口岸监管处处长），按“凡提必核”查核',
    (r) => ({
      housing: {
        entries: [
          ...homesOf(r),
          {
            owner: 'self',
            kind: 'residence',
            address: '乌鲁木齐市水磨沟区南湖北路66号12-1801',
            certificateNo: '新(2022)乌鲁木齐市不动产权第0456789号',
            areaSqm: 118.6,
            acquiredOn: '2022-06-18',
            source: 'purchase',
            priceFen: 132_000_000,
          },
        ],
      },
      marriage: r.marriage ?? { status: 'married', changedOn: null },
    }),
    `${year}-03-10`,
  );
  await checks.fileExplanation(
    at(`${year}-03-14`),
    reporter('altay.team.1'),
    concealed.checkId,
    '该房产为本人2022年购买用于子女上学居住，误以为贷款未还清不需报告，现已如实说明并补报。',
    META,
  );
  if (concealed.caseId) {
    await cases.decideCase(
      at(`${year}-03-20`),
      jijian,
      concealed.caseId,
      {
        severity: 'serious',
        measures: ['诫勉', '取消考察对象/后备干部人选资格'],
        note: '隐瞒不报整处房产，给予诫勉，取消本次考察对象资格。',
        referDiscipline: false,
      },
      META,
    );
  }
  const omitted = await check(
    'altay.team.2',
    'targeted',
    '群众来信反映住房面积与报告不符，重点抽查',
    (r) => ({
      housing: {
        entries: homesOf(r).map((h, i) =>
          i === 0 ? { ...h, areaSqm: Math.round((h.areaSqm + 12.4) * 100) / 100 } : h,
        ),
      },
    }),
    `${year}-03-12`,
  );
  if (omitted.caseId) {
    await cases.decideCase(
      at(`${year}-03-25`),
      renshi,
      omitted.caseId,
      { severity: 'minor', measures: ['批评教育'], note: '面积少报 12.4 平方米，情节较轻。', referDiscipline: false },
      META,
    );
    await cases.closeCase(at(`${year}-04-02`), renshi, omitted.caseId, '已批评教育，本人已更正。', META);
  }
  await check(
    'altay.team.4',
    'targeted',
    '年度重点抽查（分管关税、稽核岗位）',
    (r) => ({ housing: { entries: homesOf(r) }, income: r.income ?? emptyItems().income }),
    `${year}-03-12`,
  );
}
