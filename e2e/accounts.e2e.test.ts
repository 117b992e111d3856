/**
 * Issue 8 §1 journey (AC-01, AC-02): the system admin creates an account linked to a person and
 * gets only the first half of its activation code; the security admin confirms the link in 待确认
 * and gets the second half; the holder activates the account from the login page with both halves,
 * sets the password and logs in with the person's roles.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, login, snap, startServer, type E2EServer } from './harness.js';

async function readCode(page: Page): Promise<string> {
  const code = page.getByTestId('activation-code');
  await code.waitFor({ timeout: 20_000 });
  return (await code.innerText()).trim();
}

describeBrowser('accounts journey (issue 8 §1)', () => {
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

  it('links a person only with the security admin, and the holder activates with both halves', async () => {
    // A person of 阿勒泰海关 who has no account yet.
    const person = await server.ctx.db
      .selectFrom('people')
      .innerJoin('units', 'units.id', 'people.unit_id')
      .leftJoin('users', 'users.person_id', 'people.id')
      .select(['people.id', 'people.name'])
      .where('users.id', 'is', null)
      .where('units.name', '=', '阿勒泰海关')
      .orderBy('people.name')
      .executeTakeFirstOrThrow();

    const sys = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await login(sys, server.baseUrl, 'sysadmin');
    await sys.goto(`${server.baseUrl}/admin/users`);
    await sys.getByRole('button', { name: /新建账户/ }).click();
    const dialog = sys.getByRole('dialog');
    await dialog.getByLabel('用户名', { exact: true }).fill('alt-xinren');
    await dialog.getByLabel('姓名', { exact: true }).fill(person.name);
    await dialog.getByLabel('关联人员', { exact: true }).fill(person.name);
    await sys.locator(`.ant-select-dropdown:visible .ant-select-item-option[title^="${person.name}"]`).click();
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await sys.getByText('激活码第 1 段，共 2 段').waitFor({ timeout: 20_000 });
    const first = await readCode(sys);
    expect(first).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await snap(sys, 'e2e-accounts-first-half');
    await sys.getByTestId('activation-close').click();
    await sys.getByText('待确认：关联人员').first().waitFor({ timeout: 20_000 });
    await snap(sys, 'e2e-accounts-users');
    // The system admin sees the request but cannot confirm it.
    await sys.goto(`${server.baseUrl}/admin/requests`);
    const mine = sys.locator('tr', { hasText: 'alt-xinren' });
    await mine.getByText('撤回').waitFor({ timeout: 20_000 });
    expect(await mine.getByRole('button', { name: /^确\s*认$/ }).count()).toBe(0);

    const sec = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await login(sec, server.baseUrl, 'secadmin');
    await sec.goto(`${server.baseUrl}/admin/requests`);
    const row = sec.locator('tr', { hasText: 'alt-xinren' });
    await row.getByText(person.name).first().waitFor({ timeout: 20_000 });
    await snap(sec, 'e2e-accounts-requests');
    await row.getByRole('button', { name: /^确\s*认$/ }).click();
    await sec
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await sec.getByText('激活码第 2 段，共 2 段').waitFor({ timeout: 20_000 });
    const second = await readCode(sec);
    expect(second).not.toBe(first);
    await snap(sec, 'e2e-accounts-second-half');
    await sec.getByTestId('activation-close').click();

    const holder = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await holder.goto(`${server.baseUrl}/login`);
    await holder.getByRole('link', { name: '首次登录 / 激活账户' }).click();
    await holder.waitForURL(/\/activate$/);
    // The login page stays on screen while the activation page loads: wait for the latter.
    await holder.getByRole('heading', { name: '首次登录 / 激活账户' }).waitFor({ timeout: 20_000 });
    await holder.getByLabel('用户名', { exact: true }).fill('alt-xinren');
    // Only one half: refused, with the same words as any wrong code.
    await holder.getByLabel('激活码', { exact: true }).fill(first);
    await holder.getByLabel('新密码', { exact: true }).fill('Xinren-Passw0rd-26');
    await holder.getByLabel('确认新密码', { exact: true }).fill('Xinren-Passw0rd-26');
    const [refused] = await Promise.all([
      holder.waitForResponse((r) => r.url().endsWith('/api/auth/activate'), { timeout: 60_000 }),
      holder.getByRole('button', { name: /激活并设定密码/ }).click(),
    ]);
    expect(refused.status()).toBe(401);
    await holder.getByTestId('activate-error').waitFor({ timeout: 60_000 });
    await snap(holder, 'e2e-accounts-activate-refused');
    await holder.getByLabel('激活码', { exact: true }).fill(`${second} ${first.toLowerCase()}`);
    await holder.getByRole('button', { name: /激活并设定密码/ }).click();
    await holder.waitForURL(/\/login\?activated=1/);
    await holder.getByText('账户已激活').waitFor({ timeout: 20_000 });
    await snap(holder, 'e2e-accounts-activated');
    await login(holder, server.baseUrl, 'alt-xinren', 'Xinren-Passw0rd-26');
    await holder.getByText('职工').first().waitFor({ timeout: 20_000 });
    await snap(holder, 'e2e-accounts-holder-home');

    const linked = await server.ctx.db
      .selectFrom('audit_events')
      .select(['actor_name', 'details'])
      .where('action', '=', 'accounts.person_linked')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(linked.details)).toMatchObject({ personId: person.id, personName: person.name });
  });
});
