/**
 * Browser journey (issue 5): a reporter fills the year's report (a negative area is refused with
 * the field named), signs and submits it; the personnel office above prepares, publishes and
 * draws a spot check with a public value, downloads the JSON and recomputes it with the published
 * function; it opens a targeted check of the reporter, enters what the registry showed, and sees
 * the item classified as an omission with the reason; the case is decided; the reporter sees who
 * read the report.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyDrawFile } from '../src/server/modules/disclosures/disclosures.draw.js';
import { describeBrowser, launchBrowser, login, snap, startServer, type E2EServer } from './harness.js';

describeBrowser('disclosures: report -> draw -> check -> classification', () => {
  let server: E2EServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let reporterName = '';
  let year = 0;

  async function as(username: string): Promise<Page> {
    const ctx = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    contexts.push(ctx);
    const page = await ctx.newPage();
    await login(page, server.baseUrl, username);
    return page;
  }
  const dialog = (p: Page) => p.locator('.ant-modal:visible');
  const card = (p: Page, title: string | RegExp) =>
    p.locator('.ant-card').filter({ has: p.locator('.ant-card-head-title', { hasText: title }) });
  /** Pick an option of a Select by keyboard (antd's dropdown animates; keys are steadier than clicks). */
  const choose = async (p: Page, scope: ReturnType<Page['locator']>, option: string) => {
    const current = () => scope.locator('.ant-select-content, .ant-select-selection-item').first().innerText();
    if ((await current()).includes(option)) return;
    await scope.locator('.ant-select').click();
    const dropdown = p.locator('.ant-select-dropdown:visible').last();
    await dropdown.waitFor();
    for (
      let i = 0;
      i < 6 && (await dropdown.locator('.ant-select-item-option-active').innerText()).trim() !== option;
      i++
    ) {
      await p.keyboard.press('ArrowDown');
    }
    await p.keyboard.press('Enter');
    await expect.poll(current, { timeout: 20_000 }).toContain(option);
  };
  const confirmPop = (p: Page) =>
    p
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('the reporter fills the report, is refused a negative area with the field named, signs and submits', async () => {
    const p = await as('alt-chengyuan6');
    await p.goto(`${server.baseUrl}/disclosures`);
    const open = p.getByRole('button', { name: /打开 \d+ 年度报告/ });
    await open.waitFor();
    year = Number(/(\d{4})/.exec(await open.innerText())?.[1]);
    await open.click();
    await p.waitForURL(/\/disclosures\/reports\//);
    const title = p.getByRole('heading', { name: / · \d{4} 年度个人有关事项报告/ });
    await title.waitFor();
    reporterName = (/^(.+?) · /.exec(await title.innerText()) ?? [])[1] ?? '';
    expect(reporterName).not.toBe('');
    const housing = card(p, /^11\./);
    const area = housing.getByLabel('面积（㎡）').first();
    await area.fill('-20');
    await p.getByRole('button', { name: /保存草稿/ }).click();
    await expect.poll(() => housing.getByText('面积应大于 0').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await area.fill('96.5');
    await p.getByRole('button', { name: /保存草稿/ }).click();
    await expect.poll(() => p.getByText('已保存').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await snap(p, 'e2e-disc-draft');
    await p.getByRole('button', { name: /签名并提交/ }).click();
    await dialog(p).getByRole('checkbox').check();
    await dialog(p).getByLabel('签名').fill(reporterName);
    await dialog(p)
      .getByRole('button', { name: /提\s*交/ })
      .click();
    await expect.poll(() => p.getByText('内容摘要（SM3）').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const docx = await p.request.get(
      `${server.baseUrl}${(await p.getByRole('link', { name: /导出报告表/ }).getAttribute('href')) ?? ''}`,
    );
    expect(docx.status()).toBe(200);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    await snap(p, 'e2e-disc-submitted');
  });

  it('the office above commits, publishes and draws; the downloaded JSON recomputes to the same selection', async () => {
    const p = await as('wlmq-renshi');
    await p.goto(`${server.baseUrl}/disclosures/draws`);
    await p.getByRole('button', { name: /准备年度抽查/ }).click();
    await choose(p, dialog(p).locator('.ant-form-item').filter({ hasText: '年度' }), `${year - 1} 年度`);
    await dialog(p)
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await p.waitForURL(/\/disclosures\/draws\/[^/]+$/);
    const commitment = await p.getByTestId('draw-commitment').innerText();
    expect(commitment.trim()).toMatch(/^[0-9a-f]{64}$/);
    await p.getByRole('button', { name: /公布名单与承诺值/ }).click();
    await confirmPop(p);
    await p.getByLabel('公开随机值').fill(`${year - 1} 年度抽查 见证人报数 27 04 19 88`);
    await p.getByRole('button', { name: /抽\s*取$/ }).click();
    await confirmPop(p);
    await expect.poll(() => p.getByText('种子（已公开）').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const shown = await p
      .locator('.ant-card')
      .filter({ hasText: '抽取结果' })
      .locator('tbody tr.ant-table-row')
      .count();
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('link', { name: /下载验证文件/ }).click(),
    ]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as { commitment: string; selected: string[] };
    expect(file.commitment).toBe(commitment.trim());
    expect(file.selected).toHaveLength(shown);
    expect(verifyDrawFile(file)).toMatchObject({ ok: true, problems: [] });
    await p.getByRole('button', { name: /复算验证/ }).click();
    await expect
      .poll(() => p.locator('.ant-tag').filter({ hasText: /^一致/ }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await snap(p, 'e2e-disc-draw');
  });

  it('the office opens a targeted check, enters the registry results and sees an omission with its reason', async () => {
    const p = await as('wlmq-renshi');
    await p.goto(`${server.baseUrl}/disclosures/checks`);
    await p.getByRole('button', { name: /新增重点抽查/ }).click();
    const person = dialog(p).locator('.ant-form-item').filter({ hasText: '姓名' }).locator('.ant-select');
    await person.click();
    await p.keyboard.type(reporterName);
    await p
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: reporterName })
      .first()
      .click();
    await expect.poll(() => person.innerText(), { timeout: 20_000 }).toContain(reporterName);
    await choose(p, dialog(p).locator('.ant-form-item').filter({ hasText: '年度' }), `${year} 年度`);
    await dialog(p).locator('textarea').fill('群众来信反映住房面积与报告不符');
    await dialog(p)
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await p.waitForURL(/\/disclosures\/checks\/[^/]+$/);
    const housing = card(p, /^11\./);
    await housing.getByRole('checkbox', { name: '已查核本项' }).check();
    await housing.getByLabel('面积（㎡）').first().fill('118.2');
    await card(p, /^1\./).getByRole('checkbox', { name: '已查核本项' }).check();
    await p.getByRole('button', { name: /录入并认定/ }).click();
    await expect.poll(() => p.getByRole('tab', { name: '逐项认定' }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const row = p.locator('tr').filter({ hasText: '11. 本人、配偶' });
    await expect.poll(() => row.innerText(), { timeout: 20_000 }).toContain('漏报');
    expect(await row.innerText()).toContain('少报面积');
    expect(await p.locator('tr').filter({ hasText: '1. 本人婚姻情况' }).innerText()).toContain('一致');
    await expect.poll(() => p.getByText('PM-08').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await snap(p, 'e2e-disc-check');

    await p.goto(`${server.baseUrl}/disclosures/cases`);
    const caseRow = p.locator('tr').filter({ hasText: reporterName }).filter({ hasText: '漏报' });
    await caseRow.getByRole('button', { name: /处\s*理/ }).click();
    await dialog(p).locator('.ant-form-item').filter({ hasText: '处理措施' }).locator('.ant-select').click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '批评教育' }).click();
    // Close the dropdown by clicking the title (Escape would close the dialog itself).
    await dialog(p).locator('.ant-modal-title').click();
    await expect
      .poll(() => dialog(p).locator('.ant-select-selection-item, .ant-select-selection-overflow').first().innerText(), {
        timeout: 20_000,
      })
      .toContain('批评教育');
    await dialog(p)
      .getByRole('button', { name: /提\s*交/ })
      .click();
    await expect.poll(() => caseRow.innerText(), { timeout: 20_000 }).toContain('已决定');
  });

  it('the reporter sees who read the report', async () => {
    const p = await as('alt-chengyuan6');
    await p.goto(`${server.baseUrl}/disclosures`);
    const reads = card(p, /查阅记录/);
    await expect
      .poll(() => reads.locator('tr').filter({ hasText: '查核比对' }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await reads.innerText()).toContain('王梦瑶');
  });
});
