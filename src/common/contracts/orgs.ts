import { z } from 'zod';
import { changesSomething, idSchema, isoDateSchema, NOTHING_TO_CHANGE, optionalText, text } from './common.js';

export const UNIT_LEVELS = ['gac', 'direct', 'subordinate', 'internal'] as const;
export const ORGAN_TYPES = ['party_group', 'party_group_committee', 'party_committee'] as const;
export const TEAM_POSTS = ['secretary', 'deputy_secretary', 'member', 'discipline_head', 'non_member_leader'] as const;

export const UNIT_LEVEL_LABELS: Record<(typeof UNIT_LEVELS)[number], string> = {
  gac: '海关总署',
  direct: '直属海关',
  subordinate: '隶属海关',
  internal: '内设机构',
};
export const ORGAN_TYPE_LABELS: Record<(typeof ORGAN_TYPES)[number], string> = {
  party_group: '党组',
  party_group_committee: '党组性质党委',
  party_committee: '党委',
};

/** Post labels follow the organ type: 党组书记 for a 党组, 党委书记 for a 党委 (regulations.md §0). */
export function teamPostLabel(post: string, organType: string): string {
  const organ = organType === 'party_group' ? '党组' : '党委';
  switch (post) {
    case 'secretary':
      return `${organ}书记`;
    case 'deputy_secretary':
      return `${organ}副书记`;
    case 'member':
      return `${organ}成员`;
    case 'discipline_head':
      return organType === 'party_group' ? '纪检组组长' : '纪委书记';
    case 'non_member_leader':
      return `班子成员（非${organ}成员）`;
    default:
      return post;
  }
}

export const unitLevelSchema = z.enum(UNIT_LEVELS);
export const organTypeSchema = z.enum(ORGAN_TYPES);
export const teamPostSchema = z.enum(TEAM_POSTS);

export const unitSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  shortName: z.string(),
  level: unitLevelSchema,
  organType: organTypeSchema,
  code: z.string().nullable(),
  sortOrder: z.number().int(),
  /** The actor may open the team page */
  canViewTeam: z.boolean(),
  /** The actor holds cadre management authority over this unit (personnel or discipline above) */
  canManage: z.boolean(),
});
export type Unit = z.infer<typeof unitSchema>;

export const unitBodySchema = z.object({
  parentId: idSchema,
  name: text(100, '单位名称'),
  shortName: text(40, '简称'),
  level: unitLevelSchema,
  organType: organTypeSchema,
  code: optionalText(40, '单位代码'),
  sortOrder: z.number().int().min(0).max(100000).default(0),
});
export const unitPatchSchema = unitBodySchema
  .omit({ parentId: true })
  .partial()
  .refine(changesSomething, NOTHING_TO_CHANGE);

export const teamMemberSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  personId: z.string(),
  personName: z.string(),
  sex: z.enum(['M', 'F']),
  birthMonth: z.string(),
  ethnicity: z.string(),
  teamPost: teamPostSchema,
  teamPostLabel: z.string(),
  adminPost: z.string().nullable(),
  isPartyGroupMember: z.boolean(),
  divisionOfWork: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.string().nullable(),
  sortOrder: z.number().int(),
  current: z.boolean(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamSchema = z.object({
  unit: unitSchema,
  organLabel: z.string(),
  members: z.array(teamMemberSchema),
  /** The actor may add and edit memberships */
  canEdit: z.boolean(),
  /** The actor may open members' full records */
  canViewRecords: z.boolean(),
});
export type Team = z.infer<typeof teamSchema>;

export const teamQuerySchema = z.object({
  history: z.enum(['0', '1']).default('0'),
  at: isoDateSchema.optional(),
});

export const addTeamMemberBodySchema = z.object({
  personId: idSchema,
  teamPost: teamPostSchema,
  adminPost: optionalText(60, '行政职务'),
  isPartyGroupMember: z.boolean().default(true),
  divisionOfWork: optionalText(500, '分工'),
  startDate: isoDateSchema,
  sortOrder: z.number().int().min(0).max(1000).default(0),
});
export type AddTeamMemberBody = z.infer<typeof addTeamMemberBodySchema>;

export const patchTeamMemberBodySchema = z
  .object({
    adminPost: optionalText(60, '行政职务'),
    divisionOfWork: optionalText(500, '分工'),
    sortOrder: z.number().int().min(0).max(1000).optional(),
    endDate: isoDateSchema.optional(),
    endReason: optionalText(200, '离任原因'),
  })
  .refine(changesSomething, NOTHING_TO_CHANGE);

/** Units, teams and people import (issue 16 §1): the .xlsx file as base64, previewed first. */
export const importBodySchema = z.object({
  fileName: optionalText(200, '文件名'),
  /** The .xlsx file, base64 */
  file: z
    .string()
    .min(1, '请选择文件')
    .max(16_000_000, '文件过大（不超过 12 MB）')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容应为 base64 编码'),
  /** Preview only (default): nothing is written */
  dryRun: z.boolean().default(true),
});
export type ImportBody = z.infer<typeof importBodySchema>;

export const importErrorSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  reason: z.string(),
});
export type ImportErrorRow = z.infer<typeof importErrorSchema>;

export const importResultSchema = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  errors: z.array(importErrorSchema),
  changes: z.array(
    z.object({
      sheet: z.string(),
      row: z.number().int(),
      action: z.enum(['create', 'update', 'end']),
      text: z.string(),
    }),
  ),
  counts: z.object({
    unitsCreated: z.number().int(),
    unitsUpdated: z.number().int(),
    peopleCreated: z.number().int(),
    peopleUpdated: z.number().int(),
    membershipsCreated: z.number().int(),
    membershipsUpdated: z.number().int(),
  }),
  rows: z.object({ units: z.number().int(), people: z.number().int(), team: z.number().int() }),
  fileHash: z.string(),
  createdPersonIds: z.array(z.string()),
  /** Ids of every person of the file (created or already known), once written or unchanged */
  personIds: z.array(z.string()),
});
export type ImportResultBody = z.infer<typeof importResultSchema>;
