/**
 * PM-08 (处理办法 Arts. 3-4): compare a report with what the registries showed and classify each
 * item as consistent, omission (漏报: under-reported or minor) or concealment (隐瞒不报: a whole
 * matter not reported), with the reason. Pure: no I/O. An item the checker did not enter is
 * 'not_checked'. A report item that is missing counts as "nothing reported".
 */
import {
  ANCILLARY_HOUSING,
  HOUSING_KIND_LABELS,
  ITEM_KEYS,
  ITEM_LABELS,
  MARITAL_LABELS,
  type ItemKey,
  type PartialItems,
  type ReportItems,
} from '../../../common/contracts/disclosures-items.js';
import type { Classification } from '../../../common/contracts/disclosures.js';
import { addMonths } from '../../../common/dates.js';

export interface Reason {
  code: string;
  message_zh: string;
  ruleId: string;
  classification: 'omission' | 'concealment';
}

export interface ItemResult {
  item: ItemKey;
  label: string;
  classification: Classification;
  reasons: Reason[];
}

const ORDER: Record<Classification, number> = { not_checked: 0, consistent: 1, omission: 2, concealment: 3 };

/** The most serious classification of a list (not_checked < consistent < omission < concealment). */
export function worst(list: readonly Classification[]): Classification {
  return list.reduce<Classification>((w, c) => (ORDER[c] > ORDER[w] ? c : w), 'not_checked');
}

/** Text compared without spaces, punctuation, width or case differences. */
export function norm(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-—_·.,，。、()（）#号]/g, '');
}

const yuan = (fen: number): string => `${(fen / 100).toFixed(2)} 元`;
const omission = (code: string, message_zh: string): Reason => ({
  code,
  message_zh,
  ruleId: 'PM-08',
  classification: 'omission',
});
const concealment = (code: string, message_zh: string): Reason => ({
  code,
  message_zh,
  ruleId: 'PM-08',
  classification: 'concealment',
});
const overlaps = (a: { departOn: string; returnOn: string }, b: { departOn: string; returnOn: string }) =>
  a.departOn <= b.returnOn && a.returnOn >= b.departOn;

type Who = (id: string) => string;

/** The period a check covers and the unit's PM-02 parameter (the stays abroad that must be reported). */
export interface ClassifyOptions {
  period: { from: string; to: string };
  abroadContinuousYears: number;
}

type Checker<K extends ItemKey> = (
  reported: ReportItems[K] | undefined,
  registry: ReportItems[K],
  who: Who,
  opts: ClassifyOptions | null,
) => Reason[];

type EmigrationEntry = ReportItems['emigration']['entries'][number];

/**
 * PM-02 item 6: an emigration is always reportable; a stay abroad is reportable for a period when it
 * overlaps the period and its continuous length reaches the unit's number of years by the period's
 * end (met on the anniversary, §17a). Without options every entry counts.
 */
export function abroadReportable(e: EmigrationEntry, opts: ClassifyOptions | null): boolean {
  if (e.kind === 'emigrated' || !opts) return true;
  const until = e.until ?? null;
  const { from, to } = opts.period;
  if (e.since > to || (until !== null && until < from)) return false;
  const end = until !== null && until < to ? until : to;
  return addMonths(e.since, opts.abroadContinuousYears * 12) <= end;
}

