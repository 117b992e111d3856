/**
 * Issue 8 §7b: downloads of uploaded files are served as application/octet-stream unless the type
 * is on a short allow-list (pdf, images, docx, xlsx) and the bytes are of that type; names with
 * bidirectional-override or zero-width characters are refused at upload and shown escaped
 * (for files stored before the check).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import { altayTeam, catalogue, ok, ordinaryItem, type Team } from './meetings-helpers.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const HTML = Buffer.from('<html><script>alert(1)</script></html>');
const ZIP = Buffer.from('504b0304140000000800', 'hex');

describeEachDialect('downloads of uploaded files (issue 8 §7b)', (dialect) => {
  let env: TestEnv;
  let w: World;
  let t: Team;
  let itemId: string;
  beforeAll(async () => {
    env = await createTestEnv(dialect);
    w = await seedWorld(env.ctx);
    t = await altayTeam(env);
    itemId = await ordinaryItem(t, w, await catalogue(t.office, w.units.altay));
  });
  afterAll(() => env.close());

  const upload = (name: string, mime: string, bytes: Buffer) =>
    t.office.post(`/api/decisions/items/${itemId}/files`, { name, mime, contentBase64: bytes.toString('base64') });

  it('serves allow-listed types whose bytes match, and everything else as application/octet-stream', async () => {
    const cases: [string, string, Buffer, string][] = [
      ['方案.pdf', 'application/pdf', PDF, 'application/pdf'],
      ['现场.png', 'image/png', PNG, 'image/png'],
      ['通知.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ZIP, 'docx'],
      ['页面.html', 'text/html', HTML, 'application/octet-stream'],
      ['图.svg', 'image/svg+xml', Buffer.from('<svg onload="alert(1)"/>'), 'application/octet-stream'],
      ['伪装.pdf', 'application/pdf', HTML, 'application/octet-stream'],
      ['说明.txt', 'text/plain', Buffer.from('说明'), 'application/octet-stream'],
    ];
    for (const [name, mime, bytes, expected] of cases) {
      const id = ok<{ id: string }>(await upload(name, mime, bytes), 201).id;
      const res = await t.office.get(`/api/decisions/files/${id}`);
      expect(res.statusCode, name).toBe(200);
      const type = String(res.headers['content-type']);
      if (expected === 'docx') expect(type, name).toContain('wordprocessingml');
      else expect(type, name).toBe(expected);
      expect(res.headers['x-content-type-options'], name).toBe('nosniff');
      expect(String(res.headers['content-disposition']), name).toMatch(/^attachment;/);
      expect(res.headers['cache-control'], name).toBe('no-store');
      expect(res.rawPayload.equals(bytes), name).toBe(true);
    }
  });

  it('refuses names with bidirectional-override, zero-width or control characters, naming the field', async () => {
    for (const name of ['invoice\u202Efdp.exe', 'a\u200Bb.pdf', 'x\u2066y.pdf', 'a\u0007.pdf', 'a\uFEFFb.pdf']) {
      const res = await upload(name, 'application/pdf', PDF);
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(res.json().error.field).toBe('name');
      expect(res.json().error.message).toContain('文件名');
    }
  });

  it('shows a name stored before the check escaped, in the item and in the download', async () => {
    const id = ok<{ id: string }>(await upload('报告.pdf', 'application/pdf', PDF), 201).id;
    await sql`update decision_files set name = ${'报告\u202Efdp.exe'} where id = ${id}`.execute(env.ctx.db);
    const item = ok<{ files: { id: string; name: string }[] }>(await t.office.get(`/api/decisions/items/${itemId}`));
    const shown = item.files.find((f) => f.id === id)?.name ?? '';
    expect(shown).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
    expect(shown).toContain('U+202E');
    const res = await t.office.get(`/api/decisions/files/${id}`);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).not.toContain('%E2%80%AE');
    expect(disposition).toContain(encodeURIComponent('U+202E'));
  });
});
