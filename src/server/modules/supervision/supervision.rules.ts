/**
 * Checks on a new supervision record (issue 10 "Bad input and integrity"), pure: dates that
 * contradict each other, an admonition not issued from above (TX-03), a probation of a length the
 * rules do not allow (IP-04), sanctions decided together outside Art. 15's bounds (IP-06), and the
 * effects a record has, stated as findings with their rules. Refusals are findings; the service
 * throws them as one RuleError naming the field.
 */
import { addWorkingDays, type HolidayTable } from '../../../common/calendar.js';
import type { CreateRecord } from '../../../common/contracts/supervision.js';
import { INFLUENCE_BLOCK_LABELS } from '../../../common/contracts/eligibility.js';
import { finding } from '../../../common/rules/finding.js';
import type { Finding } from '../../../common/rules/types.js';
import { GOV_SANCTIONS, type GovSanction, MEASURE_LABELS, isGovSanction } from '../../../common/supervision.js';
import type { ParamsOf, PlannedPeriod } from './supervision.periods.js';
import { combineGovSanctions, statedPeriodProblem } from './supervision.sanctions.js';

export interface Refusal {
  finding: Finding;
  field: string;
}

const ADMONITIONS = new Set(['admonition_talk', 'admonition_written']);

const FIELD_KINDS: Record<string, { kinds: (k: string) => boolean; zh: string }> = {
  receivedOn: { kinds: (k) => k === 'inquiry_letter', zh: '收到日期只用于函询' },
  probationMonths: { kinds: (k) => k === 'party_probation', zh: '察看期限只用于留党察看' },
  dutyRelated: { kinds: (k) => k === 'party_serious_warning', zh: '“与工作职责有关”只用于严重警告' },
  accountability: { kinds: (k) => k === 'removal', zh: '“问责免职”只用于免职' },
  combinedKinds: { kinds: (k) => isGovSanction(k as never), zh: '合并执行只用于政务处分' },
  statedMonths: { kinds: (k) => isGovSanction(k as never), zh: '处分期只用于政务处分' },
};

/** A field that does not belong to the kind of record (refused, naming it), or null. */
export function misplacedField(input: CreateRecord): { field: string; message: string } | null {
  for (const [field, rule] of Object.entries(FIELD_KINDS)) {
    if ((input as Record<string, unknown>)[field] !== undefined && !rule.kinds(input.kind)) {
      return { field, message: `${rule.zh}，“${MEASURE_LABELS[input.kind]}”不填此项` };
    }
  }
  return null;
}

/** Every refusal of a new record, in the order of the form's fields; empty when it may be written. */
export function refusalsOf(
  input: CreateRecord,
  today: string,
  params: ParamsOf,
  opts: { replacing?: boolean } = {},
): Refusal[] {
  const out: Refusal[] = [];
  const effective = input.effectiveOn ?? input.issuedOn;
  if (input.issuedOn > today) {
    out.push({
      field: 'issuedOn',
      finding: finding(
        'TX-01',
        { issuedOn: input.issuedOn, today },
        {},
        {
          zh: `出具日期 ${input.issuedOn} 晚于今天，不能登记尚未发生的措施（TX-01）。`,
          en: `The issue date ${input.issuedOn} is after today (TX-01).`,
          kind: 'info',
        },
      ),
    });
  }
  // A change (变更) runs from the original effective day, before the changing decision.
  if (effective < input.issuedOn && !opts.replacing) {
    out.push({
      field: 'effectiveOn',
      finding: finding(
        'IP-06',
        { issuedOn: input.issuedOn, effectiveOn: effective },
        {},
        {
          zh: `生效日期 ${effective} 早于决定（出具）日期 ${input.issuedOn}：影响期自决定生效之日起计算，生效不能早于作出决定（政务处分法第八条；IP-06）。`,
          en: `The effective day ${effective} is before the decision day ${input.issuedOn} (IP-06).`,
        },
      ),
    });
  }
  if (ADMONITIONS.has(input.kind) && input.issuerLevel !== 'higher') {
    out.push({
      field: 'issuerLevel',
      finding: finding(
        'TX-03',
        { kind: input.kind, issuerLevel: input.issuerLevel },
        {},
        {
          zh: '诫勉由上级党组织（或按权限由纪检、组织部门）进行，本级党组织只能进行提醒谈话（党内监督条例第二十一条；TX-03）。',
          en: 'An admonition is given by the higher-level organisation; the same level may only remind (TX-03).',
        },
      ),
    });
  }
  if (input.kind === 'inquiry_letter' && input.receivedOn && input.receivedOn < input.issuedOn) {
    out.push({
      field: 'receivedOn',
      finding: finding(
        'TX-04',
        { issuedOn: input.issuedOn, receivedOn: input.receivedOn },
        {},
        {
          zh: `收到函询的日期 ${input.receivedOn} 早于发函日期 ${input.issuedOn}（TX-04）。`,
          en: `The letter was received (${input.receivedOn}) before it was issued (${input.issuedOn}) (TX-04).`,
        },
      ),
    });
  }
  if (input.kind === 'party_probation') {
    const allowed = params('IP-04').probationMonthsOptions as number[];
    if (!allowed.includes(input.probationMonths ?? -1)) {
      out.push({
        field: 'probationMonths',
        finding: finding('IP-04', { probationMonths: input.probationMonths ?? null }, params('IP-04'), {
          zh: `留党察看期限应为 ${allowed.map((m) => `${m / 12} 年`).join('或')}（纪律处分条例；IP-04）。`,
          en: `Party probation lasts ${allowed.join(' or ')} months (IP-04).`,
        }),
      });
    }
  }
  out.push(...combinedRefusals(input, params));
  return out;
}

