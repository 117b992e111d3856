/**
 * Pure rules of collective decisions: "三重一大" classification by unit thresholds (TZ-01, TZ-02),
 * the gate before an item goes on an agenda (PG-05, PG-01, ZD-03..ZD-06), checks on recorded
 * procedure steps, and task states (ZD-09). No I/O and no clock: rule contexts, the holiday table
 * and today are passed in.
 */
import {
  TZYD_CATEGORIES,
  type ProcedureKind,
  type TaskState,
  type TzydCategory,
} from '../../../common/contracts/decisions.js';
import { addWorkingDays, calendarDaysDeadline, type HolidayTable } from '../../../common/calendar.js';
import { addDays } from '../../../common/dates.js';
import { paramsOf, type Rules } from '../../../common/rules/engine.js';
import { finding } from '../../../common/rules/finding.js';
import type { Finding } from '../../../common/rules/types.js';
import { isPastDeadline } from '../../../common/time.js';

export type { Rules };

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;

/**
 * TZ-01/TZ-02: the item's "三重一大" category. A catalogue entry's category wins; otherwise an
 * amount at or above the unit's threshold classifies the item automatically (0 = not set).
 */
export function classify(
  entryCategory: TzydCategory | null,
  amountFen: number | null,
  projectAmountFen: number | null,
  thresholds: { largeFundThresholdFen: number; majorProjectThresholdFen: number },
): { category: TzydCategory | null; auto: boolean } {
  if (entryCategory) return { category: entryCategory, auto: false };
  if (amountFen !== null && thresholds.largeFundThresholdFen > 0 && amountFen >= thresholds.largeFundThresholdFen) {
    return { category: 'large_fund', auto: true };
  }
  if (
    projectAmountFen !== null &&
    thresholds.majorProjectThresholdFen > 0 &&
    projectAmountFen >= thresholds.majorProjectThresholdFen
  ) {
    return { category: 'major_project', auto: true };
  }
  return { category: null, auto: false };
}

export function classificationFinding(
  rules: Rules,
  category: TzydCategory,
  amountFen: number | null,
  projectAmountFen: number | null,
): Finding {
  const p = rules['TZ-02']?.params ?? {};
  const fund = category === 'large_fund';
  const amount = (fund ? amountFen : projectAmountFen) ?? 0;
  const threshold = Number(fund ? p.largeFundThresholdFen : p.majorProjectThresholdFen);
  return finding('TZ-02', { amountFen: amount, thresholdFen: threshold, category }, paramsOf(rules, 'TZ-02'), {
    zh: `金额 ${yuan(amount)} 达到本单位“${fund ? '大额资金使用' : '重要项目安排'}”标准 ${yuan(threshold)}，自动归入“三重一大”事项，须集体讨论决定（TZ-02）。`,
    en: `Amount ${amount} fen reaches the unit threshold ${threshold}; classified as a "three majors, one large" item (TZ-02).`,
    kind: 'info',
  });
}

/**
 * TZ-01: a "三重一大" item is decided collectively, at a Party Group meeting by vote; the category
 * is named with the rule's own list (重大事项, 重要干部任免, 重要项目安排, 大额资金使用).
 */
export function collectiveFinding(rules: Rules, category: TzydCategory): Finding {
  const names = paramsOf(rules, 'TZ-01').categories;
  const name = (Array.isArray(names) ? names[TZYD_CATEGORIES.indexOf(category)] : undefined) ?? category;
  return finding('TZ-01', { category, categoryName: name }, paramsOf(rules, 'TZ-01'), {
    zh: `属“三重一大”事项（${name}），须经党组会议集体讨论、表决决定，不得由个人或少数人决定（TZ-01）。`,
    en: `A "three majors, one large" item (${category}): decided collectively at a meeting by vote (TZ-01).`,
    kind: 'info',
  });
}

