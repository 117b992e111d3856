/**
 * Questionnaire templates (pure): the team on the five goals of a first-class Party Group and on
 * 思想政治建设 / 领导能力 / 工作实绩 / 党风廉政建设; each member on 德、能、勤、绩、廉 with an overall
 * rating; a recommendation with a post, the number to recommend and a reference list.
 */
import type { BallotKind, Category, Questionnaire } from '../../../common/contracts/ballots.js';

/** The five goals of a first-class Party Group (mechanisms.md). */
export const FIVE_GOALS = [
  '信念坚定、政治可靠',
  '严守党规、依法执政',
  '作风优良、清正廉洁',
  '创新改革、敢于担当',
  '能力过硬、实绩突出',
] as const;
export const TEAM_ASPECTS = ['思想政治建设', '领导能力', '工作实绩', '党风廉政建设'] as const;
export const ASPECT_OPTIONS = ['好', '较好', '一般', '差'];
/** KH-03: 德、能、勤、绩、廉 and the four individual grades. */
export const MEMBER_DIMENSIONS: readonly [string, string][] = [
  ['de', '德（政治品质和道德品行）'],
  ['neng', '能（履行职责的业务素质和能力）'],
  ['qin', '勤（责任心、工作态度和工作作风）'],
  ['ji', '绩（完成工作的数量、质量、效率和效益）'],
  ['lian', '廉（廉洁自律）'],
];
export const MEMBER_GRADE_OPTIONS = ['优秀', '称职', '基本称职', '不称职'];

export interface TemplateMember {
  personId: string;
  name: string;
  post: string;
}

export interface Template {
  title: string;
  questionnaire: Questionnaire;
  categories: Category[];
}

export function defaultCategories(teamSize: number): Category[] {
  return [
    { key: 'team', label: '班子成员', expected: teamSize, loginPersonIds: [] },
    { key: 'middle', label: '中层干部', expected: 0, loginPersonIds: [] },
    { key: 'staff', label: '一般干部', expected: 0, loginPersonIds: [] },
  ];
}

export function teamEvaluationTemplate(
  unitName: string,
  year: number,
  teamGradeLabels: string[],
  teamSize: number,
): Template {
  return {
    title: `${unitName}领导班子${year}年度民主测评`,
    questionnaire: {
      intro: '请对领导班子一年来的情况作出评价。本测评无记名进行，系统不记录您的身份。',
      questions: [
        ...FIVE_GOALS.map((g, i) => ({
          id: `g${i + 1}`,
          type: 'rating' as const,
          text: g,
          options: ASPECT_OPTIONS,
          required: true,
          section: '建设一流党组班子',
        })),
        ...TEAM_ASPECTS.map((a, i) => ({
          id: `a${i + 1}`,
          type: 'rating' as const,
          text: a,
          options: ASPECT_OPTIONS,
          required: true,
          section: '班子建设情况',
        })),
        {
          id: 'overall',
          type: 'rating' as const,
          text: '对领导班子的总体评价',
          options: teamGradeLabels,
          required: true,
          section: '总体评价',
          role: 'overall' as const,
        },
      ],
    },
    categories: defaultCategories(teamSize),
  };
}

export function memberEvaluationTemplate(unitName: string, year: number, members: TemplateMember[]): Template {
  const questions = members.flatMap((m, i) => [
    ...MEMBER_DIMENSIONS.map(([key, label]) => ({
      id: `m${i + 1}_${key}`,
      type: 'rating' as const,
      text: label,
      options: MEMBER_GRADE_OPTIONS,
      required: true,
      section: `${m.name}（${m.post}）`,
      subjectPersonId: m.personId,
    })),
    {
      id: `m${i + 1}_overall`,
      type: 'rating' as const,
      text: '总体评价',
      options: MEMBER_GRADE_OPTIONS,
      required: true,
      section: `${m.name}（${m.post}）`,
      subjectPersonId: m.personId,
      role: 'overall' as const,
    },
  ]);
  return {
    title: `${unitName}领导班子成员${year}年度民主测评`,
    questionnaire: {
      intro: '请对每位班子成员从德、能、勤、绩、廉五个方面作出评价，并给出总体评价。本测评无记名进行。',
      questions,
    },
    categories: defaultCategories(members.length),
  };
}

export function recommendationTemplate(unitName: string, year: number, teamSize: number): Template {
  return {
    title: `${unitName}${year}年干部民主推荐`,
    questionnaire: {
      intro: '推荐结果是选拔任用的重要参考，不是选举结果，不简单以推荐票取人。请在参考人选中勾选，不超过应推荐人数。',
      questions: [
        {
          id: 'rec1',
          type: 'recommend',
          text: '请推荐您认为合适的人选',
          post: '副关长',
          seats: 1,
          allowWriteIn: false,
          required: true,
          candidates: [
            { id: 'c1', name: '（请填写参考人选）' },
            { id: 'c2', name: '（请填写参考人选）' },
          ],
        },
      ],
    },
    categories: defaultCategories(teamSize),
  };
}

export function templateFor(
  kind: BallotKind,
  unitName: string,
  year: number,
  members: TemplateMember[],
  teamGradeLabels: string[],
): Template {
  switch (kind) {
    case 'team_evaluation':
      return teamEvaluationTemplate(unitName, year, teamGradeLabels, members.length);
    case 'member_evaluation':
      return memberEvaluationTemplate(unitName, year, members);
    case 'recommendation':
      return recommendationTemplate(unitName, year, members.length);
  }
}
