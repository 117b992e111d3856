/**
 * The notice of a drawn spot check (.docx, issue 16 §4): only the personnel office that ran the
 * draw exports it (401/403/404, a draw not yet drawn is refused), it opens in LibreOffice and
 * holds the year, the list size, the commitment, the public value, the people drawn with their
 * posts and how to verify; the export is audited.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './app.js';
import { draw, sharedDraw } from './access/disclosures.fixtures.js';
import { AccessWorld } from './access/world.js';
import { describeEachDialect } from './db.js';
import { convertedText, documentChecksSkipped } from './pdf-text.js';

describeEachDialect('the spot-check draw notice', (dialect) => {
  let env: TestEnv;
  let w: AccessWorld;
  let drawId = '';
  const url = (id: string) => `/api/disclosures/draws/${id}/notice.docx`;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await AccessWorld.create(env);
    drawId = await sharedDraw(w, 'in', 'drawn');
    await env.ctx.db
      .insertInto('person_posts')
      .values({
        id: 'post-notice-1',
        person_id: w.people.altSec,
        unit_id: w.units.altay,
        title: '阿勒泰海关关长',
        is_leading: 1,
        start_date: '2020-01-01',
        end_date: null,
        created_at: '2020-01-01T00:00:00Z',
      })
      .execute();
  });
  afterAll(() => env.close());

  it('refuses without a session (401), a reader who did not run the draw (403), a stranger (404)', async () => {
    expect((await env.app.inject({ method: 'GET', url: url(drawId) })).statusCode).toBe(401);
    expect((await w.c('jj').get(url(drawId))).statusCode).toBe(403); // discipline office: sees the draw
    expect((await w.c('altsec').get(url(drawId))).statusCode).toBe(403); // on the list: sees the draw
    expect((await w.c('auditor').get(url(drawId))).statusCode).toBe(403);
    expect((await w.c('ursec').get(url(drawId))).statusCode).toBe(404);
    expect((await w.c('rs').get(url(await sharedDraw(w, 'out', 'drawn')))).statusCode).toBe(404);
    expect((await w.c('rs').get(url('00000000-0000-7000-8000-000000000000'))).statusCode).toBe(404);
    expect((await w.c('rs').get(url(await draw(w, 'in', 'published')))).statusCode).toBe(409);
  });

  it.skipIf(documentChecksSkipped() !== null)(
    'opens in LibreOffice with the draw facts, the people drawn and how to verify, and is audited',
    async () => {
      const before = await env.ctx.db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'disclosures.draw_notice_exported')
        .execute();
      const res = await w.c('rs').get(url(drawId));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const file = (await w.c('rs').get(`/api/disclosures/draws/${drawId}/file.json`)).json<{
        year: number;
        commitment: string;
        publicValue: string;
        eligible: { id: string; name: string }[];
        selected: string[];
      }>();
      const dir = mkdtempSync(join(tmpdir(), 'banzi-notice-'));
      writeFileSync(join(dir, 'notice.docx'), res.rawPayload);
      const text = convertedText(join(dir, 'notice.docx'), dir).replace(/\s+/g, '');
      expect(text).toContain(`${file.year}年度领导干部个人有关事项报告随机抽查结果通知`);
      expect(text).toContain(`${file.eligible.length}人`);
      expect(text).toContain(file.commitment);
      expect(text).toContain(file.publicValue.replace(/\s+/g, ''));
      expect(file.selected.length).toBeGreaterThan(0);
      for (const id of file.selected) expect(text).toContain(file.eligible.find((e) => e.id === id)!.name);
      expect(text).toContain('阿勒泰海关关长');
      expect(text).toContain('如何验证');
      expect(text).toContain('抽查验证');
      const after = await env.ctx.db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'disclosures.draw_notice_exported')
        .execute();
      expect(after.length).toBe(before.length + 1);
    },
  );
});
