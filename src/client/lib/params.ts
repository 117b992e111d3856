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
  if (Array.isArray(value) || typeof value === 'object') return describeValue(value, lang, unit);
  const u = unit ? ((lang === 'en' ? UNIT_EN : UNIT_ZH)[unit] ?? '') : '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  return u ? `${text}${lang === 'en' ? ' ' : ''}${u}` : text;
}

const NON_ASCII = /[^\x20-\x7e]/;

/**
 * A structured parameter (lists, tables) in words, never raw JSON or [object Object]: list items
 * joined, a table row as its values, a key shown only when it is a word a reader knows (Chinese).
 */
export function describeValue(value: unknown, lang: 'zh-CN' | 'en' = 'zh-CN', unit?: string): string {
  const sep = lang === 'en' ? ', ' : '、';
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return lang === 'en' ? 'none (not set)' : '无（未设置）';
    const nested = value.some((v) => typeof v === 'object' && v !== null);
    const parts = value.map((v) => describeValue(v, lang));
    const u = unit && !nested ? ((lang === 'en' ? UNIT_EN : UNIT_ZH)[unit] ?? '') : '';
    return parts.join(nested ? '；' : sep) + (u ? `${lang === 'en' ? ' ' : ''}${u}` : '');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => (NON_ASCII.test(k) ? `${k}：${describeValue(v, lang)}` : describeValue(v, lang)))
      .join(lang === 'en' ? '; ' : '，');
  }
  if (typeof value === 'boolean') return value ? (lang === 'en' ? 'yes' : '是') : lang === 'en' ? 'no' : '否';
  return typeof value === 'string' ? value : JSON.stringify(value);
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
