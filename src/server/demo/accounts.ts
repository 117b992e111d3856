/**
 * Demo accounts: one for each role, so a newcomer can see the system from every seat.
 */
import type { Random } from '../platform/random.js';

export interface DemoAccountSpec {
  username: string;
  label: string;
  adminRole?: 'system_admin' | 'security_admin' | 'auditor';
  personKey?: string;
  grants?: { role: 'office' | 'personnel' | 'discipline' | 'staff'; unitKey: string }[];
}

export const DEMO_ACCOUNTS: DemoAccountSpec[] = [
  { username: 'sysadmin', label: '系统管理员（账户）', adminRole: 'system_admin' },
  { username: 'secadmin', label: '安全管理员（角色授权）', adminRole: 'security_admin' },
  { username: 'auditor', label: '安全审计员（审计日志）', adminRole: 'auditor' },
  {
    username: 'wlmq-renshi',
    label: '乌鲁木齐海关人事处：管理下级海关班子与干部档案',
    personKey: 'urumqi.personnel',
    grants: [{ role: 'personnel', unitKey: 'urumqi' }],
  },
  {
    username: 'wlmq-renshi2',
    label: '乌鲁木齐海关人事处经办人',
    personKey: 'urumqi.personnel2',
    grants: [{ role: 'personnel', unitKey: 'urumqi' }],
  },
  {
    username: 'wlmq-jijian',
    label: '乌鲁木齐海关纪检：查阅下级班子成员档案',
    personKey: 'urumqi.discipline',
    grants: [{ role: 'discipline', unitKey: 'urumqi' }],
  },
  { username: 'wlmq-shuji', label: '乌鲁木齐海关党组书记', personKey: 'urumqi.team.0' },
  { username: 'alt-shuji', label: '阿勒泰海关党组书记、关长', personKey: 'altay.team.0' },
  { username: 'alt-chengyuan', label: '阿勒泰海关党组成员、副关长', personKey: 'altay.team.1' },
  { username: 'alt-chengyuan2', label: '阿勒泰海关党组成员、副关长', personKey: 'altay.team.2' },
  { username: 'alt-jijianzuzhang', label: '阿勒泰海关纪检组组长', personKey: 'altay.team.3' },
  { username: 'alt-chengyuan4', label: '阿勒泰海关党组成员、副关长', personKey: 'altay.team.4' },
  { username: 'alt-chengyuan5', label: '阿勒泰海关党组成员、副关长', personKey: 'altay.team.5' },
  { username: 'alt-chengyuan6', label: '阿勒泰海关班子成员（非党组成员）', personKey: 'altay.team.6' },
  {
    username: 'alt-bangong',
    label: '阿勒泰海关党组办公室',
    personKey: 'altay.office',
    grants: [{ role: 'office', unitKey: 'altay' }],
  },
  {
    username: 'alt-renshi',
    label: '阿勒泰海关政治处（本关职工档案）',
    personKey: 'altay.personnel',
    grants: [{ role: 'personnel', unitKey: 'altay' }],
  },
  { username: 'alt-zhigong', label: '阿勒泰海关职工', personKey: 'altay.staff.0' },
  { username: 'hegs-shuji', label: '霍尔果斯海关党委书记', personKey: 'khorgos.team.0' },
];

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A fresh demo password that meets the policy (printed on the console only). */
export function randomDemoPassword(random: Random): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[random.int(ALPHABET.length)];
  return `Demo-${s}-7q`;
}
