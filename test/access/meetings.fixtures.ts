/**
 * Meetings and agenda items for the access rows, built through the API the way the office and the
 * secretary do. In scope: 阿勒泰海关 (office altoffice, secretary altsec, members altm1..altm4,
 * recorder 吴静怡). Out of scope: 霍尔果斯海关 (the helper office account, khsec, khm1, recorder 孙雅琴).
 */
import { ok } from '../meetings-helpers.js';
import type { AccessWorld, Scope } from './world.js';

export interface Seats {
  office: string;
  sec: string;
  members: string[];
  /** Usernames of members by person id */
  memberPeople: Record<string, string>;
  recorder: string;
}

export function seats(w: AccessWorld, s: Scope): Seats {
  const p = w.people;
  return s === 'in'
    ? {
        office: 'altoffice',
        sec: 'altsec',
        members: ['altm1', 'altm2', 'altm3', 'altm4'],
        memberPeople: { altsec: p.altSec, altm1: p.altM1, altm2: p.altM2, altm3: p.altM3, altm4: p.altM4 },
        recorder: p.altOffice,
      }
    : {
        office: 'fx-khoffice',
        sec: 'khsec',
        members: ['khm1'],
        memberPeople: { khsec: p.khSec, khm1: p.khM1 },
        recorder: p.khStaff,
      };
}

/** The unit's catalogue (seeded once): entry id by name fragment. */
export function catalogueEntry(w: AccessWorld, s: Scope, fragment = '其他须集体讨论'): Promise<string> {
  return w
    .once(`catalogue:${s}`, async () => {
      const c = w.c(seats(w, s).office);
      ok(await c.post('/api/decisions/catalogue/seed', { unitId: w.unit(s) }), 201);
      return ok<{ items: { id: string; name: string }[] }>(await c.get(`/api/decisions/catalogue?unitId=${w.unit(s)}`))
        .items;
    })
    .then((items) => {
      const e = items.find((i) => i.name.includes(fragment));
      if (!e) throw new Error(`no catalogue entry ${fragment}`);
      return e.id;
    });
}

/** An agenda item proposed by the office, approved by the secretary unless asked otherwise. */
export async function agendaItem(
  w: AccessWorld,
  s: Scope,
  opts: { approved?: boolean; fragment?: string } = {},
): Promise<string> {
  const st = seats(w, s);
  const { id } = ok<{ id: string }>(
    await w.c(st.office).post('/api/decisions/items', {
      unitId: w.unit(s),
      title: `关于调整值班制度的议题${w.next()}`,
      summary: '说明',
      catalogueId: await catalogueEntry(w, s, opts.fragment),
    }),
    201,
  );
  if (opts.approved !== false) ok(await w.c(st.sec).post(`/api/decisions/items/${id}/approve`));
  return id;
}

/** Record every member on the meeting's list as present (the team may have grown during the run). */
export async function allPresent(w: AccessWorld, s: Scope, meetingId: string): Promise<void> {
  const office = w.c(seats(w, s).office);
  const m = ok<{ attendance: { personId: string; role: string }[] }>(await office.get(`/api/meetings/${meetingId}`));
  for (const a of m.attendance.filter((x) => x.role === 'member')) {
    ok(await office.post(`/api/meetings/${meetingId}/attendance`, { personId: a.personId, status: 'present' }));
  }
}

export type MeetingState = 'draft' | 'published' | 'open' | 'voting' | 'closed' | 'minutes' | 'approved';
export interface MeetingFixture {
  id: string;
  /** The meeting item on its agenda */
  itemId: string;
  agendaId: string;
}

const ORDER: MeetingState[] = ['draft', 'published', 'open', 'voting', 'closed', 'minutes', 'approved'];
const past = (state: MeetingState, step: MeetingState) => ORDER.indexOf(state) >= ORDER.indexOf(step);

/** A meeting today (15:00, so leave is still possible) with one item, walked to a state. */
export async function meeting(
  w: AccessWorld,
  s: Scope,
  state: MeetingState,
  opts: { voteMethod?: 'named' | 'hands' | 'secret'; retrospective?: boolean } = {},
): Promise<MeetingFixture> {
  const st = seats(w, s);
  const office = w.c(st.office);
  const agendaId = await agendaItem(w, s);
  const { id } = ok<{ id: string }>(
    await office.post('/api/meetings', {
      unitId: w.unit(s),
      date: opts.retrospective ? '2026-05-20' : '2026-06-08',
      startTime: '15:00',
      location: '三楼会议室',
      recorderPersonId: st.recorder,
      ...(opts.retrospective ? { entryMode: 'retrospective', retrospectiveReason: '系统启用前召开' } : {}),
    }),
    201,
  );
  const { id: itemId } = ok<{ id: string }>(
    await office.post(`/api/meetings/${id}/items`, { agendaItemId: agendaId, voteMethod: opts.voteMethod ?? 'named' }),
    201,
  );
  const f = { id, itemId, agendaId };
  if (!past(state, 'published')) return f;
  if (!opts.retrospective) ok(await office.post(`/api/meetings/${id}/publish`));
  if (!past(state, 'open')) return f;
  await allPresent(w, s, id);
  ok(await office.post(`/api/meetings/${id}/open`));
  if (!past(state, 'voting')) return f;
  if (state === 'voting') {
    ok(await office.post(`/api/meetings/items/${itemId}/start-voting`));
    return f;
  }
  ok(await office.post(`/api/meetings/items/${itemId}/defer`, { reason: '再研究' }));
  ok(await office.post(`/api/meetings/${id}/close`));
  if (!past(state, 'minutes')) return f;
  ok(await office.put(`/api/meetings/${id}/minutes`, { general: '会议讨论了值班制度。', items: [] }));
  if (state === 'approved') ok(await w.c(st.sec).post(`/api/meetings/${id}/minutes/approve`));
  return f;
}

export const sharedMeeting = (w: AccessWorld, s: Scope, state: MeetingState) =>
  w.once(`meeting:${s}:${state}`, () => meeting(w, s, state));

/** A decision registered outside a meeting (status decided), with a follow-up task. */
export async function outsideDecision(w: AccessWorld, s: Scope): Promise<string> {
  return ok<{ id: string }>(
    await w.c(seats(w, s).office).post('/api/decisions/outside', {
      unitId: w.unit(s),
      title: `采购监控设备${w.next()}`,
      summary: '说明',
      catalogueId: await catalogueEntry(w, s, '大额资金'),
      amountFen: 5_000_000,
      decidedOn: '2026-05-20',
      decidedHow: '个人决定',
      decisionText: '同意采购',
    }),
    201,
  ).id;
}

export async function followUpTask(w: AccessWorld, s: Scope): Promise<string> {
  const item = await outsideDecision(w, s);
  return ok<{ id: string }>(
    await w.c(seats(w, s).office).post(`/api/decisions/items/${item}/tasks`, {
      title: '完成采购',
      ownerUnit: '综合科',
      deadline: '2026-07-01',
    }),
    201,
  ).id;
}
