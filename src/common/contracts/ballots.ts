/**
 * Anonymous democratic evaluation and recommendation (民主测评、民主推荐): the questionnaire, the
 * session settings, ballots, live participation, results and receipts. Shared by server and
 * client; `validateAnswers` (common/ballot-answers.ts) is the one check of a ballot against its questionnaire.
 */
import { z } from 'zod';
import { findingSchema, idSchema, isoDateSchema, plainText, text } from './common.js';

/** Optional trimmed text without control or bidi characters (headings, notes). */
const shortText = (max: number, label: string) => plainText(max, label).trim().optional();

export const BALLOT_KINDS = ['team_evaluation', 'member_evaluation', 'recommendation'] as const;
export type BallotKind = (typeof BALLOT_KINDS)[number];
export const BALLOT_KIND_LABELS: Record<BallotKind, string> = {
  team_evaluation: '领导班子民主测评',
  member_evaluation: '班子成员民主测评',
  recommendation: '民主推荐',
};
export const SESSION_STATUSES = ['draft', 'open', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  draft: '筹备中',
  open: '已开启',
  closed: '已结束',
};
export const SMALL_GROUP_POLICIES = ['merge', 'withhold'] as const;
export type SmallGroupPolicy = (typeof SMALL_GROUP_POLICIES)[number];
export const SMALL_GROUP_POLICY_LABELS: Record<SmallGroupPolicy, string> = {
  merge: '与人数次少的类别合并显示',
  withhold: '不予显示（并保证无法由总数相减推出）',
};

// The code helpers and the answer check live in a zod-free module the light voting page loads too.
export {
  CODE_ALPHABET,
  CODE_LENGTH,
  RECEIPT_LENGTH,
  groupCode,
  normalizeCode,
  normalizeWriteIn,
  validateAnswers,
  type AnswerProblem,
} from '../ballot-answers.js';

const questionId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, '题目编号只能包含字母、数字、下划线和短横线');

export const ratingQuestionSchema = z.object({
  id: questionId,
  type: z.literal('rating'),
  text: text(200, '题目'),
  options: z.array(text(20, '选项')).min(2, '至少两个选项').max(10, '最多十个选项'),
  required: z.boolean().default(true),
  /** Heading the question belongs to, e.g. a member's name and post */
  section: shortText(80, '分组标题'),
  /** The team member this question is about (member evaluation) */
  subjectPersonId: idSchema.optional(),
  /** 'overall': the overall rating shown beside the annual grade */
  role: z.literal('overall').optional(),
});

export const candidateSchema = z.object({
  id: questionId,
  name: text(40, '人选姓名'),
  personId: idSchema.optional(),
  note: shortText(80, '备注'),
});

export const recommendQuestionSchema = z.object({
  id: questionId,
  type: z.literal('recommend'),
  text: text(200, '题目'),
  /** The post recommended for (定向推荐) or a description of the posts */
  post: text(60, '推荐职位'),
  /** How many names a voter may recommend */
  seats: z.number().int().min(1, '推荐人数至少 1 名').max(20),
  /** The reference list (参考人选), more names than seats (差额) */
  candidates: z.array(candidateSchema).min(1, '请至少列出一名参考人选').max(100),
  allowWriteIn: z.boolean(),
  required: z.boolean().default(true),
  section: shortText(80, '分组标题'),
});

export const questionSchema = z.discriminatedUnion('type', [ratingQuestionSchema, recommendQuestionSchema]);
export type Question = z.infer<typeof questionSchema>;
export type RatingQuestion = z.infer<typeof ratingQuestionSchema>;
export type RecommendQuestion = z.infer<typeof recommendQuestionSchema>;

export const questionnaireSchema = z.object({
  intro: plainText(1000, '问卷说明').trim().default(''),
  questions: z.array(questionSchema).min(1, '问卷至少一道题').max(200, '问卷最多 200 道题'),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

export const categorySchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,30}$/, '类别代码只能包含小写字母、数字和下划线'),
  label: text(30, '类别名称'),
  /** Expected number of voters (应参加人数) */
  expected: z.number().int().min(0).max(100_000),
  /** People who may vote while logged in (their participation is recorded, their ballot is not linked) */
  loginPersonIds: z.array(idSchema).max(200).default([]),
});
export type Category = z.infer<typeof categorySchema>;

