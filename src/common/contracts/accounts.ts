import { z } from 'zod';
import { ADMIN_ROLES, GRANTABLE_ROLES } from '../roles.js';
import { changesSomething, idSchema, NOTHING_TO_CHANGE, optionalText, text } from './common.js';

export const adminRoleSchema = z.enum(ADMIN_ROLES);
export const grantableRoleSchema = z.enum(GRANTABLE_ROLES);
export const businessRoleSchema = z.enum(['office', 'personnel', 'discipline', 'staff', 'secretary', 'member']);

export const loginBodySchema = z.object({
  username: text(64, '用户名'),
  password: z.string().min(1, '密码不能为空').max(256, '密码过长'),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const unitRoleSchema = z.object({ role: businessRoleSchema, unitId: z.string(), unitName: z.string() });

export const meSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  personId: z.string().nullable(),
  adminRole: adminRoleSchema.nullable(),
  roles: z.array(unitRoleSchema),
  ownUnitIds: z.array(z.string()),
  managedUnitIds: z.array(z.string()),
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
  idleMinutes: z.number(),
  isDemo: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const sessionStateSchema = z.object({
  authenticated: z.boolean(),
  csrfToken: z.string(),
  me: meSchema.nullable(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, '请输入当前密码'),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

/** Whether the account can be entered: its own password, an open activation code, an expired one, or nothing yet. */
export const credentialStateSchema = z.enum(['password', 'code_issued', 'code_expired', 'none']);

/** Account changes that wait for a second admin (AC-01). */
export const REQUEST_KINDS = [
  'link_person',
  'unlink_person',
  'reset_linked',
  'create_admin',
  'enable_admin',
  'disable_admin',
  'reset_admin',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const requestKindSchema = z.enum(REQUEST_KINDS);
export const REQUEST_STATUSES = ['pending', 'confirmed', 'rejected', 'cancelled'] as const;
export const requestStatusSchema = z.enum(REQUEST_STATUSES);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  unitName: z.string().nullable(),
  adminRole: adminRoleSchema.nullable(),
  status: z.enum(['active', 'disabled']),
  credential: credentialStateSchema,
  activationExpiresAt: z.string().nullable(),
  /** The latest time one of the account's lockouts ends (lockouts are per client address) */
  lockedUntil: z.string().nullable(),
  lockedAddresses: z.number().int(),
  /** The kind of the account's pending request, if any */
  pendingRequest: requestKindSchema.nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

const NO_CHOSEN_PASSWORD = '管理员不能设定他人的密码：账户由持有人凭激活码本人设定密码（AC-02）';

export const createUserBodySchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-zA-Z0-9._-]{3,64}$/, '用户名为 3-64 位字母、数字、点、下划线或连字符'),
    displayName: text(64, '姓名'),
    adminRole: adminRoleSchema.nullable().default(null),
    personId: idSchema.nullable().default(null),
    /** Refused: admins never choose another account's password (AC-02) */
    password: z.never({ error: NO_CHOSEN_PASSWORD }).optional(),
  })
  .refine((v) => !(v.adminRole && v.personId), {
    message: '管理员账户不能关联人员档案（三员分立）',
    path: ['personId'],
  });

export const updateUserBodySchema = z
  .object({
    displayName: text(64, '姓名').optional(),
    status: z.enum(['active', 'disabled']).optional(),
    personId: idSchema.nullable().optional(),
  })
  .refine(changesSomething, NOTHING_TO_CHANGE);

/** A one-time activation code, or one of its two halves (shown once, AC-02). */
export const activationSchema = z.object({
  username: z.string(),
  code: z.string(),
  part: z.number().int(),
  parts: z.number().int(),
  /** Null while the other half waits for the confirming admin */
  expiresAt: z.string().nullable(),
});
export type Activation = z.infer<typeof activationSchema>;

/** The outcome of an account change: done now, or waiting for a second admin. */
export const accountChangeResultSchema = z.object({
  status: z.enum(['done', 'pending_confirmation']),
  userId: z.string().nullable(),
  requestId: z.string().nullable(),
  activation: activationSchema.nullable(),
});
export type AccountChangeResult = z.infer<typeof accountChangeResultSchema>;

export const accountRequestSchema = z.object({
  id: z.string(),
  kind: requestKindSchema,
  status: requestStatusSchema,
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  adminRole: adminRoleSchema.nullable(),
  /** For link and unlink: the person concerned (name and unit only) */
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  unitName: z.string().nullable(),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  /** Whether the viewer may confirm or reject it */
  canConfirm: z.boolean(),
  /** Whether the viewer (the requester) may withdraw it */
  canCancel: z.boolean(),
});
export type AccountRequest = z.infer<typeof accountRequestSchema>;

export const requestsQuerySchema = z.object({ status: z.enum(['pending', 'all']).default('pending') });
export const rejectBodySchema = z.object({ reason: optionalText(200, '理由') });

export const activateBodySchema = z.object({
  username: text(64, '用户名'),
  code: z.string().trim().min(1, '请输入激活码').max(100, '激活码过长'),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});
export type ActivateBody = z.infer<typeof activateBodySchema>;

export const grantSchema = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: grantableRoleSchema,
  unitId: z.string(),
  unitName: z.string(),
  grantedAt: z.string(),
  grantedBy: z.string(),
});
export type Grant = z.infer<typeof grantSchema>;

export const createGrantBodySchema = z.object({ userId: idSchema, role: grantableRoleSchema, unitId: idSchema });

export const personPickSchema = z.object({ id: z.string(), name: z.string(), unitName: z.string() });
