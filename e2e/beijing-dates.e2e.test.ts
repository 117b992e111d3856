/**
 * Dates are Beijing dates, everywhere (issue 16 §2). The server's clock stands at 00:30 on Tuesday
 * 8 December 2026 in Beijing (16:30 UTC on the 7th) and the browser runs in UTC with its clock at the
 * same instant. The meeting, minutes, disclosures and ballots (console side) journeys run; every date
 * on each page and in each .docx must be the Beijing date, never the UTC one.
 * (The public voting page is being rewritten in another branch and is not covered here.)
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { FixedClock } from '../src/server/platform/clock.js';
import { newKeyring } from '../src/server/platform/crypto.js';
import { loginAs, TEST_PASSWORD, type HttpClient, type TestEnv } from '../test/app.js';
import { docxText, templateBody } from '../test/ballots-helpers.js';
import { createTestDatabase } from '../test/db.js';
import { addFamily, fullItems, submitAnnual } from '../test/disclosures-helpers.js';
import { seedWorld, type World } from '../test/fixtures.js';
import {
  addToAgenda,
  altayTeam,
  attend,
  catalogue,
  ok,
  ordinaryItem,
  vote,
  type Team,
} from '../test/meetings-helpers.js';
import { describeBrowser, ensureClientBuilt, launchBrowser, login, snap } from './harness.js';

/** 00:30 Beijing time on 8 December 2026 = 16:30 UTC on the 7th */
const NOW = '2026-12-07T16:30:00.000Z';
const BEIJING_DAY = '2026-12-08';
const UTC_DAY = '2026-12-07';
const ROOT = join(import.meta.dirname, '..');

/** Every calendar date written on a page or in a document, as YYYY-MM-DD (YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYY年M月D日). */
export function datesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)/g)) {
    out.push(`${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`);
  }
  return out;
}

function expectBeijingDates(where: string, text: string, mustShowToday = true): void {
  const dates = datesIn(text);
  expect(dates, `${where}: shows the UTC date ${UTC_DAY}`).not.toContain(UTC_DAY);
  if (mustShowToday) expect(dates, `${where}: shows the Beijing date ${BEIJING_DAY}`).toContain(BEIJING_DAY);
}

