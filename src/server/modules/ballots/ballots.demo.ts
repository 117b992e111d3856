/**
 * Demo data: last year's (2025) democratic evaluation of 阿勒泰海关, a team evaluation and a
 * member evaluation held in the hall on 2025-12-26 with code slips, closed and tallied, stored the
 * way a real session ends (ballots in random-key order with receipts, code hashes gone and their
 * counts kept, results with C-01 applied).
 * Answers are drawn from a fixed seed so every demo database looks the same.
 */
import type { Answers, Category, Questionnaire } from '../../../common/contracts/ballots.js';
import type { AppContext } from '../../context.js';
import { chunk, toJson } from '../../db/helpers.js';
import type { DemoWorld } from '../../demo/extensions.js';
import { nowIso } from '../../platform/clock.js';
import { randomId, seededRandom, uuidv7, type Random } from '../../platform/random.js';
import { decodeAnswers, encodeAnswers, receiptOf, settingsDigest, tally } from './ballots.rules.js';
import { memberEvaluationTemplate, teamEvaluationTemplate, type TemplateMember } from './ballots.templates.js';

const OPENS = '2025-12-26T01:30:00.000Z';
const CLOSES = '2025-12-26T04:00:00.000Z';
const CLOSED = '2025-12-26T03:12:00.000Z';
/** Voters per category: who came to the hall, out of those expected. */
const TURNOUT: Record<string, [number, number]> = { team: [7, 7], middle: [13, 14], staff: [37, 40] };

function pick(r: Random, options: string[], weights: number[]): string {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r.int(total);
  for (const [i, w] of weights.entries()) {
    if (x < w) return options[i] as string;
    x -= w;
  }
  return options[0] as string;
}

function answersFor(
  r: Random,
  q: Questionnaire,
  weightsOf: (qid: string, subject: string | undefined) => number[],
): Answers {
  const a: Answers = {};
  for (const x of q.questions) {
    if (x.type === 'rating') a[x.id] = pick(r, x.options, weightsOf(x.id, x.subjectPersonId));
  }
  return a;
}

interface DemoSession {
  kind: 'team_evaluation' | 'member_evaluation';
  title: string;
  questionnaire: Questionnaire;
  weightsOf: (qid: string, subject: string | undefined) => number[];
}

async function insertClosedSession(
  ctx: AppContext,
  r: Random,
  unitId: string,
  createdBy: string,
  s: DemoSession,
): Promise<string> {
  const id = uuidv7(r, Date.parse('2025-12-20T02:00:00Z'));
  const categories: Category[] = [
    { key: 'team', label: '班子成员', expected: TURNOUT.team?.[1] ?? 0, loginPersonIds: [] },
    { key: 'middle', label: '中层干部', expected: TURNOUT.middle?.[1] ?? 0, loginPersonIds: [] },
    { key: 'staff', label: '一般干部', expected: TURNOUT.staff?.[1] ?? 0, loginPersonIds: [] },
  ];
  const ballots: { id: string; session_id: string; category: string; answers: string; receipt: string }[] = [];
  for (const c of categories) {
    const [voted = 0] = TURNOUT[c.key] ?? [];
    for (let i = 0; i < voted; i++) {
      const answers = answersFor(r, s.questionnaire, s.weightsOf);
      const ballotId = randomId(r);
      ballots.push({
        id: ballotId,
        session_id: id,
        category: c.key,
        answers: encodeAnswers(s.questionnaire, answers),
        receipt: receiptOf(id, ballotId, answers),
      });
    }
  }
  const issued = Object.fromEntries(categories.map((c) => [c.key, TURNOUT[c.key]?.[1] ?? 0]));
  // As a closed session keeps them: the code hashes are gone, their counts remain.
  const counts = {
    issued,
    spent: Object.fromEntries(categories.map((c) => [c.key, TURNOUT[c.key]?.[0] ?? 0])),
    loginVoted: {},
  };
  const digest = settingsDigest({
    id,
    unitId,
    kind: s.kind,
    title: s.title,
    year: 2025,
    questionnaire: s.questionnaire,
    categories,
    minGroupSize: 5,
    smallGroupPolicy: 'merge',
    opensAt: OPENS,
    closesAt: CLOSES,
    codesIssued: issued,
  });
  const results = tally(
    s.questionnaire,
    categories,
    ballots.map((b) => ({ category: b.category, answers: decodeAnswers(s.questionnaire, b.answers) })),
    5,
    'merge',
  );
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('ballot_sessions')
      .values({
        id,
        unit_id: unitId,
        kind: s.kind,
        title: s.title,
        year: 2025,
        status: 'closed',
        questionnaire: toJson(s.questionnaire),
        categories: toJson(categories),
        min_group_size: 5,
        small_group_policy: 'merge',
        opens_at: OPENS,
        closes_at: CLOSES,
        opened_at: OPENS,
        closed_at: CLOSED,
        settings_digest: digest,
        results: toJson(results),
        closing_counts: toJson(counts),
        findings: '[]',
        created_by: createdBy,
        created_at: '2025-12-20T02:00:00.000Z',
        updated_at: CLOSED,
      })
      .execute();
    for (const part of chunk(
      ballots.sort((a, b) => a.id.localeCompare(b.id)),
      100,
    )) {
      await trx.insertInto('ballots').values(part).execute();
    }
  });
  return id;
}

export async function seedBallotsDemo(ctx: AppContext, world: DemoWorld): Promise<void> {
  const unitId = world.unitIds.altay;
  const office = world.userIds['alt-bangong'];
  if (!unitId || !office) return;
  const r = seededRandom(20251226);
  const team = await ctx.db
    .selectFrom('team_members')
    .innerJoin('people', 'people.id', 'team_members.person_id')
    .select(['team_members.person_id', 'people.name', 'team_members.admin_post', 'team_members.sort_order'])
    .where('team_members.unit_id', '=', unitId)
    .where('team_members.end_date', 'is', null)
    .orderBy('team_members.sort_order')
    .execute();
  const members: TemplateMember[] = team.map((m) => ({
    personId: m.person_id,
    name: m.name,
    post: m.admin_post ?? '班子成员',
  }));
  const teamTpl = teamEvaluationTemplate('阿勒泰海关', 2025, ['优秀', '良好', '一般', '较差'], members.length);
  const memberTpl = memberEvaluationTemplate('阿勒泰海关', 2025, members);
  // The secretary is rated a little higher, the newest deputy a little lower: plausible, invented.
  const strong = members[0]?.personId;
  const weaker = members[members.length - 1]?.personId;
  await insertClosedSession(ctx, r, unitId, office, {
    kind: 'team_evaluation',
    title: teamTpl.title,
    questionnaire: teamTpl.questionnaire,
    weightsOf: () => [62, 30, 7, 1],
  });
  await insertClosedSession(ctx, r, unitId, office, {
    kind: 'member_evaluation',
    title: memberTpl.title,
    questionnaire: memberTpl.questionnaire,
    weightsOf: (_q, subject) =>
      subject === strong ? [72, 26, 2, 0] : subject === weaker ? [30, 58, 11, 1] : [48, 48, 4, 0],
  });
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(
      trx,
      { actorUserId: null, actorName: 'demo', requestId: null },
      {
        action: 'demo.ballots_seeded',
        entityType: 'database',
        unitId,
        details: { sessions: 2, year: 2025, at: nowIso(ctx.clock) },
      },
    ),
  );
}
