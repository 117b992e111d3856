/**
 * Browser journey of issue 4: the office sets up a team evaluation from the template, prints the
 * code slips, opens it; a voter votes on the light voting page (src/client/vote) at phone size
 * with a slip's QR address, group by group; the hall screen shows participation; the office closes
 * and sees the results; the voter finds the receipt.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { codesFromSlips } from '../test/ballots-helpers.js';
import { describeBrowser, launchBrowser, login, snap, startServer, type E2EServer } from './harness.js';

/** Pages load lazily on a busy 2-core machine: wait up to 20 s. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

/** On the light voting page: answer every question of every group with its first option, to the review. */
async function answerAll(page: Page): Promise<number> {
  let answered = 0;
  for (;;) {
    const questions = page.locator('[data-question]');
    const n = await questions.count();
    for (let i = 0; i < n; i++) await questions.nth(i).locator('label.opt').first().click();
    answered += n;
    const next = page.getByRole('button', { name: '下一组' });
    if ((await next.count()) === 0) break;
    const progress = await page.locator('.progress strong').innerText();
    await next.click();
    await poll(() => page.locator('.progress strong').innerText()).not.toBe(progress);
  }
  return answered;
}

describeBrowser('ballots: set up, print codes, vote by phone, watch, close, check a receipt', () => {
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

  it('runs a session end to end', async () => {
    const desk = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await login(desk, server.baseUrl, 'alt-bangong');
    await desk.goto(`${server.baseUrl}/ballots`);
    await poll(() => desk.getByText('阿勒泰海关领导班子2025年度民主测评').count()).toBeGreaterThan(0);
    await snap(desk, 'ballots-list');
    await desk.getByRole('button', { name: /新建测评/ }).click();
    await desk.getByRole('button', { name: /载入模板/ }).click();
    await poll(() => desk.getByText('问卷（10 题）').count()).toBeGreaterThan(0);
    await snap(desk, 'ballots-form');
    await desk.getByRole('button', { name: /保\s*存/ }).click();
    await desk.waitForURL(/\/ballots\/[0-9a-f-]{36}$/);
    const sessionId = desk.url().split('/').pop() ?? '';

    // print six slips for 一般干部
    const row = desk.locator('tr', { hasText: '一般干部' });
    await row.getByRole('spinbutton').fill('6');
    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      row.getByRole('button', { name: /生成并下载纸条/ }).click(),
    ]);
    const codes = codesFromSlips(readFileSync(await download.path()));
    expect(codes).toHaveLength(6);
    await snap(desk, 'ballots-session-draft');
    await desk.getByRole('button', { name: /开启测评/ }).click();
    await desk.getByRole('button', { name: /确\s*定|OK/ }).click();
    await poll(() => desk.getByText('已开启').count()).toBeGreaterThan(0);

    // a phone opens the slip's QR address and votes
    const phoneCtx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const phone = await phoneCtx.newPage();
    await phone.goto(`${server.baseUrl}/vote/${sessionId}#${codes[0] ?? ''}`);
    await poll(() => phone.getByLabel('测评码').inputValue()).toBe(codes[0]);
    expect(phone.url()).not.toContain('#');
    await snap(phone, 'ballots-phone-code');
    await phone.getByRole('button', { name: /开始投票/ }).click();
    await poll(() => phone.locator('[data-question]').count()).toBeGreaterThan(0);
    await snap(phone, 'ballots-phone-answers');
    expect(await answerAll(phone)).toBe(10);
    await phone.getByRole('button', { name: /检查并预览/ }).click();
    await snap(phone, 'ballots-phone-review');
    await phone.getByRole('button', { name: /确认提交/ }).click();
    const receiptText = (await phone.getByTestId('receipt').innerText()).split('\n')[0] ?? '';
    expect(receiptText).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
    await snap(phone, 'ballots-phone-receipt');

    // five more phones in the hall vote through the same page's API
    const answersOf = await phone.evaluate(
      async ([id, code]) => {
        const csrf = ((await (await fetch('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
        const form = (await (
          await fetch(`/api/ballots/public/sessions/${id}/form`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
            body: JSON.stringify({ code }),
          })
        ).json()) as { questionnaire: { questions: { id: string; options: string[] }[] } };
        return Object.fromEntries(form.questionnaire.questions.map((q) => [q.id, q.options[1]]));
      },
      [sessionId, codes[1] ?? ''] as const,
    );
    for (const code of codes.slice(1)) {
      const status = await phone.evaluate(
        async ([id, c, a]) => {
          const csrf = ((await (await fetch('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
          return (
            await fetch(`/api/ballots/public/sessions/${id}/ballots`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
              body: JSON.stringify({ code: c, answers: a }),
            })
          ).status;
        },
        [sessionId, code, answersOf] as const,
      );
      expect(status).toBe(200);
    }

    // the hall screen shows how many voted
    const hall = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await login(hall, server.baseUrl, 'alt-bangong');
    await hall.goto(`${server.baseUrl}/ballots/${sessionId}/hall`);
    await poll(() => hall.getByTestId('voted-staff').innerText()).toContain('6 /');
    await snap(hall, 'ballots-hall');

    // close and tally, then the results with charts
    await desk.goto(`${server.baseUrl}/ballots/${sessionId}`);
    await desk.getByRole('button', { name: /结束并计票/ }).click();
    await desk.getByRole('button', { name: /确\s*定|OK/ }).click();
    await poll(() => desk.getByText('已结束').count()).toBeGreaterThan(0);
    await desk.getByRole('button', { name: /测评结果/ }).click();
    await poll(() => desk.locator('canvas').count()).toBeGreaterThan(0);
    await snap(desk, 'ballots-results');

    // the voter finds the receipt in the published list
    await phone.goto(`${server.baseUrl}/vote/${sessionId}/receipts`);
    await phone.getByLabel('输入您的回执').fill(receiptText);
    await poll(() => phone.getByTestId('receipt-found').count()).toBe(1);
    await snap(phone, 'ballots-phone-receipts');
    await phoneCtx.close();
  });

  it('shows last year’s grades beside the evaluation to the personnel office above', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await login(page, server.baseUrl, 'wlmq-renshi');
    await page.goto(`${server.baseUrl}/assessments`);
    await page.getByRole('link', { name: /2025年年度考核/ }).click();
    await poll(() => page.getByText('民主测评总体评价').count()).toBeGreaterThan(0);
    await poll(() => page.getByText(/优秀 \d+%/).count()).toBeGreaterThan(0);
    await snap(page, 'grades-batch');
  });
});
