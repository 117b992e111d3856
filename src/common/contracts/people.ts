import { z } from 'zod';
import { RANK_CODES } from '../ranks.js';
import { idSchema, isoDateSchema, monthSchema, optionalText, pageNumberSchema, text } from './common.js';

export const POLITICAL_STATUSES = [
  'cpc',
  'cpc_probationary',
  'league',
  'democratic_party',
  'non_party',
  'masses',
] as const;
export const POLITICAL_STATUS_LABELS: Record<(typeof POLITICAL_STATUSES)[number], string> = {
  cpc: '中共党员',
  cpc_probationary: '中共预备党员',
  league: '共青团员',
  democratic_party: '民主党派',
  non_party: '无党派人士',
  masses: '群众',
};
export const FAMILY_RELATIONS = [
  'spouse',
  'son',
  'daughter',
  'son_in_law',
  'daughter_in_law',
  'father',
  'mother',
  'father_in_law',
  'mother_in_law',
  'sibling',
  'other',
] as const;
export const FAMILY_RELATION_LABELS: Record<(typeof FAMILY_RELATIONS)[number], string> = {
  spouse: '配偶',
  son: '儿子',
  daughter: '女儿',
  son_in_law: '女婿',
  daughter_in_law: '儿媳',
  father: '父亲',
  mother: '母亲',
  father_in_law: '岳父/公公',
  mother_in_law: '岳母/婆婆',
  sibling: '兄弟姐妹',
  other: '其他',
};
export const QUALIFICATIONS = ['研究生', '大学', '大专', '中专', '高中', '初中及以下'] as const;
export const DEGREES = ['博士', '硕士', '学士', '无'] as const;
export const SEXES = ['M', 'F'] as const;
export const SEX_LABELS: Record<(typeof SEXES)[number], string> = { M: '男', F: '女' };

export const ETHNICITIES = [
  '汉族',
  '维吾尔族',
  '哈萨克族',
  '回族',
  '蒙古族',
  '柯尔克孜族',
  '锡伯族',
  '塔吉克族',
  '乌孜别克族',
  '满族',
  '达斡尔族',
  '塔塔尔族',
  '俄罗斯族',
  '藏族',
  '壮族',
  '苗族',
  '彝族',
  '土家族',
  '朝鲜族',
  '侗族',
  '瑶族',
  '白族',
  '哈尼族',
  '黎族',
  '傣族',
  '畲族',
  '傈僳族',
  '东乡族',
  '仡佬族',
  '拉祜族',
  '佤族',
  '水族',
  '纳西族',
  '羌族',
  '土族',
  '仫佬族',
  '布依族',
  '景颇族',
  '撒拉族',
  '布朗族',
  '毛南族',
  '普米族',
  '阿昌族',
  '怒族',
  '鄂温克族',
  '京族',
  '基诺族',
  '德昂族',
  '保安族',
  '裕固族',
  '门巴族',
  '鄂伦春族',
  '独龙族',
  '赫哲族',
  '高山族',
  '珞巴族',
] as const;

export const educationSchema = z.object({
  qualification: z.enum(QUALIFICATIONS, { message: '请选择学历' }),
  degree: z.enum(DEGREES, { message: '请选择学位' }),
  school: text(100, '毕业院校'),
  major: optionalText(100, '专业'),
});
export type Education = z.infer<typeof educationSchema>;

export const resumeLineSchema = z.object({
  startMonth: monthSchema,
  endMonth: monthSchema.nullable().optional(),
  text: text(300, '简历内容'),
});

