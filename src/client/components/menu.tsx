/** The left menu: business modules for business users, one admin page per admin (三员分立). */
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  HomeOutlined,
  SafetyOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { AlertOutlined, CarryOutOutlined, ClusterOutlined, ScheduleOutlined } from '@ant-design/icons';
import { FileDoneOutlined, SolutionOutlined } from '@ant-design/icons';
import { CheckSquareOutlined, TrophyOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { AdminRole } from '../../common/roles.js';
import type { MessageKey } from '../i18n.js';

export interface MenuEntry {
  path: string;
  key: MessageKey;
  icon: ReactNode;
  /** Shown only when this holds (the pages answer 无权访问 otherwise); absent: every business user */
  can?: (a: MenuAbilities) => boolean;
}

/** What the menu asks of the user: the roles held in the acting unit, and whether they manage units below. */
export interface MenuAbilities {
  roles: readonly string[];
  managesBelow: boolean;
}

const inUnit =
  (...roles: string[]) =>
  (a: MenuAbilities) =>
    roles.some((r) => a.roles.includes(r));
/** Meetings and decisions of the acting unit: its office, secretary and members (PG seats). */
const TEAM = inUnit('office', 'secretary', 'member');

const HOME: MenuEntry = { path: '/', key: 'nav.home', icon: <HomeOutlined /> };
const CALENDAR: MenuEntry = { path: '/calendar', key: 'nav.calendar', icon: <CalendarOutlined /> };
const REQUESTS: MenuEntry = { path: '/admin/requests', key: 'nav.requests', icon: <FileDoneOutlined /> };

export const BUSINESS_MENU: MenuEntry[] = [
  HOME,
  { path: '/orgs', key: 'nav.orgs', icon: <ApartmentOutlined /> },
  { path: '/people', key: 'nav.people', icon: <TeamOutlined /> },
  { path: '/meetings', key: 'nav.meetings', icon: <ScheduleOutlined />, can: TEAM },
  { path: '/decisions', key: 'nav.decisions', icon: <ClusterOutlined />, can: TEAM },
  { path: '/decisions/tasks', key: 'nav.tasks', icon: <CarryOutOutlined />, can: TEAM },
  {
    path: '/decisions/violations',
    key: 'nav.violations',
    icon: <AlertOutlined />,
    // the personnel and discipline offices above read the report across the units they manage
    can: (a) => TEAM(a) || (a.managesBelow && inUnit('personnel', 'discipline')(a)),
  },
  { path: '/disclosures', key: 'nav.disclosures', icon: <SolutionOutlined /> },
  { path: '/ballots', key: 'nav.ballots', icon: <CheckSquareOutlined /> },
  { path: '/assessments', key: 'nav.grades', icon: <TrophyOutlined />, can: (a) => a.managesBelow },
  { path: '/rules', key: 'nav.rules', icon: <BookOutlined /> },
  CALENDAR,
];

export const ADMIN_MENU: Record<AdminRole, MenuEntry[]> = {
  system_admin: [HOME, { path: '/admin/users', key: 'nav.users', icon: <UserOutlined /> }, REQUESTS, CALENDAR],
  security_admin: [HOME, { path: '/admin/grants', key: 'nav.grants', icon: <SafetyOutlined /> }, REQUESTS],
  auditor: [HOME, { path: '/audit', key: 'nav.audit', icon: <AuditOutlined /> }, REQUESTS],
};

export function menuFor(adminRole: AdminRole | null, abilities?: MenuAbilities): MenuEntry[] {
  if (adminRole) return ADMIN_MENU[adminRole];
  return abilities ? BUSINESS_MENU.filter((e) => !e.can || e.can(abilities)) : BUSINESS_MENU;
}

/** The menu entry a path belongs to (longest matching prefix). */
export function selectedMenuKey(entries: MenuEntry[], pathname: string): string {
  let best = pathname === '/' ? '/' : '';
  for (const e of entries) {
    if (e.path !== '/' && (pathname === e.path || pathname.startsWith(`${e.path}/`)) && e.path.length > best.length) {
      best = e.path;
    }
  }
  return best;
}
