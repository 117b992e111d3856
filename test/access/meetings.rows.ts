/**
 * Access rows: Party Group meetings. Readers are the unit's seats (office, secretary, members) and
 * the offices above; the office runs the meeting; members ask for leave, recuse and vote for
 * themselves (the chair last, PG-10); the secretary approves the minutes.
 */
import { ok } from '../meetings-helpers.js';
import { ABOVE, ALT_TEAM, KH, row, type AccessRow } from './row.js';
import { agendaItem, allPresent, meeting, seats, sharedMeeting, type MeetingFixture } from './meetings.fixtures.js';
import type { AccessWorld, Scope, Who } from './world.js';

const READ = ['altoffice', ...ALT_TEAM, ...ABOVE] as const;
const READ_OUT = [...KH, ...ABOVE] as const;
const OFFICE = ['altoffice'] as const;
/** Seats that act for themselves (leave, recusal) or for another (the office) */
const SELF_OR_OFFICE = ['altoffice', ...ALT_TEAM] as const;
const byId = (f: MeetingFixture) => ({ params: { id: f.id } });
const byItem = (f: MeetingFixture) => ({ params: { id: f.itemId } });

/** The member a call is about: the caller when it is a member, else the first member. */
function personFor(w: AccessWorld, s: Scope, who: Who | null): string | undefined {
  const st = seats(w, s);
  return who && st.memberPeople[who] ? undefined : Object.values(st.memberPeople)[1];
}

/** A voting item where every other member has voted when the chair is the caller (PG-10: chair last). */
async function votingFor(w: AccessWorld, s: Scope, who: Who | null): Promise<MeetingFixture> {
  const st = seats(w, s);
  const f = await meeting(w, s, 'voting');
  if (who !== st.sec) return f;
  const office = w.c(st.office);
  const m = ok<{ attendance: { personId: string; role: string }[] }>(await office.get(`/api/meetings/${f.id}`));
  for (const a of m.attendance.filter((x) => x.role === 'member' && x.personId !== st.memberPeople[st.sec])) {
    const user = Object.keys(st.memberPeople).find((u) => st.memberPeople[u] === a.personId);
    const url = `/api/meetings/items/${f.itemId}`;
    ok(
      user
        ? await w.c(user).post(`${url}/votes`, { choices: [{ candidateId: 'main', choice: 'agree' }] })
        : await office.post(`${url}/recorded-votes`, { entries: [{ personId: a.personId, notVoting: true }] }),
    );
  }
  return f;
}

