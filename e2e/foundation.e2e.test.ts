/**
 * Issue 2 journey: the personnel office of 乌鲁木齐海关 logs in, opens 阿勒泰海关's team, adds a
 * cadre with a bad ID number (refused with a message), fixes it, saves; the auditor sees the
 * change in the audit page and the hash chain verifies.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkCharacter } from '../src/common/id-number.js';
import { describeBrowser, launchBrowser, login, snap, startServer, type E2EServer } from './harness.js';

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

async function typeDate(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

describeBrowser('foundation journey (issue 2)', () => {
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

  it('adds a cadre after a refused ID number, and the auditor sees it', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await login(page, server.baseUrl, 'wlmq-renshi');

    await page.goto(`${server.baseUrl}/orgs`);
    await page.getByRole('link', { name: '阿勒泰海关' }).first().click();
    await page.getByText('党组书记').first().waitFor({ timeout: 20_000 });
    await snap(page, 'e2e-team');

    await page.goto(`${server.baseUrl}/people/new`);
    await page.getByLabel('单位', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').getByText('阿勒泰海关', { exact: true }).click();
    await page.getByLabel('姓名', { exact: true }).fill('古丽巴哈尔·加尔肯');
    await pick(page, '性别', '女');
    await typeDate(page, '出生年月', '1988-03');
    await pick(page, '民族', '哈萨克族');
    await pick(page, '政治面貌', '中共党员');
    await typeDate(page, '入党时间', '2010-06-01');
    await typeDate(page, '参加工作时间', '2011-07-10');
    const first17 = '65990119880315124';
    const good = first17 + checkCharacter(first17);
    const bad = first17 + (good.endsWith('0') ? '1' : '0');
    await page.getByLabel('公民身份号码', { exact: true }).fill(bad);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('校验码错误').first().waitFor({ timeout: 20_000 });
    await snap(page, 'e2e-bad-id');
    expect(page.url()).toContain('/people/new');

    await page.getByLabel('公民身份号码', { exact: true }).fill(good);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await page.getByText('古丽巴哈尔·加尔肯').first().waitFor({ timeout: 20_000 });
    await snap(page, 'e2e-person');
    const personId = page.url().split('/').pop() ?? '';

    const audit = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await login(audit, server.baseUrl, 'auditor');
    await audit.goto(`${server.baseUrl}/audit`);
    // the auditor reads the action by its Chinese name (the code only on hover)
    await audit.getByText('新建干部档案').first().waitFor({ timeout: 20_000 });
    const row = audit.locator('tr', { hasText: '新建干部档案' }).first();
    const text = await row.innerText();
    expect(text).toContain('阿勒泰海关');
    const created = await server.ctx.db
      .selectFrom('audit_events')
      .select(['entity_id', 'actor_name'])
      .where('action', '=', 'people.created')
      .executeTakeFirstOrThrow();
    expect(created.entity_id).toBe(personId);
    expect(text).toContain(created.actor_name ?? '-');
    await audit.getByRole('button', { name: /校验/ }).click();
    await audit.getByText(/完整/).first().waitFor({ timeout: 20_000 });
    await snap(audit, 'e2e-audit');
  });
});
