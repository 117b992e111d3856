/**
 * The rules catalogue as Markdown (docs/rules.md), generated from catalogue.ts so the two never
 * disagree: `npm run docs:rules` writes it, and a unit test fails when it is out of date.
 */
import { RULES } from './catalogue.js';
import type { RuleDef } from './types.js';

const LABEL_ZH: Record<RuleDef['label'], string> = {
  'VERIFIED-PRIMARY': '已核实（原文）',
  'VERIFIED-SECONDARY': '已核实（转引）',
  UNVERIFIED: '待核实',
};
const KIND_ZH: Record<RuleDef['kind'], string> = { block: '阻止', warn: '提醒', info: '说明' };

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
    '单位可在“规则库”页面按生效日期调整参数，下级单位继承。',
    '',
    '| 编号 | 名称 | 类型 | 核实 | 出处 | 参数（默认值） | 已执行 |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of RULES) {
    const cite = [r.citation.doc, r.citation.version, r.citation.article].filter(Boolean).join(' ');
    const params = r.params.map((p) => `${p.label_zh} \`${p.key}\` = ${JSON.stringify(p.default)}`).join('；');
    lines.push(
      `| ${r.id} | ${cell(r.title_zh)} | ${KIND_ZH[r.kind]} | ${LABEL_ZH[r.label]} | ${cell(cite)} | ${cell(params || '—')} | ${r.encoded ? '是' : '否'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
