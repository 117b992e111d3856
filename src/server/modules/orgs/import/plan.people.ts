/**
 * The 人员 sheet: people keyed by the blind index of their ID number (ID-01). A new person gets a
 * record, a current post and rank; an existing one gets the fields that differ, and a new post or
 * rank row closing the open one the day before (dated history, never overwritten). A person in
 * another unit is not moved: a transfer (调动) is done in the system.
 */
import { parseIdNumber } from '../../../../common/id-number.js';
import { getRankDef } from '../../../../common/ranks.js';
import { closingDateFor, validatePerson } from '../../people/index.js';
import { parseEthnicity, parsePolitical, parseRank, parseSex, SHEETS } from './columns.js';
import { diff, RowReader } from './plan.support.js';
import type { PersonFields, PersonUpdate } from './plan.types.js';
import { mayHoldPeople, OUT_OF_SCOPE, unitLabel, type PlanState } from './plan.units.js';

/** A person as the team sheet sees them after this import. */
export interface KnownPerson {
  id: string;
  name: string;
  unitId: string;
}

const FIELD_COLUMN: Record<string, string> = {
  birthMonth: 'birthMonth',
  partyJoinDate: 'partyJoinDate',
  workStartDate: 'workStartDate',
  idNumber: 'idNumber',
};

const FIELD_LABELS: Record<keyof PersonFields, string> = {
  name: '姓名',
  sex: '性别',
  birthMonth: '出生年月',
  ethnicity: '民族',
  politicalStatus: '政治面貌',
  nativePlace: '籍贯',
  birthplace: '出生地',
  workStartDate: '参加工作时间',
  partyJoinDate: '入党时间',
  professionalTitle: '专业技术职务',
};

/**
 * Reads and checks the people sheet; returns every person the team sheet may name, by blind index,
 * and the row of each valid ID number (so the team sheet can point at a people row in error).
 */
