/** Form values of the cadre form (任免审批表) and their conversion to and from the contracts. */
import type { Dayjs } from 'dayjs';
import type { Education, PersonBody, PersonDetail, PersonUpdate } from '../../../common/contracts/people.js';
import { fromDate, toDate, toMonth } from '../../lib/format.js';

export interface EduValues {
  qualification?: string;
  degree?: string;
  school?: string;
  major?: string;
}
export interface ResumeValues {
  startMonth?: Dayjs | null;
  endMonth?: Dayjs | null;
  text?: string;
}
export interface FamilyValues {
  id?: string;
  relation?: string;
  name?: string;
  birthDate?: Dayjs | null;
  politicalStatus?: string | null;
  employerPost?: string;
}

export interface PersonFormValues {
  unitId?: string;
  name?: string;
  sex?: 'M' | 'F';
  birthMonth?: Dayjs | null;
  ethnicity?: string;
  nativePlace?: string;
  birthplace?: string;
  politicalStatus?: string;
  partyJoinDate?: Dayjs | null;
  workStartDate?: Dayjs | null;
  health?: string;
  professionalTitle?: string;
  expertise?: string;
  educationFulltime?: EduValues;
  educationInservice?: EduValues;
  rewardsPunishments?: string;
  idNumber?: string;
  resume?: ResumeValues[];
  family?: FamilyValues[];
  rankCode?: string;
  rankStartDate?: Dayjs | null;
  postTitle?: string;
  postStartDate?: Dayjs | null;
}

function s(v: string | null | undefined): string | null {
  const x = v?.trim();
  return x ? x : null;
}

/** An education group left entirely empty is null; otherwise it is sent for the server to check. */
export function eduOf(e: EduValues | undefined): Education | null {
  if (!e || (!s(e.qualification) && !s(e.degree) && !s(e.school) && !s(e.major))) return null;
  return {
    qualification: e.qualification,
    degree: e.degree,
    school: e.school?.trim() ?? '',
    major: s(e.major),
  } as Education;
}

export function toUpdateBody(v: PersonFormValues): PersonUpdate {
  return {
    name: v.name?.trim() ?? '',
    sex: v.sex as 'M' | 'F',
    birthMonth: toMonth(v.birthMonth) ?? '',
    ethnicity: v.ethnicity as PersonUpdate['ethnicity'],
    nativePlace: s(v.nativePlace),
    birthplace: s(v.birthplace),
    politicalStatus: v.politicalStatus as PersonUpdate['politicalStatus'],
    partyJoinDate: toDate(v.partyJoinDate),
    workStartDate: toDate(v.workStartDate),
    health: s(v.health),
    professionalTitle: s(v.professionalTitle),
    expertise: s(v.expertise),
    educationFulltime: eduOf(v.educationFulltime),
    educationInservice: eduOf(v.educationInservice),
    rewardsPunishments: s(v.rewardsPunishments),
    // Blank means "keep the stored number": the form never shows it in clear.
    ...(s(v.idNumber) ? { idNumber: s(v.idNumber)?.toUpperCase() } : {}),
    resume: (v.resume ?? []).map((r) => ({
      startMonth: toMonth(r.startMonth) ?? '',
      endMonth: toMonth(r.endMonth),
      text: r.text?.trim() ?? '',
    })),
    family: (v.family ?? []).map((f) => ({
      ...(f.id ? { id: f.id } : {}),
      relation: f.relation as PersonUpdate['family'][number]['relation'],
      name: f.name?.trim() ?? '',
      birthDate: toDate(f.birthDate),
      politicalStatus: (f.politicalStatus ?? null) as PersonUpdate['family'][number]['politicalStatus'],
      employerPost: s(f.employerPost),
    })),
  };
}

export function toCreateBody(v: PersonFormValues): PersonBody {
  return {
    ...toUpdateBody(v),
    unitId: v.unitId ?? '',
    rankCode: v.rankCode ?? null,
    rankStartDate: toDate(v.rankStartDate),
    postTitle: s(v.postTitle),
    postStartDate: toDate(v.postStartDate),
  };
}

function eduValues(e: Education | null): EduValues | undefined {
  return e
    ? { qualification: e.qualification, degree: e.degree, school: e.school, major: e.major ?? undefined }
    : undefined;
}

/** Initial form values from a record (the ID number is never prefilled: it is only shown masked). */
export function fromDetail(p: PersonDetail): PersonFormValues {
  return {
    unitId: p.unitId,
    name: p.name,
    sex: p.sex,
    birthMonth: fromDate(p.birthMonth),
    ethnicity: p.ethnicity,
    nativePlace: p.nativePlace ?? undefined,
    birthplace: p.birthplace ?? undefined,
    politicalStatus: p.politicalStatus,
    partyJoinDate: fromDate(p.partyJoinDate),
    workStartDate: fromDate(p.workStartDate),
    health: p.health ?? undefined,
    professionalTitle: p.professionalTitle ?? undefined,
    expertise: p.expertise ?? undefined,
    educationFulltime: eduValues(p.educationFulltime),
    educationInservice: eduValues(p.educationInservice),
    rewardsPunishments: p.rewardsPunishments ?? undefined,
    resume: p.resume.map((r) => ({ startMonth: fromDate(r.startMonth), endMonth: fromDate(r.endMonth), text: r.text })),
    family: p.family.map((f) => ({
      id: f.id,
      relation: f.relation,
      name: f.name,
      birthDate: fromDate(f.birthDate),
      politicalStatus: f.politicalStatus,
      employerPost: f.employerPost ?? undefined,
    })),
  };
}
