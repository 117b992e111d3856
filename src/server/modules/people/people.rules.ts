/**
 * Pure validation of a cadre record (任免审批表 fields), with Chinese messages naming the field.
 * ID-01 (GB 11643): 18 characters, valid check digit, birth date and sex agreeing with the record.
 * A Party join date before the age of 18 (党章 Art. 1: 年满十八岁) and a future work start date are refused.
 */
import { addDays, addMonths, type IsoDate } from '../../../common/dates.js';
import { parseIdNumber } from '../../../common/id-number.js';

export interface FieldError {
  field: string;
  message: string;
}

export interface PersonFacts {
  sex: 'M' | 'F';
  birthMonth: string;
  politicalStatus: string;
  partyJoinDate?: string | null | undefined;
  workStartDate?: string | null | undefined;
  idNumber?: string | null | undefined;
  resume?: { startMonth: string; endMonth?: string | null | undefined }[];
  family?: { birthDate?: string | null | undefined }[];
}

const CPC = new Set(['cpc', 'cpc_probationary']);

/** The day someone turns 18: exact from the ID number, else the latest possible day of the birth month. */
export function eighteenthBirthday(birthMonth: string, exactBirthDate: IsoDate | null): IsoDate {
  if (exactBirthDate) return addMonths(exactBirthDate, 18 * 12);
  // Without the exact day, only refuse what is certainly too early: assume the first of the month.
  return addMonths(`${birthMonth}-01`, 18 * 12);
}

/** All field errors of a record; an empty list means it is valid. */
export function validatePerson(p: PersonFacts, todayDate: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  const thisMonth = todayDate.slice(0, 7);
  if (p.birthMonth > thisMonth) errors.push({ field: 'birthMonth', message: '出生年月不能晚于当前月份' });

  let exactBirth: IsoDate | null = null;
  if (p.idNumber) {
    const id = parseIdNumber(p.idNumber);
    if (!id.ok) errors.push({ field: 'idNumber', message: id.message });
    else {
      exactBirth = id.birthDate;
      if (id.birthDate.slice(0, 7) !== p.birthMonth) {
        errors.push({
          field: 'idNumber',
          message: `身份证号中的出生日期 ${id.birthDate} 与出生年月 ${p.birthMonth} 不一致`,
        });
      }
      if (id.sex !== p.sex) {
        errors.push({
          field: 'idNumber',
          message: `身份证号显示性别为${id.sex === 'M' ? '男' : '女'}，与所填性别不一致`,
        });
      }
    }
  }

  if (CPC.has(p.politicalStatus)) {
    if (!p.partyJoinDate) errors.push({ field: 'partyJoinDate', message: '中共党员须填写入党时间' });
  } else if (p.partyJoinDate) {
    errors.push({ field: 'partyJoinDate', message: '政治面貌不是中共党员时不应填写入党时间' });
  }
  if (p.partyJoinDate) {
    if (p.partyJoinDate > todayDate) errors.push({ field: 'partyJoinDate', message: '入党时间不能晚于今天' });
    else if (p.partyJoinDate < eighteenthBirthday(p.birthMonth, exactBirth)) {
      errors.push({ field: 'partyJoinDate', message: '入党时间早于年满十八周岁之日（《中国共产党章程》第一条）' });
    }
  }
  if (p.workStartDate) {
    if (p.workStartDate > todayDate) errors.push({ field: 'workStartDate', message: '参加工作时间不能晚于今天' });
    else if (p.workStartDate.slice(0, 7) < p.birthMonth) {
      errors.push({ field: 'workStartDate', message: '参加工作时间不能早于出生年月' });
    }
  }
  (p.resume ?? []).forEach((r, i) => {
    if (r.endMonth && r.endMonth < r.startMonth) {
      errors.push({ field: `resume.${i}.endMonth`, message: `简历第 ${i + 1} 行：结束年月早于开始年月` });
    }
    if (r.startMonth > thisMonth) {
      errors.push({ field: `resume.${i}.startMonth`, message: `简历第 ${i + 1} 行：开始年月晚于当前月份` });
    }
  });
  (p.family ?? []).forEach((f, i) => {
    if (f.birthDate && f.birthDate > todayDate) {
      errors.push({ field: `family.${i}.birthDate`, message: `家庭成员第 ${i + 1} 人：出生日期晚于今天` });
    }
  });
  return errors;
}

/** Dated history: a new row must start after the open row it closes. */
export function closingDateFor(
  openStart: IsoDate,
  newStart: IsoDate,
): { ok: true; endDate: IsoDate } | { ok: false; message: string } {
  if (newStart <= openStart) return { ok: false, message: `开始日期须晚于现任记录的开始日期 ${openStart}` };
  return { ok: true, endDate: addDays(newStart, -1) };
}
