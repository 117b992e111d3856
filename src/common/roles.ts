/**
 * Roles. The three separated admins (三员分立) hold exactly one admin role and no business
 * role. Business roles are unit-scoped: secretary and member follow team membership; the
 * security admin grants office, personnel, discipline and staff per unit.
 */
export const ADMIN_ROLES = ['system_admin', 'security_admin', 'auditor'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export const GRANTABLE_ROLES = ['office', 'personnel', 'discipline', 'staff'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export const DERIVED_ROLES = ['secretary', 'member'] as const;
export type DerivedRole = (typeof DERIVED_ROLES)[number];

export type BusinessRole = GrantableRole | DerivedRole;

export const ROLE_LABELS: Record<AdminRole | BusinessRole, { zh: string; en: string }> = {
  system_admin: { zh: '系统管理员', en: 'System admin' },
  security_admin: { zh: '安全管理员', en: 'Security admin' },
  auditor: { zh: '安全审计员', en: 'Auditor' },
  secretary: { zh: '党组书记', en: 'Secretary' },
  member: { zh: '班子成员', en: 'Team member' },
  office: { zh: '党组办公室', en: 'Party Group office' },
  personnel: { zh: '人事部门', en: 'Personnel office' },
  discipline: { zh: '纪检部门', en: 'Discipline office' },
  staff: { zh: '职工', en: 'Staff' },
};

/** CLI spelling of the admin roles: `banzi user add --role system-admin|security-admin|auditor` */
export const ADMIN_ROLE_CLI: Record<string, AdminRole> = {
  'system-admin': 'system_admin',
  'security-admin': 'security_admin',
  auditor: 'auditor',
};

export interface UnitRole {
  role: BusinessRole;
  unitId: string;
}
