/**
 * The first-run checklist of a personnel office (issue 16 §1): the units it manages (with the
 * codes the import keys them by), their teams, their people, the rule parameters set for them,
 * the working-day calendar of this year (and of next year late in the year), and the public
 * address the ballot slips print.
 */
import type { ChecklistItem } from '../../../common/contracts/setup.js';
import { isLoopbackUrl } from '../../../common/urls.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/actor.js';
import { today } from '../../platform/clock.js';
import { officeScope, getTeam, listUnits } from '../orgs/index.js';
import { countPeopleByUnit } from '../people/index.js';
import { listRules } from '../rules/index.js';

export async function checklist(ctx: AppContext, actor: Actor) {
  const scope = officeScope(actor);
  const offices = new Set(scope.personnelUnitIds);
  const units = await listUnits(ctx, actor);
  const inScope = units.filter((u) => offices.has(u.id) || (u.parentId !== null && offices.has(u.parentId)));
  // Teams the office keeps: one level down, and the root's own (nothing is above it).
  const teams = inScope.filter((u) => !offices.has(u.id) || u.parentId === null);
  const items: ChecklistItem[] = [];

  const withoutCode = inScope.filter((u) => !u.code).map((u) => u.name);
  items.push({
    key: 'units',
    status: withoutCode.length ? 'warn' : 'done',
    count: inScope.length,
    names: withoutCode,
    url: null,
  });

  const noSecretary: string[] = [];
  for (const u of teams) {
    const team = await getTeam(ctx, actor, u.id, { history: false });
    if (!team.members.some((m) => m.current && m.teamPost === 'secretary')) noSecretary.push(u.name);
  }
  items.push({
    key: 'teams',
    status: teams.length && !noSecretary.length ? 'done' : 'todo',
    count: teams.length,
    names: noSecretary,
    url: null,
  });

  const counts = await countPeopleByUnit(
    ctx,
    inScope.map((u) => u.id),
  );
  const empty = inScope.filter((u) => !counts.get(u.id)).map((u) => u.name);
  items.push({
    key: 'people',
    status: empty.length ? 'todo' : 'done',
    count: [...counts.values()].reduce((a, b) => a + b, 0),
    names: empty,
    url: null,
  });

  // Parameters the units set themselves (or inherit from above); all defaults is worth a look.
  let overridden = 0;
  for (const id of offices) {
    for (const rule of await listRules(ctx, actor, id, undefined)) {
      overridden += rule.params.filter((p) => p.source !== null).length;
    }
  }
  items.push({ key: 'rules', status: overridden ? 'done' : 'warn', count: overridden, names: [], url: null });

  const d = today(ctx.clock);
  const year = Number(d.slice(0, 4));
  const covered = (await ctx.calendar.table()).coveredYears;
  const missing = [year, ...(d.slice(5) >= '10-01' ? [year + 1] : [])].filter((y) => !covered.has(y));
  items.push({
    key: 'calendar',
    status: covered.has(year) ? (missing.length ? 'warn' : 'done') : 'todo',
    count: year,
    names: missing.map(String),
    url: null,
  });

  const set = ctx.config.publicUrlSet && !isLoopbackUrl(ctx.config.publicUrl);
  items.push({ key: 'publicUrl', status: set ? 'done' : 'todo', count: 0, names: [], url: ctx.config.publicUrl });

  return {
    offices: units.filter((u) => offices.has(u.id)).map((u) => ({ id: u.id, name: u.name })),
    items,
  };
}
