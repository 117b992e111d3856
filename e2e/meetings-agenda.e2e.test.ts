/**
 * Browser journey (issue 16 §4): the office gives a new meeting a title and sees it numbered by
 * its date; on next week's published meeting it reorders the agenda with the up/down buttons and
 * prints the agenda (.docx through LibreOffice); the projector view shows the agenda in large
 * type; on a 360 px phone every item title is shown in full.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { convertedText, documentChecksSkipped } from '../test/pdf-text.js';
import { describeBrowser, launchBrowser, login, snap, startServer, type E2EServer } from './harness.js';

const eventually = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 250 });

describeBrowser('meetings: title and number, agenda order, printable agenda, projector, phone', () => {
  let server: E2EServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let office: Page;
  let publishedUrl = '';

  async function as(username: string, width = 1440, height = 960): Promise<Page> {
    const ctx = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width, height },
      acceptDownloads: true,
    });
    contexts.push(ctx);
    const page = await ctx.newPage();
    await login(page, server.baseUrl, username);
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    office = await as('alt-bangong');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('numbers a new meeting by its date and shows its title', async () => {
    await office.goto(`${server.baseUrl}/meetings`);
    const published = office.locator('tr').filter({ hasText: '已发布' }).first();
    await published.waitFor();
    publishedUrl = `${server.baseUrl}${await published.getByRole('link').first().getAttribute('href')}`;
    await office.getByRole('button', { name: /安排会议/ }).click();
    const dialog = office.getByRole('dialog');
    await dialog.getByLabel('会议标题').fill('专题研究巡视整改');
    // The office's own name as the recorder, typed (the options load asynchronously), then checked.
    const me = await office.getByTestId('current-user').innerText();
    const recorder = dialog.locator('.ant-form-item').filter({ has: office.locator('label[title="记录人"]') });
    await recorder.locator('.ant-select').click();
    await office.keyboard.type(me);
    await office
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: me })
      .first()
      .click();
    await eventually(() => recorder.innerText()).toContain(me);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await office.waitForURL(/\/meetings\/[^/]+$/);
    await eventually(() => office.getByTestId('meeting-subject').innerText()).toBe('专题研究巡视整改');
    await office.getByRole('button', { name: /标题与编号/ }).click();
    await eventually(() => office.getByRole('dialog').innerText()).toContain('按会议日期编号');
    await snap(office, 'meetings-heading');
    await office
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
  });

  it('reorders the agenda of a published meeting with the up/down buttons and prints it', async () => {
    await office.goto(publishedUrl);
    const order = office.getByTestId('agenda-order');
    await order.waitFor();
    const titles = async () =>
      (await office.locator('[data-testid^="item-"] .ant-card-head-title').allInnerTexts()).map((s) =>
        (s.split('\n')[0] ?? '').replace(/^\d+\.\s*/, ''),
      );
    const before = await titles();
    expect(before.length).toBeGreaterThan(1);
    await order.getByRole('button', { name: /^下移/ }).first().click();
    await eventually(async () => (await titles())[0]).toBe(before[1]);
    expect((await titles())[1]).toBe(before[0]);
    await snap(office, 'meetings-agenda-order');
    await office.getByRole('button', { name: /打印议程/ }).hover();
    const [download] = await Promise.all([
      office.waitForEvent('download'),
      office.getByRole('menuitem', { name: '打印会议通知' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/会议通知\.docx$/);
    const skipped = documentChecksSkipped();
    if (skipped) {
      console.warn(`[banzi e2e] notice PDF check skipped: ${skipped}`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'banzi-e2e-notice-'));
    try {
      const file = join(dir, 'notice.docx');
      await download.saveAs(file);
      const text = convertedText(file, dir).replace(/\s+/g, '');
      expect(text).toContain('关于召开');
      const first = (before[1] ?? '').replace(/\s+/g, '');
      expect(text).toContain(`一、${first}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the projector view in large type', async () => {
    const projector = await as('alt-bangong', 1920, 1080);
    await projector.goto(`${publishedUrl}/projector`);
    await eventually(() => projector.getByTestId('projector-agenda').locator('li').count()).toBeGreaterThan(1);
    expect(await projector.getByTestId('projector-current').innerText()).toContain('当前没有正在表决的议题');
    const size = await projector.getByTestId('projector').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(32);
    await snap(projector, 'meetings-projector');
  });

  it('shows every item title in full on a 360 px phone', async () => {
    const phone = await as('alt-chengyuan', 360, 780);
    await phone.goto(publishedUrl);
    const heads = phone.locator('[data-testid^="item-"] .ant-card-head-title');
    await eventually(() => heads.count()).toBeGreaterThan(0);
    const cut = await heads.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
    expect(cut).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await snap(phone, 'meetings-phone-360');
  });

  it("drafts the named dissent in the recorder's form from an open vote", async () => {
    /** Call the API from a signed-in page, with its session and CSRF token, as the UI does. */
    const api = async <T>(p: Page, method: string, path: string, body?: unknown): Promise<T> =>
      p.evaluate<T, { method: string; path: string; body: unknown }>(
        async ({ method, path, body }) => {
          const s = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
          const res = await fetch(path, {
            method,
            headers: {
              'x-csrf-token': s.csrfToken,
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          const text = await res.text();
          if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
          return (text ? JSON.parse(text) : null) as T;
        },
        { method, path, body },
      );
    const published = await api<{ unitId: string; recorder: { personId: string } }>(
      office,
      'GET',
      `/api/meetings/${publishedUrl.split('/').pop()}`,
    );
    const unitId = published.unitId;
    const cat = await api<{ items: { id: string; name: string }[] }>(
      office,
      'GET',
      `/api/decisions/catalogue?unitId=${unitId}`,
    );
    const entry = cat.items.find((i) => i.name.includes('其他须集体讨论'))!;
    const item = await api<{ id: string }>(office, 'POST', '/api/decisions/items', {
      unitId,
      title: '关于调整机关食堂管理办法的议题',
      summary: '说明',
      catalogueId: entry.id,
    });
    const secretary = await as('alt-shuji');
    await api(secretary, 'POST', `/api/decisions/items/${item.id}/approve`);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const m = await api<{ id: string }>(office, 'POST', '/api/meetings', {
      unitId,
      date: today,
      startTime: '23:58',
      location: '党组会议室',
      recorderPersonId: published.recorder.personId,
    });
    const mi = await api<{ id: string }>(office, 'POST', `/api/meetings/${m.id}/items`, {
      agendaItemId: item.id,
      voteMethod: 'named',
    });
    await api(office, 'POST', `/api/meetings/${m.id}/publish`);
    const detail = await api<{ attendance: { personId: string; role: string }[] }>(
      office,
      'GET',
      `/api/meetings/${m.id}`,
    );
    for (const a of detail.attendance.filter((x) => x.role === 'member')) {
      await api(office, 'POST', `/api/meetings/${m.id}/attendance`, { personId: a.personId, status: 'present' });
    }
    await api(office, 'POST', `/api/meetings/${m.id}/open`);
    await api(office, 'POST', `/api/meetings/items/${mi.id}/start-voting`);
    const ballots: [string, string][] = [
      ['alt-chengyuan', 'disagree'],
      ['alt-chengyuan2', 'abstain'],
      ['alt-jijianzuzhang', 'agree'],
      ['alt-chengyuan4', 'agree'],
      ['alt-chengyuan5', 'agree'],
    ];
    const names: Record<string, string> = {};
    for (const [user, choice] of ballots) {
      const p = await as(user);
      names[user] = await p.getByTestId('current-user').innerText();
      await api(p, 'POST', `/api/meetings/items/${mi.id}/votes`, { choices: [{ candidateId: 'main', choice }] });
    }
    await api(secretary, 'POST', `/api/meetings/items/${mi.id}/votes`, {
      choices: [{ candidateId: 'main', choice: 'agree' }],
    });
    await api(office, 'POST', `/api/meetings/items/${mi.id}/close-voting`);
    await api(office, 'POST', `/api/meetings/${m.id}/close`);
    await office.goto(`${server.baseUrl}/meetings/${m.id}`);
    await office.getByRole('tab', { name: /会议记录/ }).click();
    await eventually(() => office.getByTestId('vote-line-1').innerText()).toContain(
      '同意 4 票、不同意 1 票、弃权 1 票；通过',
    );
    await eventually(() => office.getByLabel('不同意见').first().inputValue()).toBe(
      `${names['alt-chengyuan']}：不同意；${names['alt-chengyuan2']}：弃权。`,
    );
    await snap(office, 'meetings-minutes-dissent');
  });
});
