/**
 * Message keys and a tiny translator. All UI text goes through t(key, vars); zh-CN is the
 * default, en is the second language. antd's locale follows the language (see App.tsx).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { zhCN, type MessageKey } from '../common/i18n/zh-CN.js';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };
export type Vars = Record<string, string | number>;

/** English is loaded when chosen (it is not part of the console's first load); until then, Chinese. */
const CATALOGS: Partial<Record<Lang, Record<MessageKey, string>>> = { 'zh-CN': zhCN };

/** Load a language's catalogue (English is a separate chunk). */
export async function loadLang(lang: Lang): Promise<void> {
  if (!CATALOGS[lang]) CATALOGS[lang] = (await import('../common/i18n/en.js')).en;
}
const STORAGE_KEY = 'banzi.lang';

function initialLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

let current: Lang = initialLang();

/** Replaces {name} placeholders; unknown placeholders stay as written. */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  return format(CATALOGS[lang]?.[key] ?? zhCN[key] ?? key, vars);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

/** The message for `prefix.code` when there is one, else the code itself (e.g. module names). */
export function labelOr(tr: T, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? tr(key) : code;
}

/** Translate in the current language (outside React, e.g. in helpers). */
export function t(key: MessageKey, vars?: Vars): string {
  return translate(current, key, vars);
}

export function currentLang(): Lang {
  return current;
}

export type T = (key: MessageKey, vars?: Vars) => string;

interface LangState {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: T;
}

const LangContext = createContext<LangState>({ lang: current, setLang: () => undefined, t });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(CATALOGS[current] ? current : 'zh-CN');
  const setLang = useCallback((l: Lang) => {
    current = l;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, l);
    } catch {
      // storage may be unavailable; the choice then lasts for this page only
    }
    document.documentElement.lang = l;
    void loadLang(l).then(() => setLangState(l));
  }, []);
  useEffect(() => {
    // English chosen on an earlier visit: shown as soon as its catalogue arrives
    if (current !== 'zh-CN' && !CATALOGS[current]) void loadLang(current).then(() => setLangState(current));
  }, []);
  const value = useMemo<LangState>(() => ({ lang, setLang, t: (k, v) => translate(lang, k, v) }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useT(): T {
  return useContext(LangContext).t;
}

export function useLang(): LangState {
  return useContext(LangContext);
}

/** A contract label that carries both languages ({ zh, en }). */
export function pick(label: { zh: string; en: string } | undefined, lang: Lang): string {
  if (!label) return '';
  return lang === 'en' ? label.en : label.zh;
}
