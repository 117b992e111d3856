/**
 * Evaluation sessions for the access rows: set up by the unit's office (阿勒泰海关's altoffice, or the
 * helper office of 霍尔果斯海关), with codes for the 一般干部 category and logged-in voters in 中层干部.
 */
import type { Answers, Questionnaire, SessionBody } from '../../src/common/contracts/ballots.js';
import { codesFromSlips, ratingAnswers, templateBody } from '../ballots-helpers.js';
import { ok } from '../meetings-helpers.js';
import type { AccessWorld, Scope } from './world.js';

export interface BallotFixture {
  id: string;
  codes: string[];
  questionnaire: Questionnaire;
  answers: Answers;
}

export const ballotOffice = (s: Scope) => (s === 'in' ? 'altoffice' : 'fx-khoffice');

/** Logged-in voters of a scope's sessions (中层干部): 阿勒泰 altm2 and altstaff, 霍尔果斯 khm1. */
export const loginVoters = (w: AccessWorld, s: Scope) =>
  s === 'in' ? [w.people.altM2, w.people.altStaff] : [w.people.khM1];

export async function sessionBody(w: AccessWorld, s: Scope): Promise<SessionBody> {
  const body = await templateBody(w.c(ballotOffice(s)), w.unit(s), 'team_evaluation', {
    title: `${s === 'in' ? '阿勒泰' : '霍尔果斯'}海关领导班子民主测评${w.next()}`,
  });
  body.categories = body.categories.map((c) => (c.key === 'middle' ? { ...c, loginPersonIds: loginVoters(w, s) } : c));
  return body;
}

/** A session in a state: draft (with codes), open, or closed (one ballot cast). */
export async function ballotSession(
  w: AccessWorld,
  s: Scope,
  state: 'draft' | 'open' | 'closed',
  codeCount = 4,
): Promise<BallotFixture> {
  const office = w.c(ballotOffice(s));
  const body = await sessionBody(w, s);
  const { id } = ok<{ id: string }>(await office.post('/api/ballots/sessions', body), 201);
  const res = await office.post(`/api/ballots/sessions/${id}/codes`, { category: 'staff', count: codeCount });
  if (res.statusCode !== 200) throw new Error(`codes ${res.statusCode} ${res.body}`);
  const codes = codesFromSlips(res.rawPayload);
  const answers = ratingAnswers(body.questionnaire, 0);
  if (state !== 'draft') ok(await office.post(`/api/ballots/sessions/${id}/open`));
  if (state === 'closed') {
    const voter = await w.anonymousPost(`/api/ballots/public/sessions/${id}/ballots`, {
      code: codes.pop(),
      answers,
    });
    if (voter.statusCode !== 200) throw new Error(`vote ${voter.statusCode} ${voter.body}`);
    ok(await office.post(`/api/ballots/sessions/${id}/close`));
  }
  return { id, codes, questionnaire: body.questionnaire, answers };
}