export function planPeople(
  s: PlanState,
  onOwnTeam: (unitId: string, blind: string) => boolean,
): { known: Map<string, KnownPerson>; rowOf: Map<string, number> } {
  const known = new Map<string, KnownPerson>();
  const rowOf = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const raw of s.input.file.people) {
    const r = new RowReader('people', raw, s.errors);
    const idRaw = r.text('idNumber', 32, true);
    const id = idRaw ? parseIdNumber(idRaw) : null;
    if (id && !id.ok) r.error('idNumber', `${id.message}（ID-01）`);
    const idNumber = id?.ok ? id.value : null;
    if (idNumber && seen.has(idNumber)) r.error('idNumber', `身份证号与第 ${seen.get(idNumber)} 行重复`);
    if (idNumber) {
      seen.set(idNumber, raw.row);
      rowOf.set(s.input.blindOf(idNumber), raw.row);
    }
    const name = r.text('name', 40, true);
    const sexGiven = r.choice('sex', parseSex);
    const monthGiven = r.month('birthMonth');
    const ethnicity = r.choice('ethnicity', parseEthnicity, true);
    const politicalStatus = r.choice('politicalStatus', parsePolitical, true);
    const unitCode = r.text('unitCode', 40, true);
    const unitId = unitCode ? s.unitIdByCode.get(unitCode) : undefined;
    if (unitCode && !unitId) r.error('unitCode', `单位代码 ${unitCode} 在本文件和系统中都不存在`);
    const postTitle = r.text('postTitle', 60);
    const postStartDate = r.date('postStartDate');
    if (postTitle && !postStartDate && r.raw('postStartDate') === null) r.error('postStartDate', '填写现任职务时必填');
    const rank = r.choice('rank', parseRank);
    const rankStartDate = r.date('rankStartDate');
    if (rank && !rankStartDate && r.raw('rankStartDate') === null) r.error('rankStartDate', '填写职务职级时必填');
    const fields = {
      workStartDate: r.date('workStartDate'),
      partyJoinDate: r.date('partyJoinDate'),
      nativePlace: r.text('nativePlace', 60),
      birthplace: r.text('birthplace', 60),
      professionalTitle: r.text('professionalTitle', 60),
    };
    if (id?.ok && sexGiven && sexGiven !== id.sex) r.error('sex', '与身份证号中的性别不一致（ID-01）');
    if (id?.ok && monthGiven && monthGiven !== id.birthDate.slice(0, 7)) {
      r.error('birthMonth', '与身份证号中的出生日期不一致（ID-01）');
    }
    if (!id?.ok || !idNumber || !name || !ethnicity || !politicalStatus || !unitId) continue;
    const person: PersonFields = {
      name,
      sex: id.sex,
      birthMonth: id.birthDate.slice(0, 7),
      ethnicity,
      politicalStatus,
      ...fields,
    };
    const blind = s.input.blindOf(idNumber);
    const existing = s.input.snapshot.peopleByBlind.get(blind);
    // Blank optional cells keep what the record holds; the record as it will be is checked.
    const next: Partial<PersonFields> = { ...person };
    for (const k of Object.keys(fields) as (keyof typeof fields)[]) if (fields[k] === null) delete next[k];
    for (const e of validatePerson(
      { ...existing, ...next, sex: person.sex, birthMonth: person.birthMonth, politicalStatus, idNumber },
      s.input.today,
    )) {
      r.error(FIELD_COLUMN[e.field] ?? 'idNumber', e.message);
    }
    if (!r.ok) continue;
    const unit = unitLabel(s, unitId);
    if (!mayHoldPeople(s, unitId)) {
      r.error('unitCode', OUT_OF_SCOPE);
      continue;
    }
    if (s.office && s.office.personnel.has(unitId) && unitId !== s.rootId && onOwnTeam(unitId, blind)) {
      r.error('idNumber', '本单位班子成员的档案由上级单位的人事部门管理（干部管理权限：下管一级）');
      continue;
    }
    if (!existing) {
      const pid = s.input.newId();
      s.plan.personCreates.push({
        id: pid,
        idNumber,
        unitId,
        ...person,
        post: postTitle && postStartDate ? { title: postTitle, startDate: postStartDate } : null,
        rank: rank && rankStartDate ? { code: rank, startDate: rankStartDate } : null,
      });
      s.plan.changes.push({ sheet: SHEETS.people, row: r.row, action: 'create', text: `新增人员 ${name}（${unit}）` });
      known.set(blind, { id: pid, name, unitId });
      continue;
    }
    known.set(blind, { id: existing.id, name, unitId: existing.unitId });
    if (existing.unitId !== unitId) {
      r.error('unitCode', `此人现在${unitLabel(s, existing.unitId)}：调动请在干部档案中办理，不能通过导入`);
      continue;
    }
    const d = diff<PersonFields>(existing, next);
    const update: PersonUpdate = {
      id: existing.id,
      unitId,
      before: d.before,
      after: d.after,
      closePosts: [],
      newPost: null,
      closeRanks: [],
      newRank: null,
    };
    const what = Object.keys(d.after).map((k) => FIELD_LABELS[k as keyof PersonFields]);
    if (postTitle && postStartDate && !existing.posts.some((p) => p.title === postTitle)) {
      for (const p of existing.posts) {
        const c = closingDateFor(p.startDate, postStartDate);
        if (!c.ok) r.error('postStartDate', `${c.message}（现任“${p.title}”）`);
        else update.closePosts.push({ id: p.id, endDate: c.endDate });
      }
      update.newPost = { title: postTitle, startDate: postStartDate };
      what.push(`现任职务改为“${postTitle}”`);
    }
    const rankDef = rank ? getRankDef(rank) : undefined;
    if (rank && rankStartDate && rankDef && !existing.ranks.some((x) => x.code === rank)) {
      for (const x of existing.ranks.filter((o) => getRankDef(o.code)?.kind === rankDef.kind)) {
        const c = closingDateFor(x.startDate, rankStartDate);
        if (!c.ok) r.error('rankStartDate', c.message);
        else update.closeRanks.push({ id: x.id, endDate: c.endDate });
      }
      update.newRank = { code: rank, startDate: rankStartDate };
      what.push(`职务职级改为“${rankDef.zh}”`);
    }
    if (!r.ok || !what.length) continue;
    s.plan.personUpdates.push(update);
    s.plan.changes.push({
      sheet: SHEETS.people,
      row: r.row,
      action: 'update',
      text: `修改人员 ${name}（${unit}）：${what.join('、')}`,
    });
  }
  return { known, rowOf };
}
