/**
 * Page weight budgets (issue 16 §3), from the Vite build manifest: the public voting page at most
 * 60 kB of gzipped HTML, JavaScript and CSS in all, without React or antd; the console's first load
 * (the login page, or the home page in its frame) under 350 kB gzipped.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_FIRST_PAGES, consolePageWeight, kB, readManifest, votePageWeight } from '../scripts/page-weight.js';
import { ensureClientBuilt } from './harness.js';

const CLIENT_DIR = resolve(import.meta.dirname, '../dist/client');
const VOTE_BUDGET = 60_000;
const CONSOLE_BUDGET = 350_000;

describe('page weight from the build manifest', () => {
  beforeAll(() => ensureClientBuilt());

  it('the voting page weighs at most 60 kB gzipped and carries neither React nor antd', () => {
    const w = votePageWeight(CLIENT_DIR);
    console.log(`voting page: ${kB(w.gzip)} gzipped (${kB(w.bytes)}), ${w.files.join(' ')}`);
    expect(w.files.some((f) => f.endsWith('.css'))).toBe(true);
    expect(w.gzip).toBeLessThanOrEqual(VOTE_BUDGET);
    for (const f of w.files.filter((x) => x.endsWith('.js'))) {
      const js = readFileSync(join(CLIENT_DIR, f), 'utf8');
      expect(js, f).not.toMatch(/react\.(element|transitional\.element)|__SECRET_INTERNALS|ant-btn|antd/);
    }
    const console_ = readManifest(CLIENT_DIR)['index.html']?.file;
    expect(w.files).not.toContain(console_);
  });

  it('the console’s first load stays under 350 kB gzipped', () => {
    for (const page of Object.keys(CONSOLE_FIRST_PAGES)) {
      const w = consolePageWeight(CLIENT_DIR, page);
      console.log(`console first load (${page}): ${kB(w.gzip)} gzipped (${kB(w.bytes)}) in ${w.files.length} files`);
      expect(w.gzip, page).toBeLessThan(CONSOLE_BUDGET);
    }
  });
});
