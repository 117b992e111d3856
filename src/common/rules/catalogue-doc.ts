/**
 * The rules catalogue as Markdown (docs/rules.md), generated from catalogue.ts so the two never
 * disagree: `npm run docs:rules` writes it, and a unit test fails when it is out of date.
 */
import { RULES } from './catalogue.js';
import type { RuleDef, RuleParamDef } from './types.js';

const LABEL_ZH: Record<RuleDef['label'], string> = {
  'VERIFIED-PRIMARY': '已核实（原文）',
  'VERIFIED-SECONDARY': '已核实（转引）',
  UNVERIFIED: '待核实',
};
const KIND_ZH: Record<RuleDef['kind'], string> = { block: '阻止', warn: '提醒', info: '说明' };

const STRICTER_ZH: Record<string, string> = {
  higher: '调高为严',
  lower: '调低为严',
  true: '开启为严',
  false: '关闭为严',
  lower_level: '层级调低为严',
  more_items: '增加为严',
  earlier: '提前为严',
};

/** 固定 / 只可从严（方向，底线）/ 可调整（范围） */
export function governanceZh(p: RuleParamDef): string {
  const g = p.governance;
  if (g.kind === 'fixed') return '固定';
  if (g.kind === 'tighten_only') {
    return `只可从严：${STRICTER_ZH[g.stricter] ?? g.stricter}${g.limit !== undefined ? `，不宽于 ${JSON.stringify(g.limit)}` : ''}`;
  }
  if (g.options) return `可调整：${g.options.join(' / ')}`;
  return p.min !== undefined || p.max !== undefined ? `可调整：${p.min ?? '…'}–${p.max ?? '…'}` : '可调整';
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderRulesDoc(): string {
  const lines = [
    '# 规则目录 Rules catalogue',
    '',
    '由 `src/common/rules/catalogue.ts` 生成（`npm run docs:rules`），请勿手工编辑。Generated from the catalogue; do not edit.',
    '',
    `共 ${RULES.length} 条规则；已在代码中执行 ${RULES.filter((r) => r.encoded).length} 条。待核实（UNVERIFIED）的规则只作提醒或参数，从不直接阻止。`,
    '参数分三类：固定（规定明确的数值，任何单位不可调）、只可从严（本单位可收紧，放宽须上级单位人事部门，根单位放宽须用服务器命令行 `banzi rules override`，且不宽于底线）、可调整（在范围内调整）。调整自生效日（不早于当天）起适用于本单位及下级；会议闭会时冻结所用参数值，此后的调整不改变已结束的会议、测评和报告。',
    '',
    '| 编号 | 名称 | 类型 | 核实 | 出处 | 参数（默认值） | 已执行 |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of RULES) {
    const cite = [r.citation.doc, r.citation.version, r.citation.article].filter(Boolean).join(' ');
    const params = r.params
      .map((p) => `${p.label_zh} \`${p.key}\` = ${JSON.stringify(p.default)}（${governanceZh(p)}）`)
      .join('；');
    lines.push(
      `| ${r.id} | ${cell(r.title_zh)} | ${KIND_ZH[r.kind]} | ${LABEL_ZH[r.label]} | ${cell(cite)} | ${cell(params || '—')} | ${r.encoded ? '是' : '否'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
