/**
 * Working-day calendar routes.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  calendarYearSchema,
  calendarYearSummarySchema,
  computeQuerySchema,
  computeResultSchema,
  putYearBodySchema,
} from '../../../common/contracts/calendar.js';
import { okSchema } from '../../../common/contracts/common.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireAdmin } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import * as service from './calendar.service.js';

const tags = ['calendar'];
const yearParams = z.object({
  year: z.coerce.number().int().min(2000, '年份应在 2000 至 2100 之间').max(2100, '年份应在 2000 至 2100 之间'),
});

export const calendarRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/calendar/years',
    {
      schema: {
        tags,
        summary: '已录入节假日安排的年份',
        response: { 200: z.object({ items: z.array(calendarYearSummarySchema) }) },
      },
    },
    async (req) => {
      requireActor(req.actor);
      return { items: await service.listYears(ctx) };
    },
  );

  app.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '某年的法定节假日与调休上班日',
        params: yearParams,
        response: { 200: calendarYearSchema },
      },
    },
    async (req) => {
      requireActor(req.actor);
      return service.getYear(ctx, req.params.year);
    },
  );

  app.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '录入或修改某年的节假日安排（系统管理员）',
        params: yearParams,
        body: putYearBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      requireAdmin(actor, 'system_admin');
      await service.putYear(ctx, actor, req.params.year, req.body.days, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/calendar/compute',
    {
      schema: {
        tags,
        summary: '期限计算（公示工作日、n 个工作日内、n 日内、法定月数、工作日计数）',
        querystring: computeQuerySchema,
        response: { 200: computeResultSchema },
      },
    },
    async (req) => {
      requireActor(req.actor);
      return service.compute(ctx, req.query);
    },
  );
};
