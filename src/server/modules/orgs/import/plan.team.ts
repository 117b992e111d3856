/**
 * The 班子成员 sheet: memberships keyed by unit, person and start date. A current membership
 * needs the person's 人事关系 in that unit; two memberships of one person in one team may not
 * overlap; a team has at most one current secretary. An existing current membership may get its
 * 行政职务, 分工 and order updated or be ended with a reason; an ended one is history and stays.
 */
import { teamPostLabel } from '../../../../common/contracts/orgs.js';
import { parseIdNumber } from '../../../../common/id-number.js';
import { parseTeamPost, parseYesNo, SHEETS } from './columns.js';
import type { KnownPerson } from './plan.people.js';
import { RowReader } from './plan.support.js';
import type { MembershipFacts, MembershipValues } from './plan.types.js';
import { mayManageUnit, OUT_OF_SCOPE, unitLabel, type PlanState } from './plan.units.js';

const overlaps = (a: { startDate: string; endDate: string | null }, b: { startDate: string; endDate: string | null }) =>
  a.startDate <= (b.endDate ?? '9999-12-31') && b.startDate <= (a.endDate ?? '9999-12-31');

export function planTeam(s: PlanState, people: Map<string, KnownPerson>, peopleRows: Map<string, number>): void {
  const fileRows: (MembershipValues & { row: number; r: RowReader })[] = [];
  for (const raw of s.input.file.team) {
    const r = new RowReader('team', raw, s.errors);
    const unitCode = r.text('unitCode', 40, true);
    const unitId = unitCode ? s.unitIdByCode.get(unitCode) : undefined;
    if (unitCode && !unitId) r.error('unitCode', `单位代码 ${unitCode} 在本文件和系统中都不存在`);
    const idRaw = r.text('idNumber', 32, true);
    const id = idRaw ? parseIdNumber(idRaw) : null;
    if (id && !id.ok) r.error('idNumber', `${id.message}（ID-01）`);
    const blind = id?.ok ? s.input.blindOf(id.value) : null;
    const person = blind ? people.get(blind) : undefined;
    if (blind && !person) {
      const at = peopleRows.get(blind);
      r.error(
        'idNumber',
        at ? `此人在“人员”表第 ${at} 行有错，请先改正该行` : '此人不在“人员”表中，也不在系统中：请先在“人员”表中填写',
      );
    }
    const name = r.text('name', 40);
    if (person && name && name !== person.name) r.error('name', `与身份证号对应的姓名“${person.name}”不一致`);
    const teamPost = r.choice('teamPost', parseTeamPost, true);
    const adminPost = r.text('adminPost', 60);
    const member = r.choice('isPartyGroupMember', parseYesNo);
    const divisionOfWork = r.text('divisionOfWork', 500);
    const startDate = r.date('startDate', true);
    const endDate = r.date('endDate');
    const endReason = r.text('endReason', 200);
    const sortOrder = r.int('sortOrder');
    if (startDate && endDate && endDate < startDate) r.error('endDate', '结束日期不能早于任职开始日期');
    if (endDate && !endReason) r.error('endReason', '填写结束日期时必填');
    if (!endDate && endReason) r.error('endDate', '填写了结束原因，请同时填写结束日期');
    if (!r.ok || !unitId || !person || !teamPost || !startDate) continue;
    if (!mayManageUnit(s, unitId)) {
      r.error('unitCode', `${OUT_OF_SCOPE}：本单位班子由上级单位的人事部门调整`);
      continue;
    }
    if (!endDate && person.unitId !== unitId) {
      r.error(
        'unitCode',
        `${person.name}的人事关系不在${unitLabel(s, unitId)}：请先办理调动或在“人员”表中填写所在单位`,
      );
      continue;
    }
    fileRows.push({
      row: raw.row,
      r,
      unitId,
      personId: person.id,
      teamPost,
      adminPost,
      isPartyGroupMember: member ?? teamPost !== 'non_member_leader',
      divisionOfWork,
      startDate,
      endDate,
      endReason,
      sortOrder: sortOrder ?? 0,
    });
  }
  const existing = s.input.snapshot.memberships;
  // After this import: existing memberships (with their planned changes) plus the new ones.
  const after = new Map<string, MembershipValues & { row?: number }>(existing.map((m) => [m.id, { ...m }]));
  for (const f of fileRows) {
    const same = existing.find(
      (m) => m.unitId === f.unitId && m.personId === f.personId && m.startDate === f.startDate,
    );
    if (same) {
      planExisting(s, f, same, after);
      continue;
    }
    const clash = [...after.values()].find((m) => m.unitId === f.unitId && m.personId === f.personId && overlaps(m, f));
    if (clash) {
      f.r.error(
        'startDate',
        clash.row
          ? `与第 ${clash.row} 行的任职时间重叠`
          : `与已有任职（${clash.startDate} 起）时间重叠：请先结束原任职`,
      );
      continue;
    }
    const { row: _row, r: _r, ...values } = f;
    const newId = s.input.newId();
    s.plan.teamCreates.push({ id: newId, ...values });
    after.set(newId, { ...values, row: f.row });
    const unit = s.units.get(f.unitId);
    s.plan.changes.push({
      sheet: SHEETS.team,
      row: f.row,
      action: 'create',
      text: `新增任职 ${unitLabel(s, f.unitId)} ${teamPostLabel(f.teamPost, unit?.organType ?? 'party_group')} ${nameOf(s, f.personId)}（${f.startDate} 起${f.endDate ? `，至 ${f.endDate}` : ''}）`,
    });
  }
  // One current secretary per team (after the import).
  const secretaries = new Map<string, (MembershipValues & { row?: number })[]>();
  for (const m of after.values()) {
    if (m.teamPost !== 'secretary' || (m.endDate !== null && m.endDate < s.input.today)) continue;
    secretaries.set(m.unitId, [...(secretaries.get(m.unitId) ?? []), m]);
  }
  for (const list of secretaries.values()) {
    if (list.length < 2) continue;
    for (const m of list.filter((x) => x.row)) {
      const f = fileRows.find((x) => x.row === m.row);
      f?.r.error('teamPost', '本班子将有两名在任书记：请先结束原书记任职（填写结束日期和原因）');
    }
  }
}

