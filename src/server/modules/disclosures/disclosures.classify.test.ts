import { describe, expect, it } from 'vitest';
import { emptyItems, type ReportItems } from '../../../common/contracts/disclosures-items.js';
import {
  abroadReportable,
  assetsClearlyAboveIncome,
  classifyItems,
  overallResult,
  worst,
} from './disclosures.classify.js';
import { checkPeriod } from './disclosures.rules.js';

const house = (p: Partial<ReportItems['housing']['entries'][number]>): ReportItems['housing']['entries'][number] => ({
  owner: 'self',
  kind: 'residence',
  address: '乌鲁木齐市天山区光明路1号2-301',
  certificateNo: '新(2019)乌鲁木齐市不动产权第0012345号',
  areaSqm: 120.5,
  acquiredOn: '2019-05-01',
  source: 'purchase',
  priceFen: 98_000_000,
  ...p,
});
const reported = (): ReportItems => ({
  ...emptyItems(),
  housing: { entries: [house({})] },
  income: { salaryFen: 15_000_000, bonusFen: 2_000_000, allowanceFen: 1_000_000 },
});
const only = (results: ReturnType<typeof classifyItems>, item: string) => results.find((r) => r.item === item);

describe('PM-08 classification', () => {
  it('marks items the checker did not enter as not checked, and equal ones as consistent', () => {
    const r = classifyItems(reported(), {
      housing: { entries: [house({ address: '乌鲁木齐市 天山区 光明路1号2－301' })] },
    });
    expect(only(r, 'housing')?.classification).toBe('consistent');
    expect(only(r, 'marriage')?.classification).toBe('not_checked');
    expect(overallResult(r)).toBe('consistent');
  });

  it('calls a whole property missing concealment and a smaller area omission (the rules’ examples)', () => {
    const second = house({ address: '昌吉市延安北路8号', certificateNo: null, areaSqm: 89 });
    const missing = classifyItems(reported(), { housing: { entries: [house({}), second] } });
    expect(only(missing, 'housing')?.classification).toBe('concealment');
    expect(only(missing, 'housing')?.reasons[0]?.code).toBe('property_unreported');
    expect(only(missing, 'housing')?.reasons[0]?.message_zh).toContain('整处未报告');
    const smaller = classifyItems(reported(), { housing: { entries: [house({ areaSqm: 135 })] } });
    expect(only(smaller, 'housing')?.classification).toBe('omission');
    expect(only(smaller, 'housing')?.reasons[0]?.message_zh).toContain('少报面积');
    const larger = classifyItems(reported(), { housing: { entries: [house({ areaSqm: 110 })] } });
    expect(only(larger, 'housing')?.classification).toBe('consistent');
  });

  it('treats a missing garage, parking space or storeroom as omission', () => {
    const r = classifyItems(reported(), {
      housing: {
        entries: [
          house({}),
          house({ kind: 'parking', address: '光明路1号地下车位B-12', certificateNo: 'P-12', areaSqm: 13 }),
        ],
      },
    });
    expect(only(r, 'housing')?.classification).toBe('omission');
    expect(only(r, 'housing')?.reasons[0]?.code).toBe('ancillary_unreported');
  });

  it('calls holding stocks at all concealment, a smaller holding omission', () => {
    const stock = { owner: 'self', name: '中远海控', code: '601919', shares: 2000, valueFen: 2_600_000 };
    const none = classifyItems(reported(), { securities: { stocks: [stock], funds: [], insurance: [] } });
    expect(only(none, 'securities')?.classification).toBe('concealment');
    const less = classifyItems(
      { ...reported(), securities: { stocks: [{ ...stock, shares: 1000 }], funds: [], insurance: [] } },
      { securities: { stocks: [stock], funds: [], insurance: [] } },
    );
    expect(only(less, 'securities')?.classification).toBe('omission');
  });

  it('calls an unreported company concealment and an under-stated investment omission', () => {
    const biz = {
      relativeId: 'f-spouse',
      kind: 'unlisted_company' as const,
      name: '阿勒泰通达报关有限公司',
      registrationNo: '91654300MA00000001',
      investmentFen: 50_000_000,
      sharePct: 30,
      role: 'investor' as const,
      sector: '报关',
      since: null,
    };
    const who = (id: string) => (id === 'f-spouse' ? '配偶王某' : id);
    const missing = classifyItems(reported(), { business: { entries: [biz] } }, who);
    expect(only(missing, 'business')?.classification).toBe('concealment');
    expect(only(missing, 'business')?.reasons[0]?.message_zh).toContain('配偶王某');
    const less = classifyItems(
      { ...reported(), business: { entries: [{ ...biz, investmentFen: 10_000_000 }] } },
      { business: { entries: [biz] } },
    );
    expect(only(less, 'business')?.classification).toBe('omission');
  });

  it('applies the family rules: passports and trips concealment, HK/Macao/Taiwan permits omission', () => {
    const doc = { number: 'E12345678', issuedOn: '2018-01-01', expiresOn: '2028-01-01', custody: null };
    const passports = classifyItems(reported(), { passports: { documents: [doc], trips: [] } });
    expect(only(passports, 'passports')?.classification).toBe('concealment');
    const permits = classifyItems(reported(), {
      hkmtPermits: { documents: [{ ...doc, kind: 'hk_macao' }], trips: [] },
    });
    expect(only(permits, 'hkmtPermits')?.classification).toBe('omission');
    const trip = { departOn: '2025-07-01', returnOn: '2025-07-10', destination: '哈萨克斯坦', purpose: null };
    const tripOk = classifyItems(
      { ...reported(), passports: { documents: [doc], trips: [{ ...trip, departOn: '2025-07-02' }] } },
      { passports: { documents: [doc], trips: [trip] } },
    );
    expect(only(tripOk, 'passports')?.classification).toBe('consistent');
    const married = classifyItems(reported(), { marriage: { status: 'divorced', changedOn: '2025-03-01' } });
    expect(only(married, 'marriage')?.classification).toBe('concealment');
  });

  it('compares income totals (omission when less is reported)', () => {
    expect(
      only(
        classifyItems(reported(), { income: { salaryFen: 15_000_000, bonusFen: 2_500_000, allowanceFen: 1_000_000 } }),
        'income',
      )?.classification,
    ).toBe('omission');
    expect(
      only(
        classifyItems(reported(), { income: { salaryFen: 15_000_000, bonusFen: 2_000_000, allowanceFen: 1_000_000 } }),
        'income',
      )?.classification,
    ).toBe('consistent');
  });

  it('classifies against nothing when no report was submitted', () => {
    const r = classifyItems(
      {},
      { marriage: { status: 'married', changedOn: null }, housing: { entries: [house({})] } },
    );
    expect(only(r, 'marriage')?.classification).toBe('concealment');
    expect(overallResult(r)).toBe('concealment');
  });

  it('orders classifications and flags assets clearly above income (PM-07)', () => {
    expect(worst(['consistent', 'omission', 'not_checked'])).toBe('omission');
    expect(worst(['omission', 'concealment'])).toBe('concealment');
    expect(overallResult(classifyItems(reported(), {}))).toBeNull();
    expect(assetsClearlyAboveIncome({ familyAssetsFen: 300, normalIncomeFen: 100 }, 2)).toBe(true);
    expect(assetsClearlyAboveIncome({ familyAssetsFen: 200, normalIncomeFen: 100 }, 2)).toBe(false);
    expect(assetsClearlyAboveIncome(null, 2)).toBe(false);
  });
});