const CHECKERS: { [K in ItemKey]: Checker<K> } = {
  marriage: (r, g) => {
    if (!r) return [concealment('marriage_unreported', '报告未填写本人婚姻情况，属婚姻情况未报告')];
    return r.status === g.status
      ? []
      : [
          concealment(
            'marriage_mismatch',
            `登记显示婚姻状况为“${MARITAL_LABELS[g.status]}”，报告为“${MARITAL_LABELS[r.status]}”：婚姻变化未报告，属隐瞒不报`,
          ),
        ];
  },
  passports: (r, g) => [
    ...g.documents
      .filter((d) => !(r?.documents ?? []).some((x) => norm(x.number) === norm(d.number)))
      .map((d) =>
        concealment(
          'passport_unreported',
          `出入境管理部门登记的普通护照 ${d.number}（${d.issuedOn} 签发）未报告，属隐瞒不报`,
        ),
      ),
    ...g.trips
      .filter((t) => !(r?.trips ?? []).some((x) => overlaps(x, t)))
      .map((t) =>
        concealment('trip_unreported', `${t.departOn} 至 ${t.returnOn} 因私前往${t.destination}未报告，属隐瞒不报`),
      ),
  ],
  hkmtPermits: (r, g) => [
    ...g.documents
      .filter((d) => !(r?.documents ?? []).some((x) => norm(x.number) === norm(d.number)))
      .map((d) =>
        omission('hkmt_permit_unreported', `往来港澳台通行证 ${d.number} 未报告，属漏报（处理办法列为漏报情形）`),
      ),
    ...g.trips
      .filter((t) => !(r?.trips ?? []).some((x) => overlaps(x, t)))
      .map((t) => omission('hkmt_trip_unreported', `${t.departOn} 至 ${t.returnOn} 因私往来港澳台未报告，属漏报`)),
  ],
  childForeignMarriage: (r, g, who) =>
    g.entries
      .filter((e) => !(r?.entries ?? []).some((x) => x.relativeId === e.relativeId))
      .map((e) =>
        concealment(
          'child_foreign_marriage_unreported',
          `${who(e.relativeId)}与外国人（${e.partnerNationality}）通婚未报告，属隐瞒不报`,
        ),
      ),
  childHkmtMarriage: (r, g, who) =>
    g.entries
      .filter((e) => !(r?.entries ?? []).some((x) => x.relativeId === e.relativeId))
      .map((e) =>
        concealment('child_hkmt_marriage_unreported', `${who(e.relativeId)}与港澳台居民通婚未报告，属隐瞒不报`),
      ),
  emigration: (r, g, who, opts) =>
    g.entries.flatMap((e) => {
      if (!abroadReportable(e, opts)) return [];
      const same = (r?.entries ?? []).filter((x) => x.relativeId === e.relativeId);
      if (!same.length) {
        return [
          concealment(
            'emigration_unreported',
            `${who(e.relativeId)}移居国（境）外或在国（境）外连续工作生活一年以上（${e.country}）未报告，属隐瞒不报`,
          ),
        ];
      }
      return same.some((x) => x.kind === e.kind)
        ? []
        : [omission('emigration_kind_mismatch', `${who(e.relativeId)}在国（境）外的情况报告不准确，属漏报`)];
    }),
  employment: (r, g, who) =>
    g.entries.flatMap((e) => {
      const same = (r?.entries ?? []).filter((x) => x.relativeId === e.relativeId);
      if (!same.length) {
        return [concealment('employment_unreported', `${who(e.relativeId)}在“${e.employer}”从业未报告，属隐瞒不报`)];
      }
      return same.some((x) => norm(x.employer) === norm(e.employer))
        ? []
        : [
            omission(
              'employment_mismatch',
              `${who(e.relativeId)}的从业单位报告为“${same[0]?.employer ?? ''}”，查核为“${e.employer}”，属漏报`,
            ),
          ];
    }),
  prosecution: (r, g, who) =>
    g.entries
      .filter((e) => !(r?.entries ?? []).some((x) => x.relativeId === e.relativeId))
      .map((e) =>
        concealment('prosecution_unreported', `${who(e.relativeId)}被追究刑事责任（${e.charge}）未报告，属隐瞒不报`),
      ),
  income: (r, g) => {
    const got = r ? r.salaryFen + r.bonusFen + r.allowanceFen : 0;
    const want = g.salaryFen + g.bonusFen + g.allowanceFen;
    return got < want
      ? [
          omission(
            'income_underreported',
            `工资及奖金津贴补贴报告 ${yuan(got)}，查核 ${yuan(want)}，少报 ${yuan(want - got)}，属漏报`,
          ),
        ]
      : [];
  },
  laborIncome: (r, g) => {
    const got = (r?.entries ?? []).reduce((s, x) => s + x.amountFen, 0);
    const want = g.entries.reduce((s, x) => s + x.amountFen, 0);
    return got < want
      ? [omission('labor_income_underreported', `劳务所得报告 ${yuan(got)}，查核 ${yuan(want)}，属漏报`)]
      : [];
  },
  housing: (r, g) =>
    g.entries.flatMap((h) => {
      const match = (r?.entries ?? []).find((x) =>
        x.certificateNo && h.certificateNo
          ? norm(x.certificateNo) === norm(h.certificateNo)
          : norm(x.address) === norm(h.address),
      );
      const kind = HOUSING_KIND_LABELS[h.kind];
      if (!match) {
        return ANCILLARY_HOUSING.includes(h.kind)
          ? [omission('ancillary_unreported', `单独产权的${kind}（${h.address}）未报告，属漏报（车库、车位、储藏间）`)]
          : [concealment('property_unreported', `${kind}（${h.address}，${h.areaSqm} 平方米）整处未报告，属隐瞒不报`)];
      }
      return match.areaSqm + 0.005 < h.areaSqm
        ? [
            omission(
              'area_underreported',
              `${kind}（${h.address}）面积报告 ${match.areaSqm} 平方米，登记 ${h.areaSqm} 平方米，少报面积，属漏报`,
            ),
          ]
        : [];
    }),
  securities: (r, g) => {
    const out: Reason[] = [];
    const cats = [
      {
        key: 'stocks',
        zh: '股票',
        id: (x: { code: string }) => norm(x.code),
        amount: (x: { shares: number; valueFen: number }) => [x.shares, x.valueFen],
      },
      {
        key: 'funds',
        zh: '基金',
        id: (x: { code: string }) => norm(x.code),
        amount: (x: { shares: number; valueFen: number }) => [x.shares, x.valueFen],
      },
      {
        key: 'insurance',
        zh: '投资型保险',
        id: (x: { policyNo: string }) => norm(x.policyNo),
        amount: (x: { premiumFen: number }) => [0, x.premiumFen],
      },
    ] as const;
    for (const c of cats) {
      const want = g[c.key] as { code?: string; policyNo?: string; name?: string; product?: string }[];
      const got = (r?.[c.key] ?? []) as typeof want;
      if (!want.length) continue;
      if (!got.length) {
        out.push(concealment('securities_unreported', `持有${c.zh}（查核 ${want.length} 项）而报告为“无”，属隐瞒不报`));
        continue;
      }
      for (const h of want) {
        const idOf = c.id as (x: unknown) => string;
        const amountOf = c.amount as (x: unknown) => number[];
        const m = got.find((x) => idOf(x) === idOf(h));
        const label = h.name ?? h.product ?? '';
        if (!m) out.push(omission('holding_unreported', `${c.zh}“${label}”未报告，属漏报`));
        else if (amountOf(m).some((v, i) => v < (amountOf(h)[i] ?? 0))) {
          out.push(omission('amount_underreported', `${c.zh}“${label}”数量或金额少报，属漏报`));
        }
      }
    }
    return out;
  },
  business: (r, g, who) =>
    g.entries.flatMap((b) => {
      const m = (r?.entries ?? []).find((x) =>
        x.registrationNo && b.registrationNo
          ? norm(x.registrationNo) === norm(b.registrationNo)
          : norm(x.name) === norm(b.name),
      );
      if (!m) {
        return [concealment('business_unreported', `${who(b.relativeId)}经营或投资的“${b.name}”未报告，属隐瞒不报`)];
      }
      return m.investmentFen < b.investmentFen
        ? [
            omission(
              'investment_underreported',
              `“${b.name}”投资额报告 ${yuan(m.investmentFen)}，查核 ${yuan(b.investmentFen)}，少报投资数额，属漏报`,
            ),
          ]
        : [];
    }),
  abroadAssets: (r, g) =>
    g.entries.flatMap((a) => {
      const m = (r?.entries ?? []).find(
        (x) => x.kind === a.kind && norm(x.institution) === norm(a.institution) && norm(x.country) === norm(a.country),
      );
      const kind = a.kind === 'deposit' ? '存款' : '投资';
      if (!m) return [concealment('abroad_unreported', `在${a.country}“${a.institution}”的${kind}未报告，属隐瞒不报`)];
      return m.amountFen < a.amountFen
        ? [
            omission(
              'abroad_underreported',
              `在${a.country}的${kind}报告 ${yuan(m.amountFen)}，查核 ${yuan(a.amountFen)}，属漏报`,
            ),
          ]
        : [];
    }),
};

