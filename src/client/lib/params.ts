/** Display and parsing of rule parameter values by their type and unit. */
const UNIT_ZH: Record<string, string> = {
  age_years: '岁',
  ballots: '票',
  count: '',
  days: '天',
  generations: '代',
  levels: '级',
  months: '个月',
  quarter: '季度',
  votes: '票',
  working_days: '个工作日',
  years: '年',
};
const UNIT_EN: Record<string, string> = {
  age_years: 'years of age',
  ballots: 'ballots',
  count: '',
  days: 'days',
  generations: 'generations',
  levels: 'levels',
  months: 'months',
  quarter: 'quarter',
  votes: 'votes',
  working_days: 'working days',
  years: 'years',
};

export function formatParamValue(
  value: unknown,
  type: string,
  unit: string | undefined,
  lang: 'zh-CN' | 'en' = 'zh-CN',
): string {
  if (value === null || value === undefined) return '—';
  if (type === 'boolean') return value ? (lang === 'en' ? 'yes' : '是') : lang === 'en' ? 'no' : '否';
  if (type === 'money_fen' && typeof value === 'number') {
    return `${(value / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} ${lang === 'en' ? 'yuan' : '元'}`;
  }
  if (type === 'ratio' && typeof value === 'number') return `${Math.round(value * 10000) / 100}%`;
  if (Array.isArray(value)) return value.map(String).join(lang === 'en' ? ', ' : '、');
  if (typeof value === 'object') return JSON.stringify(value);
  const u = unit ? ((lang === 'en' ? UNIT_EN : UNIT_ZH)[unit] ?? '') : '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  return u ? `${text}${lang === 'en' ? ' ' : ''}${u}` : text;
}

/** Values are equal for override purposes (deep, via JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Parses a JSON parameter typed into a text area; throws with a Chinese message. */
export function parseJsonParam(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('不是有效的 JSON');
  }
}
