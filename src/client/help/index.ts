/** Help text per route pattern (the patterns of routes.tsx), and the lookup for a location. */
import { matchPath } from 'react-router';
import { GENERAL_HELP } from './pages-general.js';
import type { PageHelp } from './types.js';
import { WORK_HELP } from './pages-work.js';

export type { PageHelp } from './types.js';

export const PAGE_HELP: Readonly<Record<string, PageHelp>> = { ...GENERAL_HELP, ...WORK_HELP };

/** Static segments win over parameters ("/people/new" before "/people/:id"). */
const PATTERNS = Object.keys(PAGE_HELP).sort(
  (a, b) => (a.match(/:/g)?.length ?? 0) - (b.match(/:/g)?.length ?? 0) || b.length - a.length,
);

export function helpFor(pathname: string): PageHelp | null {
  const pattern = PATTERNS.find((p) => matchPath({ path: p, end: true }, pathname));
  return pattern ? (PAGE_HELP[pattern] ?? null) : null;
}

/** The rules page with one rule opened. */
export function ruleLink(id: string): string {
  return `/rules?rule=${encodeURIComponent(id)}`;
}
