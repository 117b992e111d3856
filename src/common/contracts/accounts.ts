import { z } from 'zod';
import { ADMIN_ROLES, GRANTABLE_ROLES } from '../roles.js';
import { changesSomething, idSchema, NOTHING_TO_CHANGE, text } from './common.js';

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

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  unitName: z.string().nullable(),
  adminRole: adminRoleSchema.nullable(),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const createUserBodySchema = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-zA-Z0-9._-]{3,64}$/, '用户名为 3-64 位字母、数字、点、下划线或连字符'),
    displayName: text(64, '姓名'),
    password: z.string().min(1, '请输入初始密码').max(256),
    adminRole: adminRoleSchema.nullable().default(null),
    personId: idSchema.nullable().default(null),
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

export const resetPasswordBodySchema = z.object({ newPassword: z.string().min(1, '请输入新密码').max(256) });

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