describeBrowser('dates are Beijing dates: server at 00:30 Beijing, browser in UTC (issue 16 §2)', () => {
  let ctx: AppContext;
  let dir: string;
  let baseUrl = '';
  let close: () => Promise<void>;
  let app: FastifyInstance;
  let world: World;
  let t: Team;
  let clock: FixedClock;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    dir = mkdtempSync(join(tmpdir(), 'banzi-e2e-dates-'));
    cpSync(join(ROOT, 'dist/client'), join(dir, 'client'), { recursive: true });
    const db = await createTestDatabase('sqlite', { sqliteFile: join(dir, 'banzi.db') });
    clock = new FixedClock(NOW);
    const config = {
      ...loadConfig({ BANZI_DATA_DIR: dir }, ROOT),
      database: db.url,
      clientDir: join(dir, 'client'),
      isDefaultDatabase: false,
      loginRateLimit: 1000,
    };
    ({ ctx } = await bootstrap(config, { handle: db.handle, clock, keyring: newKeyring() }));
    world = await seedWorld(ctx);
    app = await buildApp(ctx);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = async () => {
      await app.close();
      await db.drop();
    };
    t = await altayTeam({ app } as TestEnv);
    browser = await launchBrowser();
  });
  afterEach(async (c) => {
    if (c.task.result?.state !== 'fail') return;
    let i = 0;
    for (const bc of contexts) {
      for (const p of bc.pages()) console.log('failure screenshot:', await snap(p, `dates-fail-${i++}`));
    }
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Move the server's clock (same Beijing day) and log the API clients in again (sessions idle out after 30 minutes). */
  async function setClock(iso: string): Promise<void> {
    clock.set(iso);
    t = await altayTeam({ app } as TestEnv);
  }

  /** A browser in UTC whose clock stands where the server's does. */
  async function as(username: string): Promise<Page> {
    const bc = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'UTC',
      viewport: { width: 1440, height: 960 },
    });
    contexts.push(bc);
    await bc.clock.setFixedTime(clock.now());
    const page = await bc.newPage();
    await login(page, baseUrl, username, TEST_PASSWORD);
    return page;
  }

  /** The page's text and the values of its inputs (date pickers show their date in an input). */
  async function pageText(page: Page): Promise<string> {
    const body = await page.locator('body').innerText();
    const inputs = await page.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    return `${body}\n${inputs.join('\n')}`;
  }

  async function visit(page: Page, path: string, waitFor: string | RegExp): Promise<string> {
    await page.goto(`${baseUrl}${path}`);
    await page.getByText(waitFor).first().waitFor();
    await page.locator('.ant-spin-spinning, .ant-skeleton').first().waitFor({ state: 'detached' });
    return pageText(page);
  }

  /** The values of the date-time picker's two inputs. */
  async function pickerValues(page: Page): Promise<string[]> {
    const inputs = page.locator('.ant-picker-range input');
    await expect.poll(() => inputs.first().inputValue()).not.toBe('');
    return inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  }

  const title = '关于调整节假日值班安排的议题';
  let itemId = '';
  let meetingId = '';

  it('the item page shows the proposal date as the Beijing date', async () => {
    const cat = await catalogue(t.office, world.units.altay);
    itemId = await ordinaryItem(t, world, cat, title);
    const office = await as('altoffice');
    expectBeijingDates('item page', await visit(office, `/decisions/items/${itemId}`, title));
  });

  it('the schedule form proposes the Beijing date, and a meeting scheduled for it opens today', async () => {
    let office = await as('altoffice');
    await office.goto(`${baseUrl}/meetings`);
    await office.getByRole('button', { name: /安排会议/ }).click();
    await office.getByRole('dialog').waitFor();
    const dialog = await office
      .getByRole('dialog')
      .locator('input')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(dialog).toContain(BEIJING_DAY);
    expect(dialog).not.toContain(UTC_DAY);
    await office.keyboard.press('Escape');

    meetingId = ok<{ id: string }>(
      await t.office.post('/api/meetings', {
        unitId: world.units.altay,
        date: BEIJING_DAY,
        startTime: '00:20',
        location: '三楼会议室',
        recorderPersonId: world.people.altOffice,
      }),
      201,
    ).id;
    const meetingItemId = await addToAgenda(t, meetingId, itemId, 'named');
    ok(await t.office.post(`/api/meetings/${meetingId}/publish`));
    await attend(t, world, meetingId);
    ok(await t.office.post(`/api/meetings/${meetingId}/open`));
    ok(await t.office.post(`/api/meetings/items/${meetingItemId}/start-voting`));
    for (const c of [...t.m, t.sec]) ok(await vote(c, meetingItemId, 'agree'));
    ok(await t.office.post(`/api/meetings/items/${meetingItemId}/close-voting`));
    await setClock('2026-12-07T18:00:00.000Z'); // 02:00 Beijing
    ok(await t.office.post(`/api/meetings/${meetingId}/close`));
    ok(
      await t.office.put(`/api/meetings/${meetingId}/minutes`, {
        general: '会议研究了节假日值班安排。',
        items: [{ meetingItemId, discussion: [], dissent: '', headReason: '', decision: '同意。' }],
      }),
    );
    await setClock('2026-12-07T19:00:00.000Z'); // 03:00 Beijing
    ok(await t.sec.post(`/api/meetings/${meetingId}/minutes/approve`));

    office = await as('altoffice');
    expectBeijingDates('meetings list', await visit(office, '/meetings', /三楼会议室/));
    expectBeijingDates('meeting page', await visit(office, `/meetings/${meetingId}`, title));
    expectBeijingDates('decisions list', await visit(office, '/decisions', title));
    expectBeijingDates('item page after the decision', await visit(office, `/decisions/items/${itemId}`, title));
  });

  it('the 会议纪要 .docx is dated and issued on the Beijing date', async () => {
    const res = await t.office.get(`/api/meetings/${meetingId}/summary.docx`);
    expect(res.statusCode).toBe(200);
    const text = docxText(res.rawPayload);
    expect(text).toContain('2026年12月8日印发');
    expectBeijingDates('会议纪要 .docx', text);
  });

  it('a report submitted at 03:00 Beijing shows that date on its pages and in its .docx', async () => {
    const fam = await addFamily(ctx, world.people.altM1);
    const m1: HttpClient = await loginAs(app, 'altm1');
    const reportId = await submitAnnual(m1, '再娜甫·吾斯曼', 2026, fullItems(fam));
    const page = await as('altm1');
    expectBeijingDates('my reports', await visit(page, '/disclosures', /报告/));
    expectBeijingDates('report page', await visit(page, `/disclosures/reports/${reportId}`, /报告/));
    const res = await m1.get(`/api/disclosures/reports/${reportId}/export.docx`);
    expect(res.statusCode).toBe(200);
    expectBeijingDates('report .docx', docxText(res.rawPayload));
  });

  it('ballot sessions (console): the form, the list, the session page, the slips and the results', async () => {
    const body = await templateBody(t.office, world.units.altay, 'team_evaluation', {
      opensAt: '2026-12-07T19:00:00.000Z', // 03:00 Beijing
      closesAt: '2026-12-07T23:00:00.000Z', // 07:00 Beijing
    });
    const created = await t.office.post('/api/ballots/sessions', body);
    expect(created.statusCode, created.body).toBe(201);
    const sessionId = created.json<{ id: string }>().id;
    const office = await as('altoffice');

    // The form shows the window in Beijing time and saves it back unchanged.
    await office.goto(`${baseUrl}/ballots/${sessionId}/edit`);
    expect(await pickerValues(office)).toEqual(['2026-12-08 03:00', '2026-12-08 07:00']);
    await office.getByRole('button', { name: /保\s*存/ }).click();
    await office.waitForURL(new RegExp(`/ballots/${sessionId}$`));
    const saved = ok<{ opensAt: string; closesAt: string }>(await t.office.get(`/api/ballots/sessions/${sessionId}`));
    expect([saved.opensAt, saved.closesAt]).toEqual([body.opensAt, body.closesAt]);
    // A new session proposes now (the clock stands at 03:00 Beijing) to three hours later.
    await office.goto(`${baseUrl}/ballots/new`);
    await office.getByRole('button', { name: /载入模板/ }).click();
    expect(await pickerValues(office)).toEqual(['2026-12-08 03:00', '2026-12-08 06:00']);

    const slips = await t.office.post(`/api/ballots/sessions/${sessionId}/codes`, { category: 'team', count: 5 });
    expect(slips.statusCode, slips.body).toBe(200);
    expectBeijingDates('测评码 slips .docx', docxText(slips.rawPayload));
    ok(await t.office.post(`/api/ballots/sessions/${sessionId}/open`));
    expectBeijingDates('sessions list', await visit(office, '/ballots', body.title));
    expectBeijingDates('session page', await visit(office, `/ballots/${sessionId}`, body.title));
    await setClock('2026-12-07T23:30:00.000Z'); // 07:30 Beijing
    ok(await t.office.post(`/api/ballots/sessions/${sessionId}/close`));
    const res = await t.office.get(`/api/ballots/sessions/${sessionId}/results.docx`);
    expect(res.statusCode).toBe(200);
    expectBeijingDates('results .docx', docxText(res.rawPayload));
    const rs = await as('rs');
    expectBeijingDates('grades page', await visit(rs, '/assessments', /考核/), false);
  });
});
