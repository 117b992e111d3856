/**
 * Every module's routes. A new module adds one line here.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { accountsRoutes } from './accounts/accounts.routes.js';
import { assessmentsRoutes } from './assessments/assessments.routes.js';
import { auditExportRoutes } from './audit/audit-export.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { ballotsPublicRoutes } from './ballots/ballots.public.routes.js';
import { ballotsRoutes } from './ballots/ballots.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { decisionsRoutes } from './decisions/decisions.routes.js';
import { decisionsExportRoutes } from './meetings/export.routes.js';
import { disclosuresRoutes } from './disclosures/disclosures.routes.js';
import { drawNoticeRoutes } from './disclosures/draw-notice.routes.js';
import { homeRoutes } from './home/index.js';
import { eligibilityRoutes } from './eligibility/eligibility.routes.js';
import { meetingsRoutes } from './meetings/meetings.routes.js';
import { orgsRoutes } from './orgs/orgs.routes.js';
import { peopleRoutes } from './people/people.routes.js';
import { rulesRoutes } from './rules/rules.routes.js';
import { setupRoutes } from './setup/setup.routes.js';
import { supervisionRoutes } from './supervision/index.js';

export const MODULE_ROUTES: FastifyPluginAsync<{ ctx: AppContext }>[] = [
  accountsRoutes,
  orgsRoutes,
  peopleRoutes,
  rulesRoutes,
  calendarRoutes,
  auditRoutes,
  ballotsRoutes,
  ballotsPublicRoutes,
  assessmentsRoutes,
  eligibilityRoutes,
  disclosuresRoutes,
  meetingsRoutes,
  decisionsRoutes,
  setupRoutes,
  supervisionRoutes,
  // exports of list pages (issue 16 §4)
  decisionsExportRoutes,
  auditExportRoutes,
  drawNoticeRoutes,
  homeRoutes,
];

/** OpenAPI tags, one per module, with Chinese descriptions. */
export const OPENAPI_TAGS = [
  { name: 'accounts', description: '账户、会话与角色授权' },
  { name: 'orgs', description: '单位与班子' },
  { name: 'people', description: '干部档案' },
  { name: 'rules', description: '规则库' },
  { name: 'calendar', description: '工作日历' },
  { name: 'audit', description: '审计日志' },
  { name: 'ballots', description: '民主测评与民主推荐（匿名投票）' },
  { name: 'assessments', description: '年度考核等次' },
  { name: 'eligibility', description: '任职资格与影响期（限制事项）' },
  { name: 'disclosures', description: '领导干部个人有关事项报告、亲属经商办企业与抽查核实' },
  { name: 'meetings', description: '党组会议：议程、出席、逐项表决、会议记录与会议纪要' },
  { name: 'decisions', description: '集体决策：议事清单、议题与法定程序、“三重一大”、督办与违规检测' },
  { name: 'setup', description: '首次使用检查（人事部门）' },
  { name: 'supervision', description: '监督执纪：谈心谈话、提醒、函询、诫勉、组织处理、处分与影响期' },
  { name: 'home', description: '首页待办' },
];
