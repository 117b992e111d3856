import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_BY_ID } from '../../common/rules/catalogue.js';
import { PAGE_HELP, helpFor } from './index.js';

const routesFile = readFileSync(new URL('../routes.tsx', import.meta.url), 'utf8');
/** Every path of routes.tsx, relative ones under the frame made absolute; the index route is "/". */
const routePaths = [
  '/',
  ...[...routesFile.matchAll(/path="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((p) => p !== '*')
    .map((p) => (p.startsWith('/') ? p : `/${p}`)),
];

describe('page help', () => {
  it('reads the routes file', () => {
    expect(routePaths).toContain('/decisions/violations');
    expect(routePaths.length).toBeGreaterThan(40);
  });

  it.each(routePaths)('%s has help text', (path) => {
    const help = PAGE_HELP[path];
    expect(help, `no help for ${path}`).toBeDefined();
    expect(help!.title.length).toBeGreaterThan(0);
    expect(help!.purpose.length).toBeGreaterThan(10);
  });

  it('names only rules of the catalogue', () => {
    const unknown = Object.entries(PAGE_HELP).flatMap(([path, h]) =>
      (h.rules ?? []).filter((r) => !RULES_BY_ID.has(r.id)).map((r) => `${path}: ${r.id}`),
    );
    expect(unknown).toEqual([]);
  });

  it('has no help for a page that does not exist', () => {
    const stale = Object.keys(PAGE_HELP).filter((p) => !routePaths.includes(p));
    expect(stale).toEqual([]);
  });

  it('finds the page of a location, static segments before parameters', () => {
    expect(helpFor('/people/new')?.title).toBe('新增干部');
    expect(helpFor('/people/abc')?.title).toBe('干部档案详情');
    expect(helpFor('/people/abc/edit')?.title).toBe('编辑干部档案');
    expect(helpFor('/decisions/items/x1')?.title).toBe('议题');
    expect(helpFor('/nowhere/at/all')).toBeNull();
  });
});