/**
 * Classify every item of a report against the registry results (PM-08); with options, registry stays
 * abroad that were not reportable for the period (PM-02) are not held against the report.
 */
export function classifyItems(
  reported: PartialItems,
  registry: PartialItems,
  who: Who = (id) => id,
  opts: ClassifyOptions | null = null,
): ItemResult[] {
  return ITEM_KEYS.map((item) => {
    const g = registry[item];
    if (g === undefined) return { item, label: ITEM_LABELS[item], classification: 'not_checked' as const, reasons: [] };
    const check = CHECKERS[item] as Checker<ItemKey>;
    const reasons = check(reported[item], g, who, opts);
    return {
      item,
      label: ITEM_LABELS[item],
      classification: reasons.length ? worst(reasons.map((x) => x.classification)) : 'consistent',
      reasons,
    };
  });
}

/** The check's overall result: the worst item; null when nothing was checked. */
export function overallResult(results: readonly ItemResult[]): Classification | null {
  const w = worst(results.map((r) => r.classification));
  return w === 'not_checked' ? null : w;
}

/** PM-07: family assets clearly above normal income (factor is the unit's parameter). */
export function assetsClearlyAboveIncome(
  assets: { familyAssetsFen: number; normalIncomeFen: number } | null | undefined,
  factor: number,
): boolean {
  if (!assets) return false;
  return assets.familyAssetsFen > assets.normalIncomeFen * factor;
}