export const sessionBodySchema = z.object({
  unitId: idSchema,
  kind: z.enum(BALLOT_KINDS),
  title: text(100, '名称'),
  year: z.number().int().min(2000).max(2100),
  questionnaire: questionnaireSchema,
  categories: z.array(categorySchema).min(1, '至少一个投票人类别').max(12),
  smallGroupPolicy: z.enum(SMALL_GROUP_POLICIES).optional(),
  opensAt: z.iso.datetime({ offset: true, message: '开始时间格式不正确' }),
  closesAt: z.iso.datetime({ offset: true, message: '结束时间格式不正确' }),
});
export type SessionBody = z.infer<typeof sessionBodySchema>;

/** A ballot's answers: question id -> option label (rating) or chosen candidates and write-ins (recommend). */
export const recommendAnswerSchema = z.object({
  candidates: z.array(z.string().max(40)).max(20),
  writeIns: z.array(plainText(40, '另行推荐的姓名')).max(20).default([]),
});
export const answersSchema = z.record(z.string().max(40), z.union([z.string().max(20), recommendAnswerSchema]));
export type Answers = z.infer<typeof answersSchema>;
export type RecommendAnswer = z.infer<typeof recommendAnswerSchema>;

export const codeInputSchema = z.string().trim().min(1, '请输入测评码').max(40);
export const publicFormBodySchema = z.object({ code: codeInputSchema });
/**
 * The voter's receipt secret r: 32 random bytes as 64 hex characters, drawn by the voting page and
 * held in memory only. The receipt is then base32(SM3(UTF-8(sessionId) ‖ r))[0..16) (see
 * common/ballot-receipt.ts), known to the phone before it submits. Optional: without r the server
 * derives the receipt itself (older pages).
 */
export const receiptSecretSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, '回执随机数 r 必须是 64 位十六进制字符（32 字节）')
  .describe(
    '回执随机数 r：32 字节随机数的 64 位十六进制，页面只在内存中保存；回执 = SM3(会话编号 ‖ r) 的前 80 位（base32）',
  );
export const publicBallotBodySchema = z.object({
  code: codeInputSchema,
  answers: answersSchema,
  r: receiptSecretSchema.optional(),
});
export const memberBallotBodySchema = z.object({ answers: answersSchema });
export const paperEntryBodySchema = z.object({ code: codeInputSchema, answers: answersSchema });
export const codesBodySchema = z.object({
  category: z.string().min(1).max(30),
  count: z.number().int().min(1, '至少 1 个').max(3000, '每次最多 3000 个'),
});

export const receiptSchema = z.object({
  receipt: z.string().describe('回执：16 位 base32（测评码字母表）；提交了 r 时等于 receiptFromSecret(会话编号, r)'),
});

// ───────────────────────────── responses ─────────────────────────────

export const categoryCountSchema = z.object({
  key: z.string(),
  label: z.string(),
  expected: z.number().int(),
  issued: z.number().int(),
  loginVoters: z.number().int(),
  voted: z.number().int(),
});

export const participationSchema = z.object({
  sessionId: z.string(),
  status: z.enum(SESSION_STATUSES),
  accepting: z.boolean(),
  expected: z.number().int(),
  voted: z.number().int(),
  categories: z.array(categoryCountSchema),
  at: z.string(),
});
export type Participation = z.infer<typeof participationSchema>;