function combinedRefusals(input: CreateRecord, params: ParamsOf): Refusal[] {
  const kinds = input.combinedKinds;
  if (!kinds) {
    if (input.statedMonths !== undefined) {
      return [
        {
          field: 'statedMonths',
          finding: finding('IP-06', { statedMonths: input.statedMonths }, params('IP-06'), {
            zh: '只有同时给予多个相同政务处分时，决定才另行确定处分期（政务处分法第十五条；IP-06）；单一处分的期间由第八条规定。',
            en: 'A decision states its own period only for several sanctions of the same kind (Art. 15; IP-06).',
          }),
        },
      ];
    }
    return [];
  }
  if (!isGovSanction(input.kind)) {
    return [
      {
        field: 'combinedKinds',
        finding: finding(
          'IP-06',
          { kind: input.kind },
          {},
          {
            zh: '合并执行（政务处分法第十五条）只适用于政务处分（IP-06）。',
            en: 'Combined execution (Art. 15) applies to government sanctions only (IP-06).',
          },
        ),
      },
    ];
  }
  const c = combineGovSanctions(kinds, params);
  if (c.executed !== input.kind) {
    return [
      {
        field: 'kind',
        finding: finding(
          'IP-06',
          { kinds, executed: c.executed },
          {},
          {
            zh: `应当给予两种以上政务处分的，执行其中最重的“${MEASURE_LABELS[c.executed]}”（政务处分法第十五条；IP-06）。`,
            en: `Of several sanctions the heaviest, ${c.executed}, is executed (Art. 15; IP-06).`,
          },
        ),
      },
    ];
  }
  const problem = statedPeriodProblem(kinds, input.statedMonths, params);
  if (!problem) return [];
  return [
    {
      field: 'statedMonths',
      finding: finding('IP-06', { kinds, statedMonths: input.statedMonths ?? null, ...problem }, params('IP-06'), {
        zh:
          problem.minMonths === problem.maxMonths
            ? `本次合并执行的处分期为 ${problem.minMonths} 个月，不另行确定（政务处分法第八条、第十五条；IP-06）。`
            : `处分期应在一个处分期以上、多个处分期之和以下，即 ${problem.minMonths} 至 ${problem.maxMonths} 个月，最长不超过四十八个月（政务处分法第十五条；IP-06）。`,
        en: `The stated period must lie between ${problem.minMonths} and ${problem.maxMonths} months (Art. 15; IP-06).`,
      }),
    },
  ];
}

/** TX-04: the reply is due on the n-th working day after receipt (or issue), §17a. */
export function replyDue(
  table: HolidayTable,
  issuedOn: string,
  receivedOn: string | undefined | null,
  params: ParamsOf,
): string | null {
  const p = params('TX-04');
  const from = p.replyCountedFrom === 'issue' ? issuedOn : (receivedOn ?? issuedOn);
  const r = addWorkingDays(table, from, p.replyWorkingDays as number);
  return r.ok ? r.date : null;
}

/** The effects of the periods a record writes, as findings with their rules (shown with the record). */
export function effectsOf(periods: readonly PlannedPeriod[], params: ParamsOf): Finding[] {
  return periods.map((p) => {
    const what = p.blocks.map((b) => INFLUENCE_BLOCK_LABELS[b]).join('、');
    const until = p.end ?? '结案';
    return finding(p.ruleId, { start: p.start, end: p.end, blocks: p.blocks, measure: p.measure }, params(p.ruleId), {
      zh: `${p.start} 至 ${until}：${what}（${p.ruleId}）。`,
      en: `${p.start} to ${p.end ?? 'the end of the case'}: ${p.blocks.join(', ')} (${p.ruleId}).`,
    });
  });
}

export const GOV_KINDS: readonly GovSanction[] = GOV_SANCTIONS;
