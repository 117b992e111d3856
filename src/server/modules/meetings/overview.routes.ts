/**
 * Routes of the read models that join decisions and meetings (OpenAPI tag `decisions`): the unit's
 * decision list, one agenda item with the meetings it was on, the follow-through dashboard, and
 * the violation report. Meetings depends on decisions through its door and never the other way
 * (issue 9: no module cycle): decisions' read models take the meeting reads they need
 * (MeetingReads), and meetings supplies them here.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../common/contracts/common.js';
import {
  dashboardSchema,
  decisionListItemSchema,
  decisionListQuerySchema,
  itemDetailSchema,
  unitQuerySchema,
  violationsQuerySchema,
  violationsReportSchema,
} from '../../../common/contracts/decisions.js';
import type { AppContext } from '../../context.js';
import { business } from '../../http/actor.js';
import { getDashboard, type MeetingReads, getItemDetail, listDecisions } from '../decisions/index.js';
import { lastHeldDates, meetingsOfMeetingItems, placementsOfItem, upcomingMeetings } from './meetings.repository.js';
import { detectViolations, violationReport } from './violations.service.js';

export const meetingReads: MeetingReads = {
  placementsOfItem,
  meetingsOfMeetingItems,
  upcomingMeetings,
  lastHeldDates,
  detectViolations,
};

const tags = ['decisions'];

export const overviewRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/decisions',
    {
      schema: {
        tags,
        summary: '本单位决定事项清单（含会外登记的决定；分页）',
        querystring: decisionListQuerySchema,
        response: { 200: pageOf(decisionListItemSchema) },
      },
    },
    async (req) => listDecisions(ctx, business(req.actor), req.query, meetingReads),
  );

  app.get(
    '/api/decisions/items/:id',
    {
      schema: {
        tags,
        summary: '议题详情：法定程序、个别酝酿、材料、上会情况与上会条件',
        params: idParamsSchema,
        response: { 200: itemDetailSchema },
      },
    },
    async (req) => getItemDetail(ctx, business(req.actor), req.params.id, meetingReads),
  );

  app.get(
    '/api/decisions/dashboard',
    {
      schema: {
        tags,
        summary: '督办看板（书记、党组办公室）：逾期任务、待确定议题、会议记录期限',
        querystring: unitQuerySchema,
        response: { 200: dashboardSchema },
      },
    },
    async (req) => getDashboard(ctx, business(req.actor), req.query.unitId, meetingReads),
  );

  app.get(
    '/api/decisions/violations',
    {
      schema: {
        tags,
        summary: '违规检测：本单位（scope=unit），或上级人事、纪检部门汇总所管下级单位（scope=below）',
        querystring: violationsQuerySchema,
        response: { 200: violationsReportSchema },
      },
    },
    async (req) => violationReport(ctx, business(req.actor), req.query),
  );
};
