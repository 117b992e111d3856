/**
 * Browser journey (issue 16 §4): a reviewer who cannot run the CLI opens 抽查验证, chooses the
 * downloaded draw file, and the browser recomputes the draw: the demo's real file passes, a file
 * whose selection was changed fails with the reason, and so does one that is not JSON.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, login, snap, startServer, type E2EServer } from './harness.js';

describeBrowser('draw verification in the browser', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'banzi-draw-verify-'));
  const files: Record<'good' | 'tampered' | 'broken', string> = { good: '', tampered: '', broken: '' };
  let selectedNames: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // The personnel office that ran the demo's draw downloads its file, as the draw page offers it.
    const office = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const officePage = await office.newPage();
    await login(officePage, server.baseUrl, 'wlmq-renshi');
    const draw = await server.ctx.db
      .selectFrom('disclosure_draws')
      .select('id')
      .where('status', '=', 'drawn')
      .executeTakeFirstOrThrow();
    const res = await officePage.request.get(`${server.baseUrl}/api/disclosures/draws/${draw.id}/file.json`);
    expect(res.status()).toBe(200);
    const file = (await res.json()) as { selected: string[]; eligible: { id: string; name: string }[] };
    expect(file.selected.length).toBeGreaterThan(0);
    selectedNames = file.selected.map((id) => file.eligible.find((e) => e.id === id)!.name);
    const outsider = file.eligible.find((e) => !file.selected.includes(e.id))!;
    files.good = join(dir, 'draw-good.json');
    writeFileSync(files.good, JSON.stringify(file, null, 2));
    files.tampered = join(dir, 'draw-tampered.json');
    writeFileSync(files.tampered, JSON.stringify({ ...file, selected: [outsider.id, ...file.selected.slice(1)] }));
    files.broken = join(dir, 'draw-broken.json');
    writeFileSync(files.broken, '{"format": "banzi-disclosure-draw/1", ');
    await office.close();
    // Any signed-in reviewer may verify: here a team member who has no part in the draw.
    const ctx = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 900 },
    });
    page = await ctx.newPage();
    await login(page, server.baseUrl, 'alt-chengyuan');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const result = () => page.getByTestId('draw-verify-result');
  const choose = async (path: string) => {
    await page.locator('input[type=file]').setInputFiles(path);
  };

  it('passes the file the draw page offers and lists the people drawn', async () => {
    await page.goto(`${server.baseUrl}/disclosures/verify`);
    await expect.poll(() => page.getByText('选择或拖入验证文件').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await choose(files.good);
    await expect
      .poll(
        () =>
          result()
            .getByText(/^验证通过/)
            .count(),
        { timeout: 20_000 },
      )
      .toBe(1);
    const text = await result().innerText();
    for (const name of selectedNames) expect(text).toContain(name);
    expect(text).toContain('draw-good.json');
    await snap(page, 'e2e-draw-verify-ok');
  });

  it('fails a file whose selection was changed, saying why', async () => {
    await choose(files.tampered);
    await expect.poll(() => result().getByText('验证未通过').count(), { timeout: 20_000 }).toBe(1);
    expect(await result().innerText()).toContain('重新计算的抽取结果与文件记载不符');
    expect(
      await result()
        .getByText(/^验证通过/)
        .count(),
    ).toBe(0);
    await snap(page, 'e2e-draw-verify-tampered');
  });

  it('fits a 360 px phone: the long hex values wrap inside the page', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await choose(files.good);
    await expect
      .poll(
        () =>
          result()
            .getByText(/^验证通过/)
            .count(),
        { timeout: 20_000 },
      )
      .toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await snap(page, 'e2e-draw-verify-phone');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('fails a file that is not JSON', async () => {
    await choose(files.broken);
    await expect
      .poll(
        () =>
          result()
            .getByText(/文件不是有效的 JSON/)
            .count(),
        { timeout: 20_000 },
      )
      .toBe(1);
  });
});