describe('PM-02 stays abroad by period (item 6)', () => {
  const opts = { period: { from: '2025-01-01', to: '2025-12-31' }, abroadContinuousYears: 1 };
  const stay = (since: string, until: string | null, kind: 'abroad_1y' | 'emigrated' = 'abroad_1y') => ({
    relativeId: 'son',
    kind,
    country: '加拿大',
    since,
    until,
  });
  const classify = (e: ReturnType<typeof stay>) =>
    only(
      classifyItems({ emigration: { entries: [] } }, { emigration: { entries: [e] } }, (id) => id, opts),
      'emigration',
    );

  it('reports a stay that overlaps the period and lasts the unit’s number of years by its end', () => {
    expect(abroadReportable(stay('2024-10-01', null), opts)).toBe(true);
    expect(abroadReportable(stay('2024-12-31', null), opts)).toBe(true); // the anniversary is the period's last day
    expect(classify(stay('2024-10-01', null))?.classification).toBe('concealment');
  });

  it('does not hold against the report a stay too short by the period’s end, ended before it, or begun after it', () => {
    expect(abroadReportable(stay('2025-03-01', null), opts)).toBe(false);
    expect(abroadReportable(stay('2022-01-01', '2024-06-30'), opts)).toBe(false);
    expect(abroadReportable(stay('2026-01-05', null), opts)).toBe(false);
    expect(abroadReportable(stay('2024-01-10', '2025-01-05'), opts)).toBe(false); // ended a few days short of a year
    expect(classify(stay('2025-03-01', null))?.classification).toBe('consistent');
  });

  it('always reports an emigration, and follows the unit’s number of years', () => {
    expect(abroadReportable(stay('2025-12-01', null, 'emigrated'), opts)).toBe(true);
    expect(abroadReportable(stay('2024-10-01', null), { ...opts, abroadContinuousYears: 2 })).toBe(false);
  });
});

describe('the period a check covers', () => {
  it('is the year before for an annual report (报告上一年度), up to the event or submission otherwise', () => {
    expect(checkPeriod(2026, { kind: 'annual', event_date: null, submitted_on: '2026-01-20' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(checkPeriod(2026, null)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(checkPeriod(2026, { kind: 'change', event_date: '2026-04-02', submitted_on: '2026-04-20' })).toEqual({
      from: '2026-01-01',
      to: '2026-04-02',
    });
    expect(checkPeriod(2026, { kind: 'first', event_date: null, submitted_on: '2026-05-10' }).to).toBe('2026-05-10');
  });
});