/** Which statutory procedures a major administrative decision needs (ZD-03..ZD-06). */
export function requiredProcedures(item: {
  majorDecision: boolean;
  notPublic: boolean;
  technical: boolean;
  stabilityRisk: boolean;
}): Record<ProcedureKind, boolean> {
  return {
    legality: item.majorDecision,
    public_participation: item.majorDecision && !item.notPublic,
    expert_review: item.majorDecision && item.technical,
    risk_assessment: item.majorDecision && item.stabilityRisk,
  };
}

export const PROCEDURE_RULE: Record<ProcedureKind, string> = {
  legality: 'ZD-06',
  public_participation: 'ZD-03',
  expert_review: 'ZD-04',
  risk_assessment: 'ZD-05',
};

export interface StepFacts {
  kind: ProcedureKind;
  result: string | null;
  completedOn: string | null;
  data: Record<string, unknown>;
  experts: number;
}

/** ZD-06: review time of at least n working days, counted from the day after the draft was sent (§17a). */
export function legalityTimeFindings(
  rules: Rules,
  table: HolidayTable,
  sentOn: string,
  completedOn: string,
): Finding[] {
  const n = Number(rules['ZD-06']?.params.legalityReviewMinWorkingDays ?? 7);
  const due = addWorkingDays(table, sentOn, n);
  if (!due.ok) {
    return [
      finding('ZD-06', { sentOn, completedOn, uncoveredYear: due.uncoveredYear }, paramsOf(rules, 'ZD-06'), {
        zh: `无法核对合法性审查时间：${due.message_zh}`,
        en: due.message_en,
        kind: 'warn',
      }),
    ];
  }
  if (completedOn >= due.date) return [];
  return [
    finding('ZD-06', { sentOn, completedOn, earliest: due.date, minWorkingDays: n }, paramsOf(rules, 'ZD-06'), {
      zh: `合法性审查时间不足 ${n} 个工作日（${sentOn} 送审，${completedOn} 完成；按规定一般应不早于 ${due.date}）（ZD-06）。`,
      en: `Legality review shorter than ${n} working days (sent ${sentOn}, done ${completedOn}; earliest ${due.date}) (ZD-06).`,
      kind: 'warn',
    }),
  ];
}

/** ZD-06 checks on a recorded legality review: review time, and the legal risk of an exploratory reform. */
export function legalityInputFindings(
  rules: Rules,
  table: HolidayTable,
  b: { sentOn: string; completedOn: string; result: string; legalRiskNote?: string | null | undefined },
): Finding[] {
  const out = legalityTimeFindings(rules, table, b.sentOn, b.completedOn);
  if (b.result === 'exploratory' && !b.legalRiskNote) {
    out.push(
      finding('ZD-06', { result: b.result }, paramsOf(rules, 'ZD-06'), {
        zh: '探索性改革事项须明示法律风险后方可提交讨论（ZD-06）。',
        en: 'An exploratory reform needs its legal risk stated (ZD-06).',
        kind: 'block',
      }),
    );
  }
  return out;
}

