/**
 * How a parameter may be changed (issue 8 §3): 固定 (fixed by the rule text), 只可从严 (a unit may
 * tighten it; loosening needs the unit above, never past its limit), 可调整 (within its bounds).
 */
import { Tag, Tooltip } from 'antd';
import type { RuleView } from '../../../common/contracts/rules.js';
import { formatParamValue } from '../../lib/params.js';
import { labelOr, useLang, useT } from '../../i18n.js';

type Param = RuleView['params'][number];

export function GovernanceTag({ p }: { p: Param }) {
  const t = useT();
  const { lang } = useLang();
  const g = p.governance;
  if (g.kind === 'fixed') {
    return (
      <Tooltip title={t('rules.gov.fixedHint')}>
        <Tag>{t('rules.gov.fixed')}</Tag>
      </Tooltip>
    );
  }
  if (g.kind === 'tighten_only') {
    const limit =
      g.limit !== undefined ? t('rules.gov.limit', { v: formatParamValue(g.limit, p.type, p.unit, lang) }) : '';
    return (
      <Tooltip title={t('rules.gov.tightenHint')}>
        <Tag color="orange">
          {t('rules.gov.tighten')}：{labelOr(t, 'rules.gov.stricter', g.stricter ?? 'higher')}
          {limit ? `，${limit}` : ''}
        </Tag>
      </Tooltip>
    );
  }
  const bounds = g.options
    ? g.options.join(' / ')
    : p.min !== undefined || p.max !== undefined
      ? `${p.min !== undefined ? formatParamValue(p.min, p.type, p.unit, lang) : '…'} – ${p.max !== undefined ? formatParamValue(p.max, p.type, p.unit, lang) : '…'}`
      : '';
  return <Tag color="blue">{bounds ? `${t('rules.gov.free')}：${bounds}` : t('rules.gov.free')}</Tag>;
}
