/**
 * Browser journeys (issue 16 §4): the help drawer of a page names its rules and opens the rules
 * page on the one clicked; the 导出 Excel buttons download the page with its current filters (read
 * back with exceljs), for the office on 集体决策 and for the auditor on 审计日志.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, login, snap, startServer, type E2EServer } from './harness.js';

describeBrowser('help drawer and exports', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function as(username: string): Promise<Page> {
    const ctx = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await ctx.newPage();
    await login(page, server.baseUrl, username);
    return page;
  }

  /** Click the export button and read the first sheet's rows as cell texts. */
  async function exported(page: Page): Promise<{ name: string; rows: string[][] }> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push(Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).text)));
    return { name: download.suggestedFilename(), rows };
  }

  it('help on the meetings page names its rules and opens the rules page on the one clicked', async () => {
    const page = await as('alt-bangong');
    await page.goto(`${server.baseUrl}/meetings`);
    await page.getByRole('button', { name: /帮\s*助/ }).click();
    const drawer = page.getByTestId('help-drawer');
    await expect.poll(() => drawer.getByText('适用的规则').count(), { timeout: 20_000 }).toBe(1);
    expect(await drawer.innerText()).toContain('党组会议一般每月召开一次');
    await snap(page, 'e2e-help-meetings');
    await drawer.getByRole('link', { name: 'PG-05' }).click();
    await page.waitForURL((u) => u.pathname === '/rules' && u.searchParams.get('rule') === 'PG-05');
    await expect
      .poll(() => page.locator('.ant-drawer-title').filter({ hasText: '党组会议召开频次' }).count(), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    await snap(page, 'e2e-help-rule');
  });

  it('集体决策 exports the decided matters with the year filter applied', async () => {
    const page = await as('alt-bangong');
    await page.goto(`${server.baseUrl}/decisions`);
    await expect.poll(() => page.getByRole('button', { name: /导出 Excel/ }).count(), { timeout: 20_000 }).toBe(1);
    const year = page.getByPlaceholder('年度').first();
    await year.fill('2026');
    await year.press('Enter');
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const shown = (await page.locator('tbody tr.ant-table-row td:first-child').allInnerTexts()).map((s) => s.trim());
    const file = await exported(page);
    expect(file.name).toMatch(/^阿勒泰海关集体决策事项-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.rows[0]?.[0]).toBe('阿勒泰海关集体决策事项清单');
    expect(file.rows[1]?.[0]).toContain('年度：2026');
    expect(file.rows[2]?.[1]).toBe('决定日期');
    const dates = file.rows.slice(3).map((r) => r[1]);
    expect(dates.length).toBeGreaterThanOrEqual(shown.length);
    expect(dates.every((d) => d?.startsWith('2026-'))).toBe(true);
    expect(dates.slice(0, shown.length)).toEqual(shown);
  });

  it('审计日志 exports the events the auditor filtered', async () => {
    const page = await as('auditor');
    await page.goto(`${server.baseUrl}/audit`);
    // The action filter is a list of Chinese names (issue 16 §4): choose 登录 by its name.
    await page.getByLabel('操作（输入中文名称筛选）').click();
    await page.keyboard.type('登录');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: /：登录$/ })
      .first()
      .click();
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const file = await exported(page);
    expect(file.rows[0]?.[0]).toBe('审计日志');
    expect(file.rows[1]?.[0]).toContain('操作：');
    const codes = new Set(file.rows.slice(3).map((r) => r[6]));
    expect(codes.size).toBeGreaterThan(0);
    for (const c of codes) expect(c?.startsWith('auth.login')).toBe(true);
  });
});
