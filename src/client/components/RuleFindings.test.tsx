// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../common/rules/types.js';
import { LangProvider } from '../i18n.js';
import { citationText } from './CitationTag.js';
import { RuleFindings } from './RuleFindings.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const finding: Finding = {
  ruleId: 'PG-06',
  kind: 'block',
  message_zh: '到会人数不足应到人数的半数，不能召开',
  message_en: 'No quorum',
  citation: { doc: '《中国共产党党组工作条例（试行）》', version: '2015', article: '第二十五条' },
  label: 'UNVERIFIED',
  facts: { present: 3, expected: 9 },
  params: {},
};

describe('RuleFindings', () => {
  it('shows the rule id, kind, message, citation and verification label', async () => {
    const div = document.createElement('div');
    document.body.appendChild(div);
    const root = createRoot(div);
    await act(async () => {
      root.render(
        <LangProvider>
          <RuleFindings
            findings={[finding, { ...finding, ruleId: 'PG-07', kind: 'warn', label: 'VERIFIED-PRIMARY' }]}
          />
        </LangProvider>,
      );
    });
    const text = div.textContent ?? '';
    expect(text).toContain('操作被规则阻止');
    expect(text).toContain('PG-06');
    expect(text).toContain('阻止');
    expect(text).toContain('提醒');
    expect(text).toContain('到会人数不足应到人数的半数');
    expect(text).toContain('《中国共产党党组工作条例（试行）》（2015）第二十五条');
    expect(text).toContain('待核实');
    expect(text).toContain('已核实（原文）');
    await act(async () => root.unmount());
  });

  it('renders nothing without findings', async () => {
    const div = document.createElement('div');
    const root = createRoot(div);
    await act(async () => root.render(<RuleFindings findings={[]} />));
    expect(div.textContent).toBe('');
    await act(async () => root.unmount());
  });

  it('adds the 《》 brackets only when missing', () => {
    expect(citationText({ doc: '中华人民共和国公务员法', version: '2018', article: '第十九条' })).toBe(
      '《中华人民共和国公务员法》（2018）第十九条',
    );
    expect(citationText({ doc: '《党章》', version: '', article: '' })).toBe('《党章》');
  });
});