export const familyMemberSchema = z.object({
  id: idSchema.optional(),
  relation: z.enum(FAMILY_RELATIONS, { message: '请选择称谓' }),
  name: text(40, '家庭成员姓名'),
  birthDate: isoDateSchema.nullable().optional(),
  politicalStatus: z.enum(POLITICAL_STATUSES).nullable().optional(),
  employerPost: optionalText(200, '工作单位及职务'),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;

/** The fields of the appointment form (任免审批表) that a personnel officer types. */
export const personBodySchema = z.object({
  unitId: idSchema,
  name: text(40, '姓名'),
  sex: z.enum(SEXES, { message: '请选择性别' }),
  birthMonth: monthSchema,
  ethnicity: z.enum(ETHNICITIES, { message: '请选择民族' }),
  nativePlace: optionalText(60, '籍贯'),
  birthplace: optionalText(60, '出生地'),
  politicalStatus: z.enum(POLITICAL_STATUSES, { message: '请选择政治面貌' }),
  partyJoinDate: isoDateSchema.nullable().optional(),
  workStartDate: isoDateSchema.nullable().optional(),
  health: optionalText(40, '健康状况'),
  professionalTitle: optionalText(60, '专业技术职务'),
  expertise: optionalText(200, '熟悉专业有何专长'),
  educationFulltime: educationSchema.nullable().optional(),
  educationInservice: educationSchema.nullable().optional(),
  rewardsPunishments: optionalText(2000, '奖惩情况'),
  idNumber: z.string().trim().max(32, '身份证号过长').nullable().optional(),
  resume: z.array(resumeLineSchema).max(60, '简历最多 60 行').default([]),
  family: z.array(familyMemberSchema).max(30, '家庭成员最多 30 人').default([]),
  /** Rank on creation (dated history row) */
  rankCode: z.enum(RANK_CODES).nullable().optional(),
  rankStartDate: isoDateSchema.nullable().optional(),
  /** Current post title on creation, e.g. 副关长 */
  postTitle: optionalText(60, '现任职务'),
  postStartDate: isoDateSchema.nullable().optional(),
});
export type PersonBody = z.infer<typeof personBodySchema>;

export const personUpdateSchema = personBodySchema.omit({
  unitId: true,
  rankCode: true,
  rankStartDate: true,
  postTitle: true,
  postStartDate: true,
});
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

export const rankRowSchema = z.object({
  id: z.string(),
  rankCode: z.string(),
  rankLabel: z.string(),
  levelLabel: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  note: z.string().nullable(),
});
export const postRowSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  title: z.string(),
  isLeading: z.boolean(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});
export const unitHistoryRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});

export const addRankBodySchema = z.object({
  rankCode: z.enum(RANK_CODES, { message: '请选择职务职级' }),
  startDate: isoDateSchema,
  note: optionalText(200, '备注'),
});
export const addPostBodySchema = z.object({
  unitId: idSchema,
  title: text(60, '职务名称'),
  isLeading: z.boolean().default(true),
  startDate: isoDateSchema,
});
export const transferBodySchema = z.object({ unitId: idSchema, startDate: isoDateSchema });

/** What a colleague sees: names, posts and division of work only. */
export const personBasicSchema = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  currentPost: z.string().nullable(),
  teamPost: z.string().nullable(),
  divisionOfWork: z.string().nullable(),
  access: z.enum(['basic', 'full']),
});

export const personListItemSchema = personBasicSchema.extend({
  sex: z.enum(SEXES).nullable(),
  birthMonth: z.string().nullable(),
  ethnicity: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  rankCode: z.string().nullable(),
  rankLabel: z.string().nullable(),
  levelLabel: z.string().nullable(),
  qualification: z.string().nullable(),
});
export type PersonListItem = z.infer<typeof personListItemSchema>;

export const personListQuerySchema = z.object({
  unitId: idSchema.optional(),
  /** With unitId: also the units directly below it (e.g. a personnel office's whole remit) */
  includeChildren: z.enum(['0', '1']).default('0'),
  q: z.string().trim().max(40).optional(),
  sex: z.enum(SEXES).optional(),
  ethnicity: z.string().max(20).optional(),
  level: z.string().max(40).optional(),
  teamOnly: z.enum(['0', '1']).default('0'),
  sort: z.enum(['name', 'birthMonth', 'unit', 'level']).default('unit'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: pageNumberSchema,
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const personDetailSchema = personBasicSchema.extend({
  sex: z.enum(SEXES),
  birthMonth: z.string(),
  ethnicity: z.string(),
  nativePlace: z.string().nullable(),
  birthplace: z.string().nullable(),
  politicalStatus: z.string(),
  partyJoinDate: z.string().nullable(),
  workStartDate: z.string().nullable(),
  health: z.string().nullable(),
  professionalTitle: z.string().nullable(),
  expertise: z.string().nullable(),
  educationFulltime: educationSchema.nullable(),
  educationInservice: educationSchema.nullable(),
  rewardsPunishments: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  resume: z.array(resumeLineSchema.extend({ endMonth: z.string().nullable() })),
  family: z.array(
    familyMemberSchema.extend({
      id: z.string(),
      birthDate: z.string().nullable(),
      politicalStatus: z.string().nullable(),
      employerPost: z.string().nullable(),
    }),
  ),
  ranks: z.array(rankRowSchema),
  posts: z.array(postRowSchema),
  unitHistory: z.array(unitHistoryRowSchema),
  age: z.number().int().nullable(),
  canEdit: z.boolean(),
  canRevealIdNumber: z.boolean(),
  updatedAt: z.string(),
});
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const revealIdNumberResultSchema = z.object({ idNumber: z.string().nullable() });
