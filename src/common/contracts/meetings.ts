/**
 * Meetings contracts: Party Group meetings (PG-05..PG-14), item-by-item votes (PG-09, PG-10,
 * PG-11, PG-18, SE-09), the live meeting state, minutes with locked versions (PG-12, ZD-07).
 */
import { z } from 'zod';
import {
  changesSomething,
  findingSchema,
  idSchema,
  isoDateSchema,
  NOTHING_TO_CHANGE,
  optionalText,
  pageQuerySchema,
  plainText,
  text,
} from './common.js';
import { ITEM_KINDS, TZYD_CATEGORIES } from './decisions.js';

export const VOTE_METHODS = ['oral', 'hands', 'named', 'secret'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];
export const VOTE_METHOD_LABELS: Record<VoteMethod, string> = {
  oral: '口头表决',
  hands: '举手表决',
  named: '记名投票',
  secret: '无记名投票',
};
/** Methods whose votes members cast from their own device; the recorder enters the others. */
export const SELF_CAST_METHODS: readonly VoteMethod[] = ['named', 'secret'];

export const MEETING_STATUSES = ['draft', 'published', 'open', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  draft: '草拟',
  published: '已发布议程',
  open: '进行中',
  closed: '已结束',
  cancelled: '已取消',
};

export const ATTENDANCE_STATUSES = ['invited', 'present', 'leave', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  invited: '待确认',
  present: '出席',
  leave: '请假',
  absent: '缺席',
};

export const ITEM_STATES = ['pending', 'voting', 'closed', 'deferred'] as const;
export type MeetingItemState = (typeof ITEM_STATES)[number];
export const ITEM_STATE_LABELS: Record<MeetingItemState, string> = {
  pending: '待表决',
  voting: '表决中',
  closed: '已表决',
  deferred: '暂缓',
};

/** Ordinary items: 同意/不同意/弃权; personnel items: 同意/不同意/缓议 per candidate (SE-09). */
export const CHOICES = ['agree', 'disagree', 'abstain', 'defer'] as const;
export type Choice = (typeof CHOICES)[number];
export const CHOICE_LABELS: Record<Choice, string> = {
  agree: '同意',
  disagree: '不同意',
  abstain: '弃权',
  defer: '缓议',
};
export const ORDINARY_CHOICES: readonly Choice[] = ['agree', 'disagree', 'abstain'];
export const PERSONNEL_CHOICES: readonly Choice[] = ['agree', 'disagree', 'defer'];
/** The candidate id of an ordinary item's single question */
export const MAIN_QUESTION = 'main';

export const RESULTS = ['passed', 'not_passed', 'partial', 'deferred'] as const;
export type Result = (typeof RESULTS)[number];
export const RESULT_LABELS: Record<Result, string> = {
  passed: '通过',
  not_passed: '未通过',
  partial: '部分通过',
  deferred: '暂缓',
};

const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');

export const scheduleBodySchema = z.object({
  unitId: idSchema,
  date: isoDateSchema,
  startTime: timeSchema,
  location: text(100, '地点'),
  chairPersonId: idSchema.nullable().optional(),
  recorderPersonId: idSchema,
  entryMode: z.enum(['live', 'retrospective']).default('live'),
  retrospectiveReason: optionalText(500, '补录原因'),
  /** The office's title beside the number, e.g. 专题研究巡视整改 (issue 16 §4) */
  subject: optionalText(60, '会议标题'),
});
export type ScheduleBody = z.infer<typeof scheduleBodySchema>;
export const meetingPatchSchema = scheduleBodySchema
  .pick({ date: true, startTime: true, location: true, chairPersonId: true, recorderPersonId: true })
  .partial()
  .refine(changesSomething, NOTHING_TO_CHANGE);
export const meetingListQuerySchema = pageQuerySchema.extend({
  unitId: idSchema,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
});

export const personRefSchema = z.object({ personId: z.string(), name: z.string() });

