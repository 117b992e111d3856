import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { personBodySchema } from '../../../common/contracts/people.js';
import { eduOf, toCreateBody, toUpdateBody } from './personForm.js';

describe('cadre form conversion', () => {
  const values = {
    unitId: 'u1',
    name: ' 张三 ',
    sex: 'M' as const,
    birthMonth: dayjs('1975-03-01'),
    ethnicity: '汉族',
    politicalStatus: 'cpc',
    partyJoinDate: dayjs('1998-07-01'),
    nativePlace: '',
    idNumber: '11010519491231002x',
    educationFulltime: { qualification: '大学', degree: '学士', school: '新疆大学', major: '' },
    educationInservice: { qualification: undefined, degree: undefined, school: '', major: '' },
    resume: [{ startMonth: dayjs('1997-07-01'), endMonth: null, text: '乌鲁木齐海关科员' }],
    family: [{ relation: 'spouse', name: '李四', birthDate: null, politicalStatus: null, employerPost: '' }],
    rankCode: 'L-DIV-DEPUTY',
    rankStartDate: dayjs('2020-01-15'),
    postTitle: '副关长',
  };

  it('produces a body the shared contract accepts', () => {
    const body = toCreateBody(values);
    expect(body.name).toBe('张三');
    expect(body.birthMonth).toBe('1975-03');
    expect(body.partyJoinDate).toBe('1998-07-01');
    expect(body.nativePlace).toBeNull();
    expect(body.idNumber).toBe('11010519491231002X');
    expect(body.educationInservice).toBeNull();
    expect(body.resume[0]).toEqual({ startMonth: '1997-07', endMonth: null, text: '乌鲁木齐海关科员' });
    expect(body.rankStartDate).toBe('2020-01-15');
    expect(personBodySchema.safeParse(body).success).toBe(true);
  });

  it('leaves the ID number out of an update when the field is blank', () => {
    expect('idNumber' in toUpdateBody({ ...values, idNumber: '' })).toBe(false);
  });

  it('treats an empty education group as none', () => {
    expect(eduOf(undefined)).toBeNull();
    expect(eduOf({ school: '  ' })).toBeNull();
    expect(eduOf({ qualification: '研究生', degree: '硕士', school: '清华大学' })?.major).toBeNull();
  });
});