export const sessionSummarySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(BALLOT_KINDS),
  title: z.string(),
  year: z.number().int(),
  status: z.enum(SESSION_STATUSES),
  opensAt: z.string(),
  closesAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const sessionDetailSchema = sessionSummarySchema.extend({
  questionnaire: questionnaireSchema,
  categories: z.array(categorySchema.extend({ issued: z.number().int() })),
  minGroupSize: z.number().int(),
  smallGroupPolicy: z.enum(SMALL_GROUP_POLICIES),
  settingsDigest: z.string().nullable(),
  voteUrl: z.string(),
  /** BANZI_PUBLIC_URL was set (else the address is a guess from the listening host) */
  publicUrlSet: z.boolean(),
  findings: z.array(findingSchema),
  abilities: z.object({
    edit: z.boolean(),
    issueCodes: z.boolean(),
    open: z.boolean(),
    close: z.boolean(),
    enterPaper: z.boolean(),
    viewResults: z.boolean(),
  }),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const publicSessionSchema = z.object({
  id: z.string(),
  unitName: z.string(),
  kind: z.enum(BALLOT_KINDS),
  title: z.string(),
  status: z.enum(SESSION_STATUSES),
  accepting: z.boolean(),
  opensAt: z.string(),
  closesAt: z.string(),
  settingsDigest: z.string().nullable(),
  minGroupSize: z.number().int(),
  ballots: z.number().int().nullable(),
});
export type PublicSession = z.infer<typeof publicSessionSchema>;

export const ballotFormSchema = z.object({
  session: publicSessionSchema,
  categoryLabel: z.string(),
  questionnaire: questionnaireSchema,
});
export type BallotForm = z.infer<typeof ballotFormSchema>;

export const receiptsSchema = z.object({
  sessionId: z.string(),
  status: z.enum(SESSION_STATUSES),
  receipts: z.array(z.string()),
});

const countsSchema = z.record(z.string(), z.number().int());
export const groupResultSchema = z.object({
  key: z.string(),
  label: z.string(),
  ballots: z.number().int(),
  counts: countsSchema,
  answered: z.number().int(),
});
export const questionResultSchema = z.object({
  id: z.string(),
  type: z.enum(['rating', 'recommend']),
  text: z.string(),
  section: z.string().nullable(),
  subjectPersonId: z.string().nullable(),
  role: z.string().nullable(),
  /** Rating options, or candidate names then write-ins ordered by votes */
  options: z.array(z.string()),
  writeIns: z.array(z.string()),
  total: groupResultSchema,
  groups: z.array(groupResultSchema),
});
export type QuestionResult = z.infer<typeof questionResultSchema>;

export const tallySchema = z.object({
  totalBallots: z.number().int(),
  minGroupSize: z.number().int(),
  policy: z.enum(SMALL_GROUP_POLICIES),
  /** True when fewer than the minimum voted: no results are shown at all */
  allWithheld: z.boolean(),
  groups: z.array(
    z.object({ key: z.string(), label: z.string(), categories: z.array(z.string()), ballots: z.number().int() }),
  ),
  /** Categories not shown (policy withhold), with their combined count (>= the minimum) */
  withheld: z.object({ labels: z.array(z.string()), ballots: z.number().int() }).nullable(),
  questions: z.array(questionResultSchema),
});
export type Tally = z.infer<typeof tallySchema>;

export const resultsSchema = z.object({
  session: sessionSummarySchema,
  participation: z.array(categoryCountSchema),
  tally: tallySchema,
  /** Recommendation: a reference valid until this date (SE-04), never an election result */
  referenceValidUntil: isoDateSchema.nullable(),
  findings: z.array(findingSchema),
  settingsDigest: z.string().nullable(),
  receiptsPublished: z.number().int(),
});
export type Results = z.infer<typeof resultsSchema>;

export const templateSchema = z.object({
  title: z.string(),
  questionnaire: questionnaireSchema,
  categories: z.array(categorySchema),
});

export const paperEntryResultSchema = z.object({
  status: z.enum(['waiting', 'accepted', 'mismatch']),
  receipt: z.string().nullable(),
  differingQuestions: z.array(z.string()),
});
export const paperEntryListSchema = z.object({
  items: z.array(
    z.object({
      codeHint: z.string(),
      status: z.enum(['waiting', 'mismatch']),
      clerks: z.array(z.string()),
      differingQuestions: z.array(z.string()),
      enteredByMe: z.boolean(),
    }),
  ),
});

export const myBallotSessionSchema = sessionSummarySchema.extend({
  categoryLabel: z.string(),
  voted: z.boolean(),
  accepting: z.boolean(),
});