export const meetingsRows: AccessRow[] = [
  row('GET /api/meetings', READ, (w, s) => ({ query: { unitId: w.unit(s), year: 2026 } }), { out: READ_OUT }),
  row('POST /api/meetings', OFFICE, (w, s) => ({
    body: {
      unitId: w.unit(s),
      date: '2026-06-20',
      startTime: '09:00',
      location: '三楼会议室',
      recorderPersonId: seats(w, s).recorder,
    },
  })),
  row('GET /api/meetings/{id}', READ, async (w, s) => byId(await sharedMeeting(w, s, 'published')), { out: READ_OUT }),
  row('PATCH /api/meetings/{id}', OFFICE, async (w, s) => ({
    ...byId(await meeting(w, s, 'draft')),
    body: { location: '二楼会议室', startTime: '16:00' },
  })),
  row(
    'GET /api/meetings/{id}/events',
    READ,
    async (w, s) => ({ ...byId(await sharedMeeting(w, s, 'published')), stream: true }),
    { out: READ_OUT },
  ),
  row('POST /api/meetings/{id}/items', OFFICE, async (w, s) => ({
    ...byId(await meeting(w, s, 'draft')),
    body: { agendaItemId: await agendaItem(w, s), voteMethod: 'hands' },
  })),
  row('PATCH /api/meetings/items/{id}', OFFICE, async (w, s) => ({
    ...byItem(await meeting(w, s, 'draft')),
    body: { voteMethod: 'hands', seq: 1 },
  })),
  row('DELETE /api/meetings/items/{id}', OFFICE, async (w, s) => byItem(await meeting(w, s, 'draft'))),
  row('POST /api/meetings/{id}/publish', OFFICE, async (w, s) => byId(await meeting(w, s, 'draft'))),
  row('POST /api/meetings/{id}/cancel', OFFICE, async (w, s) => byId(await meeting(w, s, 'published'))),
  row('POST /api/meetings/{id}/close', OFFICE, async (w, s) => {
    const f = await meeting(w, s, 'open');
    ok(await w.c(seats(w, s).office).post(`/api/meetings/items/${f.itemId}/defer`, { reason: '再研究' }));
    return byId(f);
  }),
  row('POST /api/meetings/{id}/open', OFFICE, async (w, s) => {
    const f = await meeting(w, s, 'published');
    await allPresent(w, s, f.id);
    return byId(f);
  }),
  row(
    'POST /api/meetings/{id}/leave',
    SELF_OR_OFFICE,
    async (w, s, who) => ({
      ...byId(await meeting(w, s, 'published')),
      body: { personId: personFor(w, s, who), reason: '赴总署参加培训', writtenOpinion: '同意' },
    }),
    { out: KH },
  ),
  row('POST /api/meetings/{id}/attendance', OFFICE, async (w, s) => ({
    ...byId(await meeting(w, s, 'published')),
    body: { personId: personFor(w, s, null), status: 'present' },
  })),
  row('POST /api/meetings/{id}/attendees', OFFICE, async (w, s) => ({
    ...byId(await meeting(w, s, 'published')),
    body: { personId: s === 'in' ? w.people.altStaff : w.people.khStaff },
  })),
  row(
    'POST /api/meetings/items/{id}/recusals',
    SELF_OR_OFFICE,
    async (w, s, who) => ({
      ...byItem(await meeting(w, s, 'published')),
      body: { personId: personFor(w, s, who), reason: '议题涉及本人亲属' },
    }),
    { out: KH },
  ),
  row('POST /api/meetings/items/{id}/start-voting', OFFICE, async (w, s) => byItem(await meeting(w, s, 'open'))),
  row(
    'POST /api/meetings/items/{id}/votes',
    ALT_TEAM,
    async (w, s, who) => ({
      ...byItem(await votingFor(w, s, who)),
      body: { choices: [{ candidateId: 'main', choice: 'agree' }] },
    }),
    { out: KH },
  ),
  row('POST /api/meetings/items/{id}/recorded-votes', OFFICE, async (w, s) => {
    const f = await meeting(w, s, 'voting', { voteMethod: 'hands' });
    return {
      ...byItem(f),
      body: { entries: [{ personId: personFor(w, s, null), choices: [{ candidateId: 'main', choice: 'agree' }] }] },
    };
  }),
  row('POST /api/meetings/items/{id}/close-voting', OFFICE, async (w, s) => byItem(await meeting(w, s, 'voting'))),
  row('POST /api/meetings/items/{id}/paper-result', OFFICE, async (w, s) => ({
    ...byItem(await meeting(w, s, 'open', { retrospective: true })),
    body: {
      tallies: [{ candidateId: 'main', agree: 2, disagree: 0, abstain: 0, defer: 0 }],
      recordedOutcome: 'passed',
    },
  })),
  row('POST /api/meetings/items/{id}/defer', OFFICE, async (w, s) => ({
    ...byItem(await meeting(w, s, 'published')),
    body: { reason: '再研究' },
  })),
  row('GET /api/meetings/{id}/minutes', READ, async (w, s) => byId(await sharedMeeting(w, s, 'minutes')), {
    out: READ_OUT,
  }),
  row('PUT /api/meetings/{id}/minutes', OFFICE, async (w, s) => ({
    ...byId(await meeting(w, s, 'closed')),
    body: { general: '会议研究了值班制度，决定暂缓。', items: [] },
  })),
  row('POST /api/meetings/{id}/minutes/approve', ['altsec'], async (w, s) => byId(await meeting(w, s, 'minutes')), {
    out: ['khsec'],
  }),
  row(
    'POST /api/meetings/{id}/minutes/corrections',
    ['altoffice', 'altsec'],
    async (w, s) => ({ ...byId(await meeting(w, s, 'approved')), body: { reason: '笔误' } }),
    { out: ['khsec'] },
  ),
  row('GET /api/meetings/{id}/summary.docx', READ, async (w, s) => byId(await sharedMeeting(w, s, 'approved')), {
    out: READ_OUT,
  }),
  row('PUT /api/meetings/{id}/heading', OFFICE, async (w, s) => ({
    ...byId(await meeting(w, s, 'draft')),
    body: { subject: '专题研究巡视整改', seq: null },
  })),
  row('PUT /api/meetings/{id}/agenda', OFFICE, async (w, s) => {
    const f = await meeting(w, s, 'draft');
    return { ...byId(f), body: { order: [f.itemId] } };
  }),
  row('GET /api/meetings/{id}/agenda.docx', READ, async (w, s) => byId(await sharedMeeting(w, s, 'published')), {
    out: READ_OUT,
  }),
  row('GET /api/meetings/{id}/notice.docx', READ, async (w, s) => byId(await sharedMeeting(w, s, 'published')), {
    out: READ_OUT,
  }),
  row(
    'GET /api/meetings/{id}/minutes/check',
    ['altoffice', 'altsec'],
    async (w, s) => byId(await sharedMeeting(w, s, 'minutes')),
    {
      out: ['khsec'],
    },
  ),
];