function nameOf(s: PlanState, personId: string): string {
  const created = s.plan.personCreates.find((p) => p.id === personId);
  if (created) return created.name;
  for (const p of s.input.snapshot.peopleByBlind.values()) if (p.id === personId) return p.name;
  return '';
}

function planExisting(
  s: PlanState,
  f: MembershipValues & { row: number; r: RowReader },
  m: MembershipFacts,
  after: Map<string, MembershipValues & { row?: number }>,
): void {
  const { id, ...before } = m;
  if (f.teamPost !== m.teamPost || f.isPartyGroupMember !== m.isPartyGroupMember) {
    f.r.error('teamPost', '班子职务变化：请先结束原任职（填写结束日期和原因），再另起一行新增任职');
    return;
  }
  if (m.endDate !== null) {
    const same =
      f.endDate === m.endDate &&
      f.adminPost === m.adminPost &&
      f.divisionOfWork === m.divisionOfWork &&
      f.endReason === m.endReason;
    if (!same) f.r.error('endDate', `该任职已于 ${m.endDate} 结束，历史记录不能修改`);
    return;
  }
  const next: MembershipValues = {
    ...before,
    adminPost: f.adminPost,
    divisionOfWork: f.divisionOfWork,
    sortOrder: f.sortOrder,
    endDate: f.endDate,
    endReason: f.endReason,
  };
  const labels: [keyof MembershipValues, string][] = [
    ['adminPost', '行政职务'],
    ['divisionOfWork', '分工'],
    ['sortOrder', '排序'],
  ];
  const changed = labels.filter(([k]) => next[k] !== before[k]).map(([, l]) => l);
  if (!changed.length && !f.endDate) return;
  s.plan.teamUpdates.push({ id, before, after: next });
  after.set(id, { ...next, row: f.row });
  s.plan.changes.push({
    sheet: SHEETS.team,
    row: f.row,
    action: f.endDate ? 'end' : 'update',
    text: f.endDate
      ? `结束任职 ${unitLabel(s, m.unitId)} ${nameOf(s, m.personId)}（${f.endDate}，${f.endReason ?? ''}）`
      : `修改任职 ${unitLabel(s, m.unitId)} ${nameOf(s, m.personId)}：${changed.join('、')}`,
  });
}
