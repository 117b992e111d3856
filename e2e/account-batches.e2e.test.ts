/**
 * Issue 16 §1 journey: accounts for imported people as one batch. The system admin requests
 * accounts for the people of 阿勒泰海关 without one and takes the first halves (.xlsx, once); the
 * security admin confirms the whole batch on the same page and takes the second halves; the holder
 * activates with both halves.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readHalves, type HalfLine } from '../test/account-batches-helpers.js';
import { describeBrowser, launchBrowser, login, snap, startServer, type E2EServer } from './harness.js';

async function download(page: Page, button: RegExp): Promise<HalfLine[]> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).first().click(),
  ]);
  return readHalves(readFileSync((await file.path()) ?? ''));
}

describeBrowser('account batches journey (issue 16 §1)', () => {
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

  it('requests by unit, takes each half once, confirms as a whole, and the holder activates', async () => {
    const sys = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await login(sys, server.baseUrl, 'sysadmin');
    await sys.goto(`${server.baseUrl}/admin/requests`);
    await sys.getByText('批量开设账户（导入的人员）').waitFor({ timeout: 20_000 });
    await sys.locator('.ant-select', { hasText: '选择单位' }).click();
    await sys
      .locator('.ant-select-tree-title', { hasText: /^阿勒泰海关$/ })
      .first()
      .click();
    await sys.getByRole('button', { name: '申请批量开设' }).click();
    await sys.getByRole('dialog').getByText('批量申请名单').waitFor({ timeout: 20_000 });
    await snap(sys, 'e2e-batches-list');
    await sys.keyboard.press('Escape');
    const first = await download(sys, /下载第 1 段激活码/);
    expect(first.length).toBeGreaterThan(0);
    expect(first[0]?.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await sys.getByText('第 1 段已下载').first().waitFor({ timeout: 20_000 });
    await snap(sys, 'e2e-batches-requested');

    const sec = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await login(sec, server.baseUrl, 'secadmin');
    await sec.goto(`${server.baseUrl}/admin/requests`);
    await sec.getByRole('button', { name: '确认并下载第 2 段' }).first().click();
    const [file] = await Promise.all([
      sec.waitForEvent('download'),
      sec
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click(),
    ]);
    const second = await readHalves(readFileSync((await file.path()) ?? ''));
    expect(second.map((l) => l.username)).toEqual(first.map((l) => l.username));
    await sec.getByText('第 2 段已下载').first().waitFor({ timeout: 20_000 });
    await snap(sec, 'e2e-batches-confirmed');

    const res = await fetch(`${server.baseUrl}/api/auth/session`);
    const csrf = (await res.json()) as { csrfToken: string };
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    const act = await fetch(`${server.baseUrl}/api/auth/activate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.csrfToken, cookie },
      body: JSON.stringify({
        username: first[0]?.username,
        code: `${first[0]?.code} ${second[0]?.code}`,
        newPassword: 'Holder-Chosen-Pw9',
      }),
    });
    expect(act.status).toBe(200);
  });
});
