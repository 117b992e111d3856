/**
 * Issue 8 §3 journey: 阿勒泰海关's office opens the rules page, sees how each parameter may change
 * (固定 / 只可从严 / 可调整), tightens the minimum group size of evaluations (C-01), and is told why
 * it may not loosen it again (the personnel office above must) nor go below 5.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, login, snap, startServer, type E2EServer } from './harness.js';

async function openRule(page: Page, id: string): Promise<void> {
  await page.getByPlaceholder('编号、标题、内容、文件').fill(id);
  await page.getByPlaceholder('编号、标题、内容、文件').press('Enter');
  await page
    .locator('td a', { hasText: new RegExp(`^${id}$`) })
    .first()
    .click();
  await page.locator('.ant-drawer-title', { hasText: id }).waitFor({ timeout: 20_000 });
}

async function setGroupSize(page: Page, n: number): Promise<void> {
  const input = page.getByLabel('显示某一类别结果所需的最少投票数', { exact: false });
  await input.fill(String(n));
  await page.getByLabel('调整理由').fill('本关测评规模较大，提高最小分组人数');
  await page.getByRole('button', { name: /保存调整/ }).click();
}

describeBrowser('rule parameter governance journey (issue 8 §3)', () => {
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

  it('shows how each parameter may change, tightens one, and explains a refused loosening', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await login(page, server.baseUrl, 'alt-bangong');
    await page.goto(`${server.baseUrl}/rules`);
    await openRule(page, 'PG-06');
    const drawer = page.getByRole('dialog');
    await drawer.getByText('固定').first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Escape');

    await openRule(page, 'C-01');
    await drawer
      .getByText(/只可从严：调高为严，底线 5/)
      .first()
      .waitFor({ timeout: 20_000 });
    await drawer.getByText(/本单位党组办公室只能从严调整/).waitFor();
    await snap(page, 'e2e-rules-c01');

    await setGroupSize(page, 4);
    await drawer
      .getByText(/不能宽于规定的 5/)
      .first()
      .waitFor({ timeout: 20_000 });
    await snap(page, 'e2e-rules-refused');

    await setGroupSize(page, 7);
    await drawer.getByText('阿勒泰海关').first().waitFor({ timeout: 20_000 });
    await setGroupSize(page, 6);
    await drawer
      .getByText(/须由上级单位人事部门调整/)
      .first()
      .waitFor({ timeout: 20_000 });
    const rows = await server.ctx.db
      .selectFrom('rule_overrides')
      .select(['params'])
      .where('rule_id', '=', 'C-01')
      .execute();
    expect(rows.map((r) => JSON.parse(r.params) as unknown)).toEqual([{ minGroupSize: 7 }]);
  });
});
