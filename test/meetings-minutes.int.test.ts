/**
 * Minutes (PG-12, ZD-07): written by the recorder or the office, approved by the secretary, then
 * locked (also by the database); corrections are new versions. The 会议纪要 .docx converts with
 * LibreOffice and the PDF holds the text. Votes are append-only in the database (ZD-10).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import {
  addToAgenda,
  altayTeam,
  attend,
  catalogue,
  ok,
  ordinaryItem,
  schedule,
  vote,
  type Team,
} from './meetings-helpers.js';
import { convertedText, documentChecksSkipped } from './pdf-text.js';

describeEachDialect('meetings: minutes, corrections and the 会议纪要', (dialect) => {
  let env: TestEnv;
  let world: World;
  let t: Team;
  let meetingId: string;
  let itemId: string;
  let agendaId: string;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    t = await altayTeam(env);
    const cat = await catalogue(t.office, world.units.altay);
    agendaId = await ordinaryItem(t, world, cat, '关于加强旅检现场管理的议题');
    meetingId = await schedule(t, world, '2026-06-08', { startTime: '16:00' });
    itemId = await addToAgenda(t, meetingId, agendaId, 'named');
    ok(await t.office.post(`/api/meetings/${meetingId}/publish`));
    await attend(t, world, meetingId);
    ok(await t.office.post(`/api/meetings/${meetingId}/open`));
    ok(await t.office.post(`/api/meetings/items/${itemId}/start-voting`));
    for (const [i, ch] of [
      [0, 'agree'],
      [1, 'agree'],
      [2, 'agree'],
      [3, 'disagree'],
    ] as const) {
      ok(await vote(t.m[i]!, itemId, ch));
    }
    ok(await vote(t.sec, itemId, 'disagree'));
    ok(await t.office.post(`/api/meetings/items/${itemId}/close-voting`));
  });
  afterAll(() => env.close());

  const content = (headReason = '', dissent = '') => ({
    general: '会议传达学习了海关总署有关会议精神。',
    items: [
      {
        meetingItemId: itemId,
        discussion: [{ personId: world.people.altM1, name: '再娜甫·吾斯曼', text: '建议增加现场巡查频次。' }],
        dissent,
        headReason,
        decision: '同意加强旅检现场管理，由监管科牵头落实。',
      },
    ],
  });

  it('lets the recorder or the office write, and only after the meeting has opened', async () => {
    expect((await t.m[0]!.put(`/api/meetings/${meetingId}/minutes`, content())).statusCode).toBe(403);
    ok(await t.office.put(`/api/meetings/${meetingId}/minutes`, content()));
    expect((await t.sec.post(`/api/meetings/${meetingId}/minutes/approve`)).statusCode).toBe(409); // meeting still open
    ok(await t.office.post(`/api/meetings/${meetingId}/close`));
  });

  it("requires the head's reason when the head's vote went against the result, for a major decision (ZD-07)", async () => {
    await env.ctx.db.updateTable('agenda_items').set({ major_decision: 1 }).where('id', '=', agendaId).execute();
    const refused = await t.sec.post(`/api/meetings/${meetingId}/minutes/approve`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.findings.map((f: { ruleId: string; kind: string }) => `${f.ruleId}:${f.kind}`)).toEqual(
      ['ZD-07:block', 'ZD-07:warn'],
    );
    ok(
      await t.office.put(
        `/api/meetings/${meetingId}/minutes`,
        content('主持人认为需进一步评估人力配置，但尊重多数意见。', '林晓峰、朱少华同志不同意，认为人力不足。'),
      ),
    );
    expect((await t.office.post(`/api/meetings/${meetingId}/minutes/approve`)).statusCode).toBe(403);
    expect(
      ok<{ findings: unknown[] }>(await t.sec.post(`/api/meetings/${meetingId}/minutes/approve`)).findings,
    ).toEqual([]);
  });

  it('locks approved minutes, in the service and in the database; a correction is a new version', async () => {
    const edit = await t.office.put(`/api/meetings/${meetingId}/minutes`, content('改'));
    expect(edit.statusCode).toBe(409);
    await expect(
      sql`update meeting_minutes set content = '{}' where meeting_id = ${meetingId}`.execute(env.ctx.db),
    ).rejects.toThrow(/locked/);
    await expect(sql`delete from meeting_minutes where meeting_id = ${meetingId}`.execute(env.ctx.db)).rejects.toThrow(
      /locked/,
    );
    ok(await t.office.post(`/api/meetings/${meetingId}/minutes/corrections`, { reason: '发言人姓名笔误' }));
    ok(
      await t.office.put(
        `/api/meetings/${meetingId}/minutes`,
        content(
          '主持人认为需进一步评估人力配置，但尊重多数意见。',
          '林晓峰、朱少华同志不同意，认为人力不足，建议分步实施。',
        ),
      ),
    );
    ok(await t.sec.post(`/api/meetings/${meetingId}/minutes/approve`));
    const m = ok<{ versions: { version: number; status: string; correctionReason: string | null }[] }>(
      await t.m[0]!.get(`/api/meetings/${meetingId}/minutes`),
    );
    expect(m.versions.map((v) => [v.version, v.status, v.correctionReason])).toEqual([
      [1, 'approved', null],
      [2, 'approved', '发言人姓名笔误'],
    ]);
    const audit = await env.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', meetingId)
      .where('action', 'like', 'meetings.minutes%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['meetings.minutes_approved', 'meetings.minutes_correction_started']),
    );
  });

  it('keeps named votes and participation append-only in the database (ZD-10)', async () => {
    await expect(
      sql`update named_votes set choice = 'agree' where meeting_item_id = ${itemId}`.execute(env.ctx.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from vote_participation where meeting_item_id = ${itemId}`.execute(env.ctx.db),
    ).rejects.toThrow(/append-only/);
  });

  it.skipIf(documentChecksSkipped() !== null)(
    'exports the 会议纪要 as .docx that LibreOffice converts to a PDF holding the text',
    async () => {
      const res = await t.m[1]!.get(`/api/meetings/${meetingId}/summary.docx`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const dir = mkdtempSync(join(tmpdir(), 'banzi-docx-'));
      try {
        writeFileSync(join(dir, 'summary.docx'), res.rawPayload);
        const text = convertedText(join(dir, 'summary.docx'), dir);
        for (const s of [
          '阿勒泰海关党组会议纪要',
          '次党组会议',
          '关于加强旅检现场管理的议题',
          '同意加强旅检现场管理',
          '出席：朱少华',
          '主持人说明',
          '版，更正',
        ]) {
          expect(text).toContain(s);
        }
        expect(text).toMatch(/—\s*1\s*—/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
