/**
 * Access rows: grading (考核). The personnel office above grades, the discipline office above reads;
 * their out-of-scope records are 乌鲁木齐海关's own (graded by 海关总署's personnel office).
 */
import { ok } from '../meetings-helpers.js';
import { ABOVE, BUSINESS, row, type AccessRow } from './row.js';
import type { AccessWorld, Scope } from './world.js';

const unitOf = (w: AccessWorld, s: Scope) => (s === 'in' ? w.units.altay : w.units.urumqi);
const grader = (s: Scope) => (s === 'in' ? 'rs' : 'fx-gacrs');
const gradedPerson = (w: AccessWorld, s: Scope) => (s === 'in' ? w.people.altM1 : w.people.urSec);

const annualYears = new WeakMap<AccessWorld, Record<Scope, number>>();

/** A grading batch of the scope's unit (each annual batch takes an earlier year of the team's tenure). */
async function batch(w: AccessWorld, s: Scope, type: 'regular' | 'annual' = 'regular'): Promise<string> {
  const years = annualYears.get(w) ?? { in: 2026, out: 2026 };
  annualYears.set(w, years);
  const year = type === 'annual' ? --years[s] : 2026;
  return ok<{ id: string }>(
    await w.c(grader(s)).post('/api/assessments/batches', { unitId: unitOf(w, s), year, type }),
    201,
  ).id;
}
const sharedBatch = (w: AccessWorld, s: Scope) => w.once(`batch:${s}`, () => batch(w, s));

/** An open follow-up task: an annual grade of 不称职 creates one (KH-07). */
async function task(w: AccessWorld, s: Scope): Promise<string> {
  const b = await batch(w, s, 'annual');
  const r = ok<{ tasks: { id: string }[] }>(
    await w.c(grader(s)).put(`/api/assessments/batches/${b}/grades/${gradedPerson(w, s)}`, {
      grade: 'incompetent',
      notifiedOn: '2026-06-01',
    }),
  );
  return r.tasks[0]?.id ?? '';
}

export const assessmentsRows: AccessRow[] = [
  row('GET /api/assessments/batches', ABOVE, (w, s) => ({ query: { unitId: unitOf(w, s), year: 2026 } })),
  row('POST /api/assessments/batches', ['rs'], (w, s) => ({
    body: { unitId: unitOf(w, s), year: 2026, type: 'regular', title: `平时考核${w.next()}` },
  })),
  row('GET /api/assessments/batches/{id}', ABOVE, async (w, s) => ({ params: { id: await sharedBatch(w, s) } })),
  row('PUT /api/assessments/batches/{id}/team-grade', ['rs'], async (w, s) => ({
    params: { id: await batch(w, s) },
    body: { teamGrade: '良好', note: '班子团结' },
  })),
  row('PUT /api/assessments/batches/{id}/grades/{personId}', ['rs'], async (w, s) => ({
    params: { id: await batch(w, s), personId: gradedPerson(w, s) },
    body: { grade: 'competent', note: '称职', notifiedOn: '2026-06-01' },
  })),
  row('GET /api/assessments/mine', BUSINESS, () => ({}), { noScope: true }),
  row('GET /api/assessments/tasks', ABOVE, (w, s) => ({ query: { unitId: unitOf(w, s), status: 'open' } })),
  row('POST /api/assessments/tasks/{id}/complete', ['rs'], async (w, s) => ({
    params: { id: await task(w, s) },
    body: { note: '已按程序调整职级' },
  })),
];
