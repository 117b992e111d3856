import { describe, expect, it } from 'vitest';
import { GRADE_LABELS } from '../../../common/contracts/assessments.js';
import { excellentShare, isLowGrade, requiredTasks } from './assessments.rules.js';

describe('KH-05: share of 优秀 in a grading batch', () => {
  it('allows one 优秀 among 7 at 20%, warns at two', () => {
    expect(excellentShare(['excellent', 'competent', 'competent', 'competent', 'competent', 'competent', 'competent'], 0.2)).toEqual({ excellent: 1, assessed: 7, allowed: 1, exceeded: false });
    expect(excellentShare(['excellent', 'excellent', 'competent', 'competent', 'competent', 'competent', 'competent'], 0.2).exceeded).toBe(true);
  });
  it('counts everyone in the batch, pending included, except 不定等次', () => {
    expect(excellentShare(['excellent', null, 'ungraded', 'competent', 'competent', null, 'competent'], 0.2)).toMatchObject({ assessed: 6, allowed: 1, exceeded: false });
    expect(excellentShare(['excellent', null, null, null, null], 0.2).exceeded).toBe(false);
    expect(excellentShare(['excellent', 'ungraded', 'ungraded'], 0.2).exceeded).toBe(true);
    expect(excellentShare([null, null], 0.2).exceeded).toBe(false);
  });
  it('treats exactly the cap as allowed', () => {
    expect(excellentShare(['excellent', 'competent', 'competent', 'competent', 'competent'], 0.2).exceeded).toBe(false);
  });
});

describe('KH-07: follow-up of 不称职', () => {
  it('asks for demotion after one year and a dismissal review after two in a row', () => {
    expect(requiredTasks('competent', ['incompetent'], 2)).toEqual([]);
    expect(requiredTasks('incompetent', [], 2)).toEqual(['demotion']);
    expect(requiredTasks('incompetent', ['competent'], 2)).toEqual(['demotion']);
    expect(requiredTasks('incompetent', ['incompetent'], 2)).toEqual(['demotion', 'dismissal_review']);
    expect(requiredTasks('incompetent', [null, 'incompetent'], 2)).toEqual(['demotion']);
    expect(requiredTasks('incompetent', ['incompetent', 'competent'], 3)).toEqual(['demotion']);
    expect(requiredTasks('incompetent', ['incompetent', 'incompetent'], 3)).toEqual(['demotion', 'dismissal_review']);
  });
});

describe('KH-08: low grades', () => {
  it('flags 基本称职 and 不称职 by their labels', () => {
    const label = (g: keyof typeof GRADE_LABELS) => GRADE_LABELS[g];
    expect(isLowGrade('basically_competent', ['基本称职', '不称职'], label)).toBe(true);
    expect(isLowGrade('competent', ['基本称职', '不称职'], label)).toBe(false);
    expect(isLowGrade(null, ['基本称职'], label)).toBe(false);
  });
});
