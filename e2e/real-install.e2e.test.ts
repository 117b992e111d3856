/**
 * A real installation in the browser (issue 16 §1): the root's personnel office, on a system set
 * up without demo data, sees the first-run checklist, downloads the template, uploads a file with
 * mistakes (the preview lists each by sheet, row, column and reason, and nothing is written), then
 * a correct one, previews it and confirms; the system admin then requests the new people's accounts
 * as one batch and takes the first halves, the security admin confirms the whole batch and takes the
 * second halves, and the holder activates with both.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { cliCreateAdmin } from '../src/server/modules/accounts/accounts.cli.js';
import { importUnitsFile } from '../src/server/modules/orgs/import/import.service.js';
import { createRootUnit } from '../src/server/modules/orgs/root.service.js';
import { readHalves } from '../test/account-batches-helpers.js';
import { TEST_PASSWORD } from '../test/app.js';
import { makeIdNumber } from '../test/fixtures.js';
import { addAccount, districtSheets, filledTemplate } from '../test/import-helpers.js';
import { describeBrowser, ensureClientBuilt, launchBrowser, login, snap } from './harness.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = { actorUserId: null, actorName: 'cli', requestId: null };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeBrowser('a real installation: the personnel office imports in the browser (issue 16 §1)', () => {
  let dir: string;
  let ctx: AppContext;
  let baseUrl = '';
  let close: () => Promise<void>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureClientBuilt();
    dir = mkdtempSync(join(tmpdir(), 'banzi-e2e-install-'));
    cpSync(join(ROOT, 'dist/client'), join(dir, 'client'), { recursive: true });
    const config = {
      ...loadConfig({ BANZI_DATA_DIR: dir }, ROOT),
      clientDir: join(dir, 'client'),
      loginRateLimit: 1000,
    };
    ({ ctx } = await bootstrap(config));
    await createRootUnit(ctx, CLI, { code: '6500', name: '乌鲁木齐海关', level: 'direct', organType: 'party_group' });
    const r = await importUnitsFile(
      ctx,
      { actor: CLI, scope: { kind: 'server' } },
      await filledTemplate(districtSheets()),
      {
        dryRun: false,
      },
    );
    if (r.errors.length) throw new Error(JSON.stringify(r.errors));
    const malina = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('name', '=', '马丽娜')
      .executeTakeFirstOrThrow();
    const root = await ctx.db.selectFrom('units').select('id').where('code', '=', '6500').executeTakeFirstOrThrow();
    await addAccount(ctx, 'malina', malina.id, [['personnel', root.id]]);
    for (const [username, adminRole] of [
      ['sysadmin', 'system_admin'],
      ['secadmin', 'security_admin'],
    ] as const) {
      await cliCreateAdmin(ctx, { username, displayName: username, adminRole, password: TEST_PASSWORD });
    }
    const app = await buildApp(ctx);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = async () => {
      await app.close();
      await ctx.handle.close();
    };
    browser = await launchBrowser();
    const bc = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 960 },
    });
    page = await bc.newPage();
    await login(page, baseUrl, 'malina', TEST_PASSWORD);
  });
  afterEach(async (c) => {
    if (c.task.result?.state === 'fail') console.log('failure screenshot:', await snap(page, 'install-fail'));
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the first-run checklist shows what is done and what is left', async () => {
    await page.getByRole('link', { name: '首次使用检查' }).click();
    await page.waitForURL(/\/setup$/);
    const item = (key: string) => page.locator(`[data-key="${key}"]`);
    await expect.poll(() => item('units').innerText()).toContain('已完成');
    expect(await item('teams').innerText()).toContain('已完成');
    expect(await item('people').innerText()).toContain('已完成');
    expect(await item('publicUrl').innerText()).toContain('BANZI_PUBLIC_URL');
    expect(await item('publicUrl').innerText()).toContain('待办');
    console.log('checklist:', await snap(page, 'install-checklist'));
  });

  it('a file with mistakes shows each error by sheet, row and column, and writes nothing', async () => {
    await page.goto(`${baseUrl}/orgs/import`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('下载模板').click()]);
    expect(download.suggestedFilename()).toBe('班子导入模板.xlsx');
    const bad = await filledTemplate({
      单位: [{ 单位代码: '6503', 单位名称: '塔城海关', 上级单位代码: '9999', 层级: '隶属海关', 党组织类型: '党组' }],
      人员: [{ 身份证号: '659901198001011234', 姓名: '校验错', 民族: '汉族', 政治面貌: '群众', 所在单位代码: '6501' }],
    });
    await page.locator('input[type=file]').setInputFiles({ name: '有错.xlsx', mimeType: XLSX, buffer: bad });
    await page.getByText('发现 2 处错误').waitFor();
    const table = await page.locator('.ant-table').innerText();
    expect(table).toContain('上级单位代码 9999 在本文件和系统中都不存在');
    expect(table).toMatch(/人员\s+2\s+身份证号\s+身份证号校验码错误/);
    expect(await page.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);
    console.log('errors:', await snap(page, 'install-errors'));
    expect(await ctx.db.selectFrom('units').select('id').where('code', '=', '6503').executeTakeFirst()).toBeUndefined();
  });

  it('a correct file is previewed, then written on confirmation', async () => {
    const good = await filledTemplate({
      单位: [{ 单位代码: '6503', 单位名称: '塔城海关', 上级单位代码: '6500', 层级: '隶属海关', 党组织类型: '党组' }],
      人员: [
        {
          身份证号: makeIdNumber('1975-05-05', 'M', 61),
          姓名: '塔城关长',
          民族: '汉族',
          政治面貌: '中共党员',
          入党时间: '1998-07-01',
          所在单位代码: '6503',
          现任职务: '关长',
          任现职务时间: '2026-03-01',
        },
      ],
      班子成员: [
        {
          单位代码: '6503',
          身份证号: makeIdNumber('1975-05-05', 'M', 61),
          班子职务: '书记',
          行政职务: '关长',
          任职开始日期: '2026-03-01',
        },
      ],
    });
    await page.locator('input[type=file]').setInputFiles({ name: '塔城.xlsx', mimeType: XLSX, buffer: good });
    await page.getByText(/预览：将新增单位 1 个/).waitFor();
    expect(await page.locator('.ant-table').innerText()).toContain('新增单位 塔城海关（6503）');
    expect(await ctx.db.selectFrom('units').select('id').where('code', '=', '6503').executeTakeFirst()).toBeUndefined();
    await page.getByRole('button', { name: /确认导入/ }).click();
    await page.getByText(/已导入：新增单位 1 个/).waitFor();
    console.log('imported:', await snap(page, 'install-imported'));
    expect(await ctx.db.selectFrom('units').select('id').where('code', '=', '6503').executeTakeFirst()).toBeDefined();
    await page.getByText(/安全管理员整批确认/).waitFor();
    await page.goto(`${baseUrl}/orgs`);
    await page.getByText('塔城海关').first().waitFor();
  });

  it('the new people get accounts as one batch: two admins, one half each, taken once', async () => {
    const admin = async (username: string) => {
      const p = await browser.newPage({ viewport: { width: 1440, height: 960 } });
      await login(p, baseUrl, username, TEST_PASSWORD);
      await p.goto(`${baseUrl}/admin/requests`);
      await p.getByText('批量开设账户（导入的人员）').waitFor();
      return p;
    };
    const take = async (p: Page, button: RegExp) => {
      const [file] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: button }).click()]);
      return readHalves(readFileSync((await file.path()) ?? ''));
    };
    const sys = await admin('sysadmin');
    await sys.locator('.ant-select', { hasText: '选择单位' }).click();
    await sys
      .locator('.ant-select-tree-title', { hasText: /^塔城海关$/ })
      .first()
      .click();
    await sys.getByRole('button', { name: '申请批量开设' }).click();
    await sys.getByRole('dialog').getByText('6503.001').waitFor();
    await sys.keyboard.press('Escape');
    const first = await take(sys, /下载第 1 段激活码/);
    expect(first.map((l) => [l.name, l.username])).toEqual([['塔城关长', '6503.001']]);
    const sec = await admin('secadmin');
    await sec.getByRole('button', { name: '确认并下载第 2 段' }).click();
    const [file] = await Promise.all([
      sec.waitForEvent('download'),
      sec
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click(),
    ]);
    const second = await readHalves(readFileSync((await file.path()) ?? ''));
    await sec.getByText('开设 1，跳过 0').waitFor();
    console.log('batch confirmed:', await snap(sec, 'install-batch-confirmed'));

    const holder = await browser.newPage();
    await holder.goto(`${baseUrl}/login`);
    const res = await holder.evaluate(
      async ([code]) => {
        const s = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
        const r = await fetch('/api/auth/activate', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrfToken },
          body: JSON.stringify({ username: '6503.001', code, newPassword: 'Tacheng-Passw0rd-1' }),
        });
        return r.status;
      },
      [`${first[0]?.code ?? ''}${second[0]?.code ?? ''}`],
    );
    expect(res).toBe(200);
  });
});
