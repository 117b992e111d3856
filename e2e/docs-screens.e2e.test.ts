/**
 * The user guide's screenshots (docs/guide/images/), taken from the real pages with the demo data
 * so the guide stays true: `npm run docs:screens` (sets BANZI_DOCS_SCREENS=1; skipped otherwise).
 * PNG at 1280x800, the visible part of the page only, keeps them small.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../test/env.js';
import { launchBrowser, login, startServer, type E2EServer } from './harness.js';

const OUT = resolve(import.meta.dirname, '../docs/guide/images');
const run = CHROMIUM && process.env.BANZI_DOCS_SCREENS === '1' ? describe : describe.skip;

run('user guide screenshots', () => {
  let server: E2EServer;
  let browser: Browser;
  const pages = new Map<string, Page>();

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function as(username: string | null): Promise<Page> {
    const key = username ?? 'anon';
    const open = pages.get(key);
    if (open) return open;
    const ctx = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 800 },
    });
    const page = await ctx.newPage();
    if (username) await login(page, server.baseUrl, username);
    pages.set(key, page);
    return page;
  }

  /** Open a page, wait until the text shows, and save the visible part as images/NAME.png. */
  async function shot(page: Page, path: string, name: string, waitFor: string | RegExp): Promise<void> {
    if (path) await page.goto(`${server.baseUrl}${path}`);
    await expect.poll(() => page.getByText(waitFor).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000); // let antd's entrance animations and the charts finish before the picture
    writeFileSync(join(OUT, `${name}.png`), await page.screenshot({ type: 'png' }));
  }

  const first = async (table: 'meetings' | 'ballot_sessions', status: string) =>
    (
      await server.ctx.db
        .selectFrom(table)
        .select('id')
        .where('status', '=', status)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;

  it('登录与激活', async () => {
    const anon = await as(null);
    await shot(anon, '/login', 'login', /登\s*录/);
    await shot(anon, '/activate', 'activate', /激活/);
    const home = await as('alt-shuji');
    await shot(home, '/', 'home', '首页');
  });

  it('党组会议与议题', async () => {
    const office = await as('alt-bangong');
    await shot(office, '/meetings', 'meetings', '党组会议');
    await shot(office, `/meetings/${await first('meetings', 'closed')}`, 'meeting', /表决|议程/);
    await office.getByRole('button', { name: /帮\s*助/ }).click();
    await shot(office, '', 'help', '适用的规则');
    await office.keyboard.press('Escape');
  });

  it('集体决策', async () => {
    const office = await as('alt-bangong');
    await shot(office, '/decisions', 'decisions', '导出 Excel');
    await shot(office, '/decisions/violations', 'violations', '导出 Excel');
  });

  it('个人有关事项报告与抽查', async () => {
    const reporter = await as('alt-chengyuan');
    await shot(reporter, '/disclosures', 'disclosures', '个人有关事项');
    const office = await as('wlmq-renshi');
    await shot(office, '/disclosures/draws', 'draws', '随机抽查');
    await office
      .getByRole('link')
      .filter({ hasText: /^\d{4}/ })
      .first()
      .click()
      .catch(() => undefined);
    await shot(office, '', 'draw', /抽取结果|种子/);
    await shot(office, '/disclosures/verify', 'verify', '选择或拖入验证文件');
  });

  it('民主测评', async () => {
    const office = await as('wlmq-renshi');
    await shot(office, '/ballots', 'ballots', '民主测评');
    await shot(office, `/ballots/${await first('ballot_sessions', 'closed')}/results`, 'ballot-results', /结果/);
  });

  it('规则参数', async () => {
    const office = await as('alt-bangong');
    await shot(office, '/rules', 'rules', 'PG-06');
    await shot(office, '/rules?rule=PG-06', 'rule', '党组会议召开人数');
  });

  it('审计', async () => {
    const auditor = await as('auditor');
    await shot(auditor, '/audit', 'audit', '导出 Excel');
  });
});
