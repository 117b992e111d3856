import { describe, expect, it } from 'vitest';
import { menuFor } from './menu.js';

const paths = (roles: string[], managesBelow = false) => menuFor(null, { roles, managesBelow }).map((e) => e.path);

describe('menu by ability', () => {
  it('shows meetings and decisions to the team and its office, not to personnel, discipline or staff', () => {
    for (const r of ['office', 'secretary', 'member']) expect(paths([r])).toContain('/meetings');
    for (const r of ['personnel', 'discipline', 'staff']) {
      expect(paths([r])).not.toContain('/meetings');
      expect(paths([r])).not.toContain('/decisions');
      expect(paths([r])).not.toContain('/decisions/violations');
    }
  });

  it('shows the violation report and grades to the offices that manage units below', () => {
    expect(paths(['personnel'], true)).toEqual(expect.arrayContaining(['/decisions/violations', '/assessments']));
    expect(paths(['member'])).not.toContain('/assessments');
  });

  it('keeps the admin menus as they are (三员分立)', () => {
    expect(menuFor('auditor', { roles: [], managesBelow: false }).map((e) => e.path)).toContain('/audit');
  });
});