/** ZD-03: a public comment window of at least n calendar days (a rest-day end rolls forward), or a stated reason; hearing materials 7 days ahead. */
export function participationFindings(rules: Rules, table: HolidayTable, d: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  const p = rules['ZD-03']?.params ?? {};
  const methods = Array.isArray(d.methods) ? (d.methods as string[]) : [];
  if (methods.includes('向社会公开征求意见')) {
    const start = d.commentStart as string | null | undefined;
    const end = d.commentEnd as string | null | undefined;
    const reason = typeof d.shortenedReason === 'string' && d.shortenedReason.trim() ? d.shortenedReason.trim() : null;
    const n = Number(p.publicCommentMinDays ?? 30);
    if (!start || !end || end < start) {
      out.push(
        finding('ZD-03', { start, end }, paramsOf(rules, 'ZD-03'), {
          zh: '向社会公开征求意见的，应填写征求意见的起止日期（ZD-03）。',
          en: 'A public comment window needs its start and end dates (ZD-03).',
          kind: 'block',
        }),
      );
    } else {
      const min = calendarDaysDeadline(table, start, n);
      if (!min.ok) {
        out.push(
          finding('ZD-03', { start, end, uncoveredYear: min.uncoveredYear }, paramsOf(rules, 'ZD-03'), {
            zh: `无法核对公开征求意见期限：${min.message_zh}`,
            en: min.message_en,
            kind: 'warn',
          }),
        );
      } else if (end < min.date) {
        out.push(
          reason
            ? finding(
                'ZD-03',
                { start, end, earliestEnd: min.date, minDays: n, shortenedReason: reason },
                paramsOf(rules, 'ZD-03'),
                {
                  zh: `公开征求意见期限短于 ${n} 日（${start} 至 ${end}），已说明理由：${reason}（ZD-03）。`,
                  en: `Comment window shorter than ${n} days, reason stated (ZD-03).`,
                  kind: 'warn',
                },
              )
            : finding('ZD-03', { start, end, earliestEnd: min.date, minDays: n }, paramsOf(rules, 'ZD-03'), {
                zh: `公开征求意见期限一般不少于 ${n} 日（${start} 发布，最早应至 ${min.date}）；缩短期限的须说明理由（ZD-03）。`,
                en: `Public comment window shorter than ${n} days without a stated reason (ZD-03).`,
                kind: 'block',
              }),
        );
      }
    }
  }
  if (methods.includes('听证会')) {
    const hearing = d.hearingDate as string | null | undefined;
    const sent = d.hearingMaterialsSentOn as string | null | undefined;
    const ahead = Number(p.hearingMaterialsDaysAhead ?? 7);
    if (!hearing || !sent) {
      out.push(
        finding('ZD-03', { hearing, sent }, paramsOf(rules, 'ZD-03'), {
          zh: '召开听证会的，应填写听证日期和材料送达日期（ZD-03）。',
          en: 'A hearing needs its date and the date materials were sent (ZD-03).',
          kind: 'block',
        }),
      );
    } else if (sent > addDays(hearing, -ahead)) {
      out.push(
        finding('ZD-03', { hearing, sent, daysAhead: ahead }, paramsOf(rules, 'ZD-03'), {
          zh: `听证会材料应当于召开听证会 ${ahead} 日前送达听证参加人（材料 ${sent} 送达，听证 ${hearing}）（ZD-03）。`,
          en: `Hearing materials must reach participants ${ahead} days before the hearing (ZD-03).`,
          kind: 'block',
        }),
      );
    }
  }
  return out;
}

