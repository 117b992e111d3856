import { describe, expect, it } from 'vitest';
import { en } from '../common/i18n/en.js';
import { zhCN } from '../common/i18n/zh-CN.js';
import { format, loadLang, translate } from './i18n.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('en has exactly the zh-CN keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('no message is empty (except deliberate suffixes) and placeholders match', () => {
    for (const [key, zh] of Object.entries(zhCN)) {
      expect(zh.length, key).toBeGreaterThan(0);
      expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(zh));
    }
  });
});

describe('format and translate', () => {
  it('replaces known placeholders and keeps unknown ones', () => {
    expect(format('共 {n} 条', { n: 3 })).toBe('共 3 条');
    expect(format('{a} {b}', { a: 'x' })).toBe('x {b}');
    expect(format('no vars')).toBe('no vars');
  });

  it('translates in both languages (English once loaded, Chinese until then)', async () => {
    expect(translate('en', 'common.total', { n: 5 })).toBe('共 5 条');
    await loadLang('en');
    expect(translate('zh-CN', 'common.total', { n: 5 })).toBe('共 5 条');
    expect(translate('en', 'common.total', { n: 5 })).toBe('5 in all');
  });
});