export const meetingListItemSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  title: z.string(),
  subject: z.string().nullable(),
  date: z.string(),
  startTime: z.string(),
  location: z.string(),
  status: z.enum(MEETING_STATUSES),
  entryMode: z.enum(['live', 'retrospective']),
  itemCount: z.number().int(),
  memberCount: z.number().int(),
  presentCount: z.number().int(),
  minutesStatus: z.enum(['none', 'draft', 'approved']),
  minutesDeadline: z.string().nullable(),
  minutesOverdue: z.boolean(),
});
export const meetingListSchema = z.object({
  items: z.array(meetingListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  canSchedule: z.boolean(),
  findings: z.array(findingSchema),
});

export const attendanceSchema = z.object({
  personId: z.string(),
  name: z.string(),
  role: z.enum(['member', 'attendee']),
  post: z.string().nullable(),
  status: z.enum(ATTENDANCE_STATUSES),
  leaveReason: z.string().nullable(),
  leaveRequestedAt: z.string().nullable(),
  writtenOpinion: z.string().nullable(),
});

export const tallySchema = z.object({
  candidateId: z.string(),
  label: z.string(),
  agree: z.number().int(),
  disagree: z.number().int(),
  abstain: z.number().int(),
  defer: z.number().int(),
  result: z.enum(RESULTS).nullable(),
});
export const namedVoteSchema = z.object({
  personId: z.string(),
  name: z.string(),
  choices: z.record(z.string(), z.enum(CHOICES)),
  notVoting: z.boolean(),
  recordedBy: z.string().nullable(),
});

export const meetingItemSchema = z.object({
  id: z.string(),
  agendaItemId: z.string(),
  seq: z.number().int(),
  title: z.string(),
  kind: z.enum(ITEM_KINDS),
  tzydCategory: z.enum(TZYD_CATEGORIES).nullable(),
  important: z.boolean(),
  majorDecision: z.boolean(),
  isPrior: z.boolean(),
  isReconsideration: z.boolean(),
  voteMethod: z.enum(VOTE_METHODS),
  state: z.enum(ITEM_STATES),
  sponsorName: z.string().nullable(),
  candidates: z.array(z.object({ id: z.string(), name: z.string(), proposedPost: z.string() })),
  recusals: z.array(z.object({ personId: z.string(), name: z.string(), reason: z.string() })),
  /** How many eligible members have voted (or been marked not voting); all a secret ballot shows before closing */
  participation: z.object({ done: z.number().int(), eligible: z.number().int() }),
  /** Whether the member asking has voted on this item (their own participation only) */
  myParticipation: z.enum(['voted', 'not_voting']).nullable(),
  /** Named methods: who voted what, as the votes arrive. Secret ballots: always null. */
  votes: z.array(namedVoteSchema).nullable(),
  /** Totals: named methods at any time; secret ballots only after the item closes */
  tallies: z.array(tallySchema).nullable(),
  result: z.enum(RESULTS).nullable(),
  recordedOutcome: z.enum(RESULTS).nullable(),
  quorum: z.object({
    ruleId: z.string(),
    members: z.number().int(),
    present: z.number().int(),
    required: z.number().int(),
    ok: z.boolean(),
  }),
  expected: z.number().int().nullable(),
  findings: z.array(findingSchema),
  deferReason: z.string().nullable(),
});
export type MeetingItem = z.infer<typeof meetingItemSchema>;

export const meetingDetailSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  organLabel: z.string(),
  title: z.string(),
  /** The office's title beside the number */
  subject: z.string().nullable(),
  year: z.number().int(),
  seq: z.number().int(),
  /** The number follows the date until published (or set by the office); then it never changes */
  numberKept: z.boolean(),
  numberSetByOffice: z.boolean(),
  date: z.string(),
  startTime: z.string(),
  location: z.string(),
  status: z.enum(MEETING_STATUSES),
  entryMode: z.enum(['live', 'retrospective']),
  retrospectiveReason: z.string().nullable(),
  chair: personRefSchema.nullable(),
  recorder: personRefSchema.nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  attendance: z.array(attendanceSchema),
  items: z.array(meetingItemSchema),
  currentItemId: z.string().nullable(),
  quorum: z.object({
    members: z.number().int(),
    present: z.number().int(),
    required: z.number().int(),
    ok: z.boolean(),
    personnelRequired: z.number().int(),
    personnelOk: z.boolean(),
    /** The PG-06 parameters the count enforces: num/den, and whether the exact value counts (以上含本数) */
    conveneRatio: z.object({ num: z.number(), den: z.number(), inclusive: z.boolean() }),
    /** The PG-07 parameters, and whether Party-discipline items need them too (UNVERIFIED extension) */
    personnelRatio: z.object({
      num: z.number(),
      den: z.number(),
      inclusive: z.boolean(),
      disciplineItemsToo: z.boolean(),
    }),
  }),
  findings: z.array(findingSchema),
  minutesStatus: z.enum(['none', 'draft', 'approved']),
  version: z.number().int(),
  me: z.object({
    personId: z.string().nullable(),
    role: z.enum(['member', 'attendee', 'none']),
    isChair: z.boolean(),
    status: z.enum(ATTENDANCE_STATUSES).nullable(),
  }),
  abilities: z.object({
    manage: z.boolean(),
    run: z.boolean(),
    requestLeave: z.boolean(),
    recuse: z.boolean(),
    approveMinutes: z.boolean(),
    writeMinutes: z.boolean(),
    downloadSummary: z.boolean(),
  }),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const addItemBodySchema = z.object({ agendaItemId: idSchema, voteMethod: z.enum(VOTE_METHODS) });
export const patchItemBodySchema = z
  .object({
    voteMethod: z.enum(VOTE_METHODS).optional(),
    seq: z.number().int().min(1).max(200).optional(),
  })
  .refine(changesSomething, NOTHING_TO_CHANGE);
export const leaveBodySchema = z.object({
  personId: idSchema.optional(),
  reason: text(200, '请假事由'),
  writtenOpinion: optionalText(4000, '书面意见'),
});
export const attendanceBodySchema = z.object({
  personId: idSchema,
  status: z.enum(['present', 'absent', 'leave']),
  reason: optionalText(200, '事由'),
});
export const attendeeBodySchema = z.object({ personId: idSchema });
export const recusalBodySchema = z.object({ personId: idSchema.optional(), reason: text(500, '回避事由') });
export const choiceEntrySchema = z.object({ candidateId: z.string().min(1).max(64), choice: z.enum(CHOICES) });
export const voteBodySchema = z.object({ choices: z.array(choiceEntrySchema).min(1, '请选择表决意见').max(30) });
export type VoteBody = z.infer<typeof voteBodySchema>;
export const recordedVotesBodySchema = z.object({
  entries: z
    .array(
      z.object({
        personId: idSchema,
        notVoting: z.boolean().default(false),
        choices: z.array(choiceEntrySchema).max(30).default([]),
      }),
    )
    .min(1)
    .max(30),
});
export const paperResultBodySchema = z.object({
  tallies: z
    .array(
      z.object({
        candidateId: z.string().min(1).max(64),
        agree: z.number().int().min(0),
        disagree: z.number().int().min(0),
        abstain: z.number().int().min(0),
        defer: z.number().int().min(0),
      }),
    )
    .min(1),
  recordedOutcome: z.enum(['passed', 'not_passed', 'partial']),
});
export const deferBodySchema = z.object({ reason: text(500, '暂缓理由') });
export const closeVotingResultSchema = z.object({ result: z.enum(RESULTS), findings: z.array(findingSchema) });

// ── minutes (PG-12) ─────────────────────────────────────────────────────────
export const minutesContentSchema = z.object({
  general: z.string().max(20000).default(''),
  items: z
    .array(
      z.object({
        meetingItemId: idSchema,
        discussion: z
          .array(z.object({ personId: idSchema.nullable(), name: text(40, '发言人'), text: text(4000, '发言内容') }))
          .max(40)
          .default([]),
        dissent: z.string().max(4000).default(''),
        /** ZD-07: the head's reason when the decision differs from the majority */
        headReason: z.string().max(4000).default(''),
        decision: z.string().max(4000).default(''),
      }),
    )
    .max(100)
    .default([]),
});
export type MinutesContent = z.infer<typeof minutesContentSchema>;
/** The minutes as saved: the same content with `general` required and no control or bidi characters. */
export const minutesBodySchema = z.object({
  general: plainText(20000, '会议概况'),
  items: z
    .array(
      z.object({
        meetingItemId: idSchema,
        discussion: z
          .array(z.object({ personId: idSchema.nullable(), name: text(40, '发言人'), text: text(4000, '发言内容') }))
          .max(40)
          .default([]),
        dissent: plainText(4000, '不同意见').default(''),
        headReason: plainText(4000, '主持人意见的理由').default(''),
        decision: plainText(4000, '决定').default(''),
      }),
    )
    .max(100)
    .default([]),
});
export const minutesVersionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'approved']),
  content: minutesContentSchema,
  correctionReason: z.string().nullable(),
  writtenBy: z.string(),
  writtenAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export const minutesSchema = z.object({
  meetingId: z.string(),
  versions: z.array(minutesVersionSchema),
  deadline: z.string().nullable(),
  deadlineNote: z.string().nullable(),
  abilities: z.object({ write: z.boolean(), approve: z.boolean(), correct: z.boolean() }),
});
/** The heading of a meeting: its title, and the number the office sets (null: follow the date) before publishing. */
export const headingBodySchema = z
  .object({
    subject: plainText(60, '会议标题').trim().nullable().optional(),
    seq: z.number().int('编号应为整数').min(1, '编号至少为 1').max(999, '编号不超过 999').nullable().optional(),
  })
  .refine(changesSomething, NOTHING_TO_CHANGE);
/** The agenda in its new order: every meeting item id exactly once (before the meeting opens). */
export const agendaOrderBodySchema = z.object({ order: z.array(idSchema).min(1, '议程不能为空').max(200) });
/** What approving the minutes will lock, and the checks run on it (ZD-07, PG-12) before the secretary confirms. */
export const minutesCheckSchema = z.object({
  version: z.number().int().nullable(),
  status: z.enum(['none', 'draft', 'approved']),
  general: z.string(),
  items: z.array(
    z.object({
      meetingItemId: z.string(),
      seq: z.number().int(),
      title: z.string(),
      decision: z.string(),
      speeches: z.number().int(),
      dissent: z.string(),
      headReason: z.string(),
    }),
  ),
  findings: z.array(findingSchema),
  blocking: z.boolean(),
});
export const correctionBodySchema = z.object({ reason: text(500, '更正理由') });
