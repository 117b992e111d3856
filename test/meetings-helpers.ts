/**
 * Helpers for the meetings and decisions integration tests: the Altay team of the test world
 * (secretary altsec, members altm1..altm4; 5 Party Group members, so PG-06 needs 3 and PG-07 4),
 * the office altoffice, and shortcuts that drive the API the way the UI does.
 */
import { expect } from 'vitest';
import type { HttpClient, TestEnv } from './app.js';
import { loginAs } from './app.js';
import type { World } from './fixtures.js';

export interface Team {
  office: HttpClient;
  sec: HttpClient;
  m: HttpClient[];
}

export async function altayTeam(env: TestEnv): Promise<Team> {
  const [office, sec, m1, m2, m3, m4] = await Promise.all(
    ['altoffice', 'altsec', 'altm1', 'altm2', 'altm3', 'altm4'].map((u) => loginAs(env.app, u)),
  );
  return { office: office!, sec: sec!, m: [m1!, m2!, m3!, m4!] };
}

export function ok<T = Record<string, unknown>>(
  res: { statusCode: number; body: string; json: () => unknown },
  status = 200,
): T {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

/** The catalogue, seeded once per unit; returns entry ids by name fragment. */
export async function catalogue(office: HttpClient, unitId: string): Promise<(fragment: string) => string> {
  const got = ok<{ items: { id: string; name: string }[] }>(
    await office.get(`/api/decisions/catalogue?unitId=${unitId}`),
  );
  if (!got.items.length) ok(await office.post('/api/decisions/catalogue/seed', { unitId }), 201);
  const items = ok<{ items: { id: string; name: string }[] }>(
    await office.get(`/api/decisions/catalogue?unitId=${unitId}`),
  ).items;
  return (fragment: string) => {
    const e = items.find((i) => i.name.includes(fragment));
    if (!e) throw new Error(`no catalogue entry ${fragment}`);
    return e.id;
  };
}

/** Propose (as the office) and approve (as the secretary) an item. */
export async function approvedItem(t: Team, world: World, body: Record<string, unknown>): Promise<string> {
  const { id } = ok<{ id: string }>(
    await t.office.post('/api/decisions/items', { unitId: world.units.altay, summary: '说明', ...body }),
    201,
  );
  ok(await t.sec.post(`/api/decisions/items/${id}/approve`));
  return id;
}

export async function personnelItem(
  t: Team,
  world: World,
  cat: (f: string) => string,
  title = '关于任命张三为监管科科长的议题',
): Promise<string> {
  return approvedItem(t, world, {
    title,
    catalogueId: cat('科级干部任免'),
    candidates: [{ name: '张三', currentPost: '监管科副科长', proposedPost: '监管科科长' }],
  });
}

export async function ordinaryItem(
  t: Team,
  world: World,
  cat: (f: string) => string,
  title = '关于调整值班制度的议题',
  extra: Record<string, unknown> = {},
): Promise<string> {
  return approvedItem(t, world, { title, catalogueId: cat('其他须集体讨论'), ...extra });
}

export async function schedule(
  t: Team,
  world: World,
  date: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  return ok<{ id: string }>(
    await t.office.post('/api/meetings', {
      unitId: world.units.altay,
      date,
      startTime: '09:00',
      location: '三楼会议室',
      recorderPersonId: world.people.altOffice,
      ...extra,
    }),
    201,
  ).id;
}

export async function addToAgenda(
  t: Team,
  meetingId: string,
  agendaItemId: string,
  voteMethod = 'named',
): Promise<string> {
  return ok<{ id: string }>(await t.office.post(`/api/meetings/${meetingId}/items`, { agendaItemId, voteMethod }), 201)
    .id;
}

/** Mark attendance for every member: present unless listed as leave/absent. */
export async function attend(
  t: Team,
  world: World,
  meetingId: string,
  statuses: Record<string, 'present' | 'absent' | 'leave'> = {},
): Promise<void> {
  for (const key of ['altSec', 'altM1', 'altM2', 'altM3', 'altM4']) {
    const status = statuses[key] ?? 'present';
    const personId = world.people[key] as string;
    const r = await t.office.post(`/api/meetings/${meetingId}/attendance`, {
      personId,
      status,
      ...(status === 'leave' ? { reason: '出差' } : {}),
    });
    expect(r.statusCode, r.body).toBe(200);
  }
}

export const vote = (c: HttpClient, meetingItemId: string, choice: string, candidateId = 'main') =>
  c.post(`/api/meetings/items/${meetingItemId}/votes`, { choices: [{ candidateId, choice }] });

export async function meeting(c: HttpClient, id: string) {
  return ok<{
    items: {
      id: string;
      state: string;
      result: string | null;
      candidates: { id: string }[];
      findings: { ruleId: string; kind: string }[];
      tallies: { agree: number }[] | null;
      participation: { done: number };
    }[];
    status: string;
    quorum: { ok: boolean };
  }>(await c.get(`/api/meetings/${id}`));
}
