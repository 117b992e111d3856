/**
 * Exports of 集体决策, 违规检测 and 审计日志 (issue 16 §4): 401/403/404, the caller's scope (another
 * unit's rows are never in the file), the page's filters, Chinese headers, Beijing dates, read
 * back with exceljs and opened by LibreOffice, and each export audited.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateIn } from '../src/common/time.js';
import { createTestEnv, type TestEnv } from './app.js';
import { outsideDecision } from './access/meetings.fixtures.js';
import { AccessWorld } from './access/world.js';
import { describeEachDialect } from './db.js';
import { readExport } from './exports-helpers.js';
import { convertedText, documentChecksSkipped } from './pdf-text.js';

describeEachDialect('exports of the list pages', (dialect) => {
  let env: TestEnv;
  let w: AccessWorld;
  let altTitle = '';
  let khTitle = '';

  const titleOf = async (id: string) =>
    (await env.ctx.db.selectFrom('agenda_items').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await AccessWorld.create(env);
    altTitle = await titleOf(await outsideDecision(w, 'in'));
    khTitle = await titleOf(await outsideDecision(w, 'out'));
  });
  afterAll(() => env.close());

  const anon = (url: string) => env.app.inject({ method: 'GET', url });
  const auditCount = async (action: string) =>
    Number(
      (
        await env.ctx.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('集体决策', () => {
    const url = (unitId: string, extra = '') => `/api/decisions/export.xlsx?unitId=${unitId}${extra}`;

    it('refuses without a session (401), a role without read (403), an admin (403), another unit (404)', async () => {
      expect((await anon(url(w.unit('in')))).statusCode).toBe(401);
      expect((await w.c('altstaff').get(url(w.unit('in')))).statusCode).toBe(403);
      expect((await w.c('auditor').get(url(w.unit('in')))).statusCode).toBe(403);
      expect((await w.c('khsec').get(url(w.unit('in')))).statusCode).toBe(404);
      expect((await w.c('altoffice').get(url(w.unit('out')))).statusCode).toBe(404);
      expect((await w.c('altoffice').get(url(w.unit('in'), '&year=1999'))).statusCode).toBe(400);
    });

    it('holds the unit decisions only, with Chinese headers and the Beijing decision date, and is audited', async () => {
      const before = await auditCount('decisions.list_exported');
      const sheet = await readExport(await w.c('altoffice').get(url(w.unit('in'))));
      expect(sheet.title).toBe('阿勒泰海关集体决策事项清单');
      expect(sheet.headers.slice(0, 7)).toEqual(['序号', '决定日期', '事项', '类型', '“三重一大”', '决定方式', '结果']);
      const titles = sheet.rows.map((r) => r[2]);
      expect(titles).toContain(altTitle);
      expect(titles).not.toContain(khTitle);
      const row = sheet.rows.find((r) => r[2] === altTitle)!;
      expect(row[1]).toBe('2026-05-20');
      expect(row[4]).toBe('大额资金使用');
      expect(row[5]).toBe('会外登记（未经会议）');
      expect(await auditCount('decisions.list_exported')).toBe(before + 1);
    });

    it('honours the page filters and says which were applied', async () => {
      const none = await readExport(await w.c('altoffice').get(url(w.unit('in'), '&year=2025')));
      expect(none.rows).toEqual([]);
      expect(none.filters).toContain('年度：2025');
      const q = encodeURIComponent(altTitle.slice(-4));
      const found = await readExport(
        await w.c('altoffice').get(url(w.unit('in'), `&year=2026&tzyd=large_fund&q=${q}`)),
      );
      expect(found.rows.map((r) => r[2])).toEqual([altTitle]);
      expect(found.filters).toContain('“三重一大”：大额资金使用');
    });

    it.skipIf(documentChecksSkipped() !== null)('opens in LibreOffice', async () => {
      const res = await w.c('altoffice').get(url(w.unit('in')));
      const dir = mkdtempSync(join(tmpdir(), 'banzi-xlsx-'));
      writeFileSync(join(dir, 'decisions.xlsx'), res.rawPayload);
      const text = convertedText(join(dir, 'decisions.xlsx'), dir);
      expect(text).toContain('阿勒泰海关集体决策事项清单');
      expect(text).toContain(altTitle);
    });
  });

  describe('违规检测', () => {
    const url = (unitId: string, extra = '') => `/api/decisions/violations/export.xlsx?unitId=${unitId}${extra}`;

    it('refuses without a session (401), an admin or staff (403), another unit (404)', async () => {
      expect((await anon(url(w.unit('in')))).statusCode).toBe(401);
      expect((await w.c('auditor').get(url(w.unit('in')))).statusCode).toBe(403);
      expect((await w.c('altstaff').get(url(w.unit('in')))).statusCode).toBe(403);
      // the units below are summed up for the personnel and discipline offices only
      expect((await w.c('altoffice').get(url(w.unit('in'), '&scope=below'))).statusCode).toBe(403);
      expect((await w.c('khsec').get(url(w.unit('in')))).statusCode).toBe(404);
      expect((await w.c('khsec').get(url(w.world.units.urumqi, '&scope=below'))).statusCode).toBe(404);
    });

    it('lists the unit findings with their rules, never another unit, and is audited', async () => {
      const before = await auditCount('decisions.violations_exported');
      const sheet = await readExport(await w.c('altoffice').get(url(w.unit('in'))));
      expect(sheet.headers).toEqual(['序号', '日期', '单位', '规则', '情形', '事项', '发现', '依据']);
      expect(sheet.rows.length).toBeGreaterThan(0);
      expect(new Set(sheet.rows.map((r) => r[2]))).toEqual(new Set(['阿勒泰海关']));
      const mine = sheet.rows.find((r) => r[5]?.includes(altTitle));
      expect(mine?.[1]).toBe('2026-05-20');
      expect(mine?.[3]).toMatch(/^[A-Z]{2}-\d{2}$/);
      expect(sheet.rows.some((r) => r.join('').includes(khTitle))).toBe(false);
      expect(await auditCount('decisions.violations_exported')).toBe(before + 1);
    });

    it('for the office above: every managed unit, or the one unit chosen on the page', async () => {
      const all = await readExport(await w.c('rs').get(url(w.world.units.urumqi, '&scope=below')));
      expect(new Set(all.rows.map((r) => r[2]))).toEqual(new Set(['阿勒泰海关', '霍尔果斯海关']));
      const one = await readExport(
        await w.c('rs').get(url(w.world.units.urumqi, `&scope=below&violationUnitId=${w.unit('out')}`)),
      );
      expect(one.rows.length).toBeGreaterThan(0);
      expect(new Set(one.rows.map((r) => r[2]))).toEqual(new Set(['霍尔果斯海关']));
      expect(one.filters).toContain('单位：霍尔果斯海关');
      const later = await readExport(await w.c('rs').get(url(w.world.units.urumqi, '&scope=below&from=2026-06-01')));
      expect(later.rows.filter((r) => r[5]?.includes(altTitle))).toEqual([]);
    });
  });

  describe('审计日志', () => {
    const url = (extra = '') => `/api/audit/events/export.xlsx?pageSize=9${extra}`;

    it('is for the auditor only: 401 without a session, 403 for any other account', async () => {
      expect((await anon(url())).statusCode).toBe(401);
      for (const who of ['sysadmin', 'secadmin', 'rs', 'altoffice']) {
        expect((await w.c(who).get(url())).statusCode, who).toBe(403);
      }
    });

    it('holds the filtered events with Beijing dates and Chinese action names, and is audited itself', async () => {
      await w.c('altoffice').get(`/api/decisions/export.xlsx?unitId=${w.unit('in')}`);
      const sheet = await readExport(await w.c('auditor').get(url('&action=decisions.list_exported')));
      expect(sheet.headers.slice(0, 7)).toEqual([
        '序号',
        '日期',
        '时间（北京时间）',
        '人员',
        '单位',
        '操作',
        '操作代码',
      ]);
      expect(sheet.rows.length).toBeGreaterThan(0);
      expect(new Set(sheet.rows.map((r) => r[6]))).toEqual(new Set(['decisions.list_exported']));
      expect(new Set(sheet.rows.map((r) => r[5]))).toEqual(new Set(['导出决定事项清单']));
      const events = await env.ctx.db
        .selectFrom('audit_events')
        .select(['seq', 'at'])
        .where('action', '=', 'decisions.list_exported')
        .execute();
      for (const e of events) {
        const row = sheet.rows.find((r) => r[0] === String(e.seq));
        expect(row?.[1]).toBe(dateIn(new Date(e.at)));
      }
      expect(sheet.filters).toContain('操作：导出决定事项清单 decisions.list_exported');
      const before = await auditCount('audit.exported');
      await w.c('auditor').get(url());
      expect(await auditCount('audit.exported')).toBe(before + 1);
    });

    it('a date range with nothing in it gives the headers and no rows', async () => {
      const sheet = await readExport(await w.c('auditor').get(url('&from=2001-01-01&to=2001-01-02')));
      expect(sheet.rows).toEqual([]);
      expect(sheet.headers[0]).toBe('序号');
    });
  });
});