/** The gate before an item goes on an agenda: PG-05 approval, ZD-03..ZD-06 steps, PG-01 pre-consultation. */
export function readinessFindings(
  rules: Rules,
  table: HolidayTable,
  item: {
    status: string;
    majorDecision: boolean;
    notPublic: boolean;
    technical: boolean;
    stabilityRisk: boolean;
    exploratoryReform: boolean;
    legalRiskNote: string | null;
    tzydCategory: string | null;
    important: boolean;
  },
  steps: readonly StepFacts[],
  consultations: number,
): Finding[] {
  const out: Finding[] = [];
  if (item.status === 'proposed') {
    out.push(
      finding('PG-05', { status: item.status }, paramsOf(rules, 'PG-05'), {
        zh: '议题须经书记确定后方可列入会议议程（PG-05）。',
        en: 'The secretary must approve the item before it goes on an agenda (PG-05).',
        kind: 'block',
      }),
    );
  }
  const req = requiredProcedures(item);
  const step = (k: ProcedureKind) => steps.find((s) => s.kind === k);
  if (req.legality) {
    const s = step('legality');
    if (!s) {
      out.push(
        finding('ZD-06', {}, paramsOf(rules, 'ZD-06'), {
          zh: '重大决策草案未经合法性审查，不得提交讨论（ZD-06）。',
          en: 'A major decision draft without legality review may not be discussed (ZD-06).',
          kind: 'block',
        }),
      );
    } else if (s.result === 'unlawful') {
      out.push(
        finding('ZD-06', { result: s.result }, paramsOf(rules, 'ZD-06'), {
          zh: '决策草案经审查不合法，不得提交讨论（ZD-06）。',
          en: 'The draft was found unlawful and may not be discussed (ZD-06).',
          kind: 'block',
        }),
      );
    } else if (s.result === 'exploratory') {
      const note = (s.data.legalRiskNote as string | undefined) ?? item.legalRiskNote;
      out.push(
        note
          ? finding('ZD-06', { result: s.result }, paramsOf(rules, 'ZD-06'), {
              zh: `探索性改革事项，已明示法律风险后提交讨论：${note}（ZD-06）。`,
              en: 'Exploratory reform submitted with its legal risk stated (ZD-06).',
              kind: 'warn',
            })
          : finding('ZD-06', { result: s.result }, paramsOf(rules, 'ZD-06'), {
              zh: '探索性改革事项须明示法律风险后方可提交讨论（ZD-06）。',
              en: 'An exploratory reform needs its legal risk stated (ZD-06).',
              kind: 'block',
            }),
      );
    }
    if (s && typeof s.data.sentOn === 'string' && s.completedOn) {
      out.push(...legalityTimeFindings(rules, table, s.data.sentOn, s.completedOn));
    }
  }
  if (req.public_participation) {
    const s = step('public_participation');
    if (!s) {
      out.push(
        finding('ZD-03', {}, paramsOf(rules, 'ZD-03'), {
          zh: '重大决策事项应当听取公众意见（依法不予公开的除外），尚无公众参与记录（ZD-03）。',
          en: 'Public participation is required and not recorded (ZD-03).',
          kind: 'block',
        }),
      );
    } else out.push(...participationFindings(rules, table, s.data));
  }
  if (req.expert_review) {
    const s = step('expert_review');
    if (!s || s.experts === 0) {
      out.push(
        finding('ZD-04', { experts: s?.experts ?? 0 }, paramsOf(rules, 'ZD-04'), {
          zh: '专业性、技术性较强的决策事项应当组织专家论证，尚无论证记录或专家名单（ZD-04）。',
          en: 'Expert review is required and not recorded (ZD-04).',
          kind: 'block',
        }),
      );
    }
  }
  if (req.risk_assessment) {
    const s = step('risk_assessment');
    if (!s) {
      out.push(
        finding('ZD-05', {}, paramsOf(rules, 'ZD-05'), {
          zh: '可能影响社会稳定、公共安全的决策事项应当进行风险评估，尚无评估报告（ZD-05）。',
          en: 'Risk assessment is required and not recorded (ZD-05).',
          kind: 'block',
        }),
      );
    } else if (s.result === 'uncontrollable') {
      out.push(
        finding('ZD-05', { conclusion: s.result }, paramsOf(rules, 'ZD-05'), {
          zh: '风险评估结论为“不可控”，须调整决策草案确保风险可控后方可作出决策（ZD-05）。',
          en: 'Risk assessed as uncontrollable: adjust the draft first (ZD-05).',
          kind: 'block',
        }),
      );
    }
  }
  if ((item.tzydCategory || item.important || item.majorDecision) && consultations === 0) {
    out.push(
      finding('PG-01', { consultations }, paramsOf(rules, 'PG-01'), {
        zh: '重要事项上会前应进行个别酝酿、充分沟通，尚无酝酿记录（PG-01）。',
        en: 'No pre-consultation recorded for an important item (PG-01).',
        kind: 'warn',
      }),
    );
  }
  return out;
}

/** ZD-04: an expert with a direct interest in the matter may not be chosen. */
export function expertFinding(rules: Rules, name: string): Finding {
  return finding('ZD-04', { expert: name }, paramsOf(rules, 'ZD-04'), {
    zh: `不得选择与决策事项有直接利害关系的专家（${name}已申报存在利害关系）（ZD-04）。`,
    en: `An expert with a direct interest may not be chosen (${name}) (ZD-04).`,
    kind: 'block',
  });
}

/** A task's state: overdue when the deadline day has ended (24:00 Beijing) and it is neither done nor suspended. */
export function taskState(status: string, deadline: string, now: Date): TaskState {
  if (status === 'done' || status === 'suspended') return status;
  if (isPastDeadline(deadline, now)) return 'overdue';
  return status === 'in_progress' ? 'in_progress' : 'not_started';
}
