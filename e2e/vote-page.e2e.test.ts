/**
 * The light public voting page (issue 16 §3) on a slow phone: Chromium at 360 px with a 4x CPU
 * slowdown and "Slow 4G" (CDP). A voter opens the slip's QR address, answers group by group,
 * reviews, submits, sees the receipt; after closing, finds it on the receipt page. Asserted on the
 * way: no React or antd on the page, every tap target at least 44 px, each option inside its
 * question (never on the next title), no page wider than the screen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { codesFromSlips } from '../test/ballots-helpers.js';
import { describeBrowser, launchBrowser, login, snap, startServer, type E2EServer } from './harness.js';

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });

/** Chrome DevTools' "Slow 4G" preset: 562.5 ms latency, 1.4 Mbit/s down, 675 kbit/s up */
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The office sets up an open member evaluation through the API and prints `n` slips. */
async function openSession(desk: Page, base: string, n: number): Promise<{ id: string; codes: string[] }> {
  const state = (await (await desk.request.get(`${base}/api/auth/session`)).json()) as {
    csrfToken: string;
    me: { ownUnitIds: string[] };
  };
  const headers = { 'x-csrf-token': state.csrfToken };
  const unitId = state.me.ownUnitIds[0] ?? '';
  const tpl = (await (
    await desk.request.get(`${base}/api/ballots/templates?unitId=${unitId}&kind=member_evaluation&year=2026`)
  ).json()) as { title: string; questionnaire: unknown; categories: unknown };
  const now = Date.now();
  const created = await desk.request.post(`${base}/api/ballots/sessions`, {
    headers,
    data: {
      unitId,
      kind: 'member_evaluation',
      title: tpl.title,
      year: 2026,
      questionnaire: tpl.questionnaire,
      categories: tpl.categories,
      opensAt: new Date(now - 3_600_000).toISOString(),
      closesAt: new Date(now + 3 * 3_600_000).toISOString(),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const slips = await desk.request.post(`${base}/api/ballots/sessions/${id}/codes`, {
    headers,
    data: { category: 'staff', count: n },
  });
  expect(slips.status(), slips.status() === 200 ? '' : await slips.text()).toBe(200);
  const opened = await desk.request.post(`${base}/api/ballots/sessions/${id}/open`, { headers });
  expect(opened.status(), await opened.text()).toBe(200);
  return { id, codes: codesFromSlips(Buffer.from(await slips.body())) };
}

/** Every visible button, link, label and input of the page, with its box. */
async function targets(page: Page): Promise<{ what: string; height: number; width: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a, label.opt, input[type=text], summary')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0)
      .map(({ el, r }) => ({ what: (el.textContent ?? '').trim().slice(0, 20), height: r.height, width: r.width })),
  );
}

async function expectUsableAt360(page: Page): Promise<void> {
  for (const t of await targets(page)) {
    expect(t.height, `tap target "${t.what}"`).toBeGreaterThanOrEqual(44);
    expect(t.width, `tap target "${t.what}"`).toBeGreaterThanOrEqual(44);
  }
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(wide).toBeLessThanOrEqual(360);
}

/** Each option box stays inside its own question and clear of the next question's title. */
async function expectNoOverlap(page: Page): Promise<number> {
  const questions = page.locator('[data-question]');
  const n = await questions.count();
  let checked = 0;
  for (let i = 0; i < n; i++) {
    const q = (await questions.nth(i).boundingBox()) as Box;
    const next =
      i + 1 < n
        ? await questions
            .nth(i + 1)
            .locator('legend')
            .boundingBox()
        : null;
    const labels = questions.nth(i).locator('label.opt');
    for (let j = 0; j < (await labels.count()); j++) {
      const l = (await labels.nth(j).boundingBox()) as Box;
      expect(l.y + l.height, 'option inside its question').toBeLessThanOrEqual(q.y + q.height + 0.5);
      if (next) expect(overlaps(l, next), `option ${j} of question ${i} over the next title`).toBe(false);
      checked++;
    }
  }
  return checked;
}

describeBrowser('the light voting page on a slow phone', () => {
  let server: E2EServer;
  let browser: Browser;
  let phoneCtx: BrowserContext;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await phoneCtx?.close();
    await browser?.close();
    await server?.close();
  });

  it('votes group by group at 360 px with 4x CPU slowdown and Slow 4G, then finds the receipt', async () => {
    const base = server.baseUrl;
    const desk = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await login(desk, base, 'alt-bangong');
    const { id, codes } = await openSession(desk, base, 3);
    expect(codes).toHaveLength(3);

    phoneCtx = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const phone = await phoneCtx.newPage();
    const cdp = await phoneCtx.newCDPSession(phone);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    const scripts: string[] = [];
    phone.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });

    await phone.goto(`${base}/vote/${id}#${codes[0] ?? ''}`);
    await poll(() => phone.getByLabel(/测评码/).inputValue()).toBe(codes[0]);
    expect(phone.url()).not.toContain('#');
    expect(
      scripts.some((u) => /react|antd|index-/.test(u)),
      scripts.join(' '),
    ).toBe(false);
    await expectUsableAt360(phone);
    await snap(phone, 'vote-360-code');

    await phone.getByRole('button', { name: '开始投票' }).click();
    await poll(() => phone.locator('[data-question]').count()).toBeGreaterThan(0);
    const progress = await phone.locator('.progress strong').innerText();
    const groups = Number(/\/ (\d+) 组/.exec(progress)?.[1]);
    expect(groups).toBeGreaterThan(1);

    // going on without answering names the first unanswered question, as the server would
    await phone.getByRole('button', { name: '下一组' }).click();
    await poll(() => phone.locator('.problem').innerText()).toMatch(/^第 1 题（.+）“.+”为必答题，尚未作答$/);
    await snap(phone, 'vote-360-problem');

    let options = 0;
    for (let g = 1; g <= groups; g++) {
      await poll(() => phone.locator('.progress strong').innerText()).toBe(`第 ${g} / ${groups} 组`);
      const questions = phone.locator('[data-question]');
      const n = await questions.count();
      for (let i = 0; i < n; i++) await questions.nth(i).locator('label.opt', { hasText: '基本称职' }).click();
      options += await expectNoOverlap(phone);
      await expectUsableAt360(phone);
      if (g === 1) await snap(phone, 'vote-360-group');
      await phone.getByRole('button', { name: g < groups ? '下一组' : '检查并预览' }).click();
    }
    expect(options).toBeGreaterThan(0);

    await poll(() => phone.getByRole('heading', { name: '核对您的选择' }).count()).toBe(1);
    expect(await phone.locator('dl.review dd', { hasText: '基本称职' }).count()).toBeGreaterThan(groups);
    await expectUsableAt360(phone);
    // the receipt is known before submitting (SM3 of the session and the page's secret r)
    const before = await phone.getByTestId('receipt-before').innerText();
    expect(before).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
    await snap(phone, 'vote-360-review');
    const sent = phone.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/sessions/${id}/ballots`));
    await phone.getByRole('button', { name: '确认提交' }).click();
    expect((await sent).postDataJSON()).toMatchObject({ r: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await poll(() => phone.getByTestId('receipt').count()).toBe(1);
    const receipt = await phone.getByTestId('receipt').innerText();
    expect(receipt).toBe(before);
    expect(await phone.locator('.note.error').count()).toBe(0);
    await expectUsableAt360(phone);
    await snap(phone, 'vote-360-receipt');

    // the same code again: the server's refusal, in its words
    await phone.goto(`${base}/vote/${id}#${codes[0] ?? ''}`);
    await phone.getByRole('button', { name: '开始投票' }).click();
    await poll(() => phone.locator('.note.error').innerText()).toMatch(/测评码/);
    await snap(phone, 'vote-360-used');

    // the office closes; the receipt is in the published list, checked on the phone
    const state = (await (await desk.request.get(`${base}/api/auth/session`)).json()) as { csrfToken: string };
    const closed = await desk.request.post(`${base}/api/ballots/sessions/${id}/close`, {
      headers: { 'x-csrf-token': state.csrfToken },
    });
    expect(closed.status(), await closed.text()).toBe(200);
    await phone.goto(`${base}/vote/${id}/receipts`);
    await phone.getByLabel('输入您的回执').fill(receipt.toLowerCase());
    await poll(() => phone.getByTestId('receipt-found').count()).toBe(1);
    await expectUsableAt360(phone);
    await snap(phone, 'vote-360-receipts');
  });
});
