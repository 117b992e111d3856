/**
 * Helpers for the ballots tests: read a .docx/.xlsx (zip) without extra packages, take the codes
 * off a slip document, and set up a session through the API as the office would.
 */
import { inflateRawSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Answers, Questionnaire, SessionBody } from '../src/common/contracts/ballots.js';
import type { HttpClient } from './app.js';

/** The text of one file inside a zip archive (stored or deflated entries). */
export function readZipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entry = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} not in archive`);
}

/** The plain text of a .docx body. */
export function docxText(docx: Buffer): string {
  return readZipEntry(docx, 'word/document.xml')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The codes printed on a slip document, without dashes. */
export function codesFromSlips(docx: Buffer): string[] {
  // Each code once, in slip order (a slip may print its code more than once).
  const codes = [...docxText(docx).matchAll(/\b([2-9A-Z]{4})-([2-9A-Z]{4})-([2-9A-Z]{4})\b/g)].map(
    (m) => `${m[1]}${m[2]}${m[3]}`,
  );
  return [...new Set(codes)];
}

export const OPENS = '2026-06-08T01:00:00.000Z';
export const CLOSES = '2026-06-08T10:00:00.000Z';

export async function templateBody(
  office: HttpClient,
  unitId: string,
  kind: SessionBody['kind'],
  patch: Partial<SessionBody> = {},
): Promise<SessionBody> {
  const t = await office.get(`/api/ballots/templates?unitId=${unitId}&kind=${kind}&year=2026`);
  if (t.statusCode !== 200) throw new Error(`template ${t.statusCode} ${t.body}`);
  const tpl = t.json<{ title: string; questionnaire: Questionnaire; categories: SessionBody['categories'] }>();
  return {
    unitId,
    kind,
    title: tpl.title,
    year: 2026,
    questionnaire: tpl.questionnaire,
    categories: tpl.categories,
    opensAt: OPENS,
    closesAt: CLOSES,
    ...patch,
  };
}

/** Create a session, issue codes per category (from the printed slips), optionally open it. */
export async function setupSession(office: HttpClient, body: SessionBody, codes: Record<string, number>, open = true) {
  const created = await office.post('/api/ballots/sessions', body);
  if (created.statusCode !== 201) throw new Error(`create ${created.statusCode} ${created.body}`);
  const id = created.json<{ id: string }>().id;
  const byCategory: Record<string, string[]> = {};
  for (const [category, count] of Object.entries(codes)) {
    const res = await office.post(`/api/ballots/sessions/${id}/codes`, { category, count });
    if (res.statusCode !== 200) throw new Error(`codes ${res.statusCode} ${res.body}`);
    byCategory[category] = codesFromSlips(res.rawPayload);
  }
  if (open) {
    const o = await office.post(`/api/ballots/sessions/${id}/open`);
    if (o.statusCode !== 200) throw new Error(`open ${o.statusCode} ${o.body}`);
  }
  return { id, codes: byCategory };
}

/** Answers choosing option `pick` (index) on every rating question. */
export function ratingAnswers(q: Questionnaire, pick: number | ((qid: string, i: number) => number)): Answers {
  const out: Answers = {};
  q.questions.forEach((x, i) => {
    if (x.type === 'rating') {
      out[x.id] = x.options[typeof pick === 'number' ? pick : pick(x.id, i)] ?? (x.options[0] as string);
    }
  });
  return out;
}

/** A public client: fetches the CSRF cookie like the voting page, then posts with it. */
export async function publicVoter(app: FastifyInstance, remoteAddress = '198.51.100.7') {
  const first = await app.inject({ method: 'GET', url: '/api/auth/session', remoteAddress });
  const csrf = first.json<{ csrfToken: string }>().csrfToken;
  const post = (url: string, body: unknown) =>
    app.inject({
      method: 'POST',
      url,
      remoteAddress,
      headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
      cookies: { banzi_csrf: csrf },
      payload: JSON.stringify(body),
    });
  return {
    post,
    form: (sessionId: string, code: string) => post(`/api/ballots/public/sessions/${sessionId}/form`, { code }),
    vote: (sessionId: string, code: string, answers: Answers) =>
      post(`/api/ballots/public/sessions/${sessionId}/ballots`, { code, answers }),
  };
}
