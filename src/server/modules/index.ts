/**
 * Every module's routes. A new module adds one line here.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { accountsRoutes } from './accounts/accounts.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { orgsRoutes } from './orgs/orgs.routes.js';
import { peopleRoutes } from './people/people.routes.js';
import { rulesRoutes } from './rules/rules.routes.js';

export const MODULE_ROUTES: FastifyPluginAsync<{ ctx: AppContext }>[] = [
  accountsRoutes,
  orgsRoutes,
  peopleRoutes,
  rulesRoutes,
  calendarRoutes,
  auditRoutes,
];

/** OpenAPI tags, one per module, with Chinese descriptions. */
export const OPENAPI_TAGS = [
  { name: 'accounts', description: '账户、会话与角色授权' },
  { name: 'orgs', description: '单位与班子' },
  { name: 'people', description: '干部档案' },
  { name: 'rules', description: '规则库' },
  { name: 'calendar', description: '工作日历' },
  { name: 'audit', description: '审计日志' },
];
