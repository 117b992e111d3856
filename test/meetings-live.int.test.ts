/**
 * The live meeting screen: server-sent events announce every committed change; the state itself is
 * re-read from the meeting (so a reload, or a second server instance, loses nothing).
 */
import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './app.js';
import { describeEachDialect } from './db.js';
import { seedWorld, type World } from './fixtures.js';
import { addToAgenda, altayTeam, catalogue, ok, ordinaryItem, schedule, type Team } from './meetings-helpers.js';

function nextEvent(res: IncomingMessage, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`no ${name} event`)), 5000);
    const onData = (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      const m = new RegExp(`event: ${name}\\ndata: (.*)\\n\\n`).exec(buf);
      if (m) {
        clearTimeout(timer);
        res.off('data', onData);
        resolve(m[1] ?? '');
      }
    };
    res.on('data', onData);
  });
}

describeEachDialect('meetings: the live screen', (dialect) => {
  let env: TestEnv;
  let world: World;
  let t: Team;
  let port: number;

  beforeAll(async () => {
    env = await createTestEnv(dialect);
    world = await seedWorld(env.ctx);
    t = await altayTeam(env);
    await env.app.listen({ host: '127.0.0.1', port: 0 });
    const a = env.app.server.address();
    port = typeof a === 'object' && a ? a.port : 0;
  });
  afterAll(() => env.close());

  it('streams a change event to a member when the office records attendance, and the version moves on', async () => {
    const cat = await catalogue(t.office, world.units.altay);
    const meetingId = await schedule(t, world, '2026-06-08', { startTime: '17:00' });
    await addToAgenda(t, meetingId, await ordinaryItem(t, world, cat));
    ok(await t.office.post(`/api/meetings/${meetingId}/publish`));
    const before = ok<{ version: number }>(await t.m[0]!.get(`/api/meetings/${meetingId}`)).version;
    const cookie = Object.entries(t.m[0]!.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      request(
        {
          host: '127.0.0.1',
          port,
          path: `/api/meetings/${meetingId}/events`,
          headers: { cookie, accept: 'text/event-stream' },
        },
        resolve,
      )
        .on('error', reject)
        .end();
    });
    try {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/event-stream');
      expect(JSON.parse(await nextEvent(res, 'hello'))).toEqual({ version: before });
      const change = nextEvent(res, 'change');
      ok(
        await t.office.post(`/api/meetings/${meetingId}/attendance`, {
          personId: world.people.altM1,
          status: 'present',
        }),
      );
      expect(JSON.parse(await change)).toEqual({ kind: 'attendance' });
      const after = ok<{ version: number; attendance: { personId: string; status: string }[] }>(
        await t.m[0]!.get(`/api/meetings/${meetingId}`),
      );
      expect(after.version).toBe(before + 1);
      expect(after.attendance.find((a) => a.personId === world.people.altM1)?.status).toBe('present');
    } finally {
      res.destroy();
    }
  });
});
