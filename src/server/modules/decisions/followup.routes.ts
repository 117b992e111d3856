/**
 * Decisions routes, part 2: decisions registered outside meetings, follow-through tasks (督办,
 * ZD-09) and evaluations. The decision list, the dashboard and the violation report join meetings:
 * they are in meetings/overview.routes.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../../common/contracts/common.js';
import {
  evaluationBodySchema,
  evaluationSchema,
  outsideDecisionBodySchema,
  progressBodySchema,
  taskBodySchema,
  taskListQuerySchema,
  taskSchema,
} from '../../../common/contracts/decisions.js';
import type { AppContext } from '../../context.js';
import { requestMeta } from '../../http/auth.js';
import { business } from '../../http/actor.js';
import { idWithFindings } from './decisions.support.js';
import { registerOutside } from './items.service.js';
import * as tasks from './tasks.service.js';

const tags = ['decisions'];

export const followupRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/decisions/outside',
    {
      schema: {
        tags,
        summary: '登记未经会议作出的决定（供违规检测；DC-03、PG-15、ZZ-03）',
        body: outsideDecisionBodySchema,
        response: { 201: idWithFindings },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await registerOutside(ctx, business(req.actor), req.body, requestMeta(req))),
  );

  app.get(
    '/api/decisions/tasks',
    {
      schema: {
        tags,
        summary: '督办任务（逾期以北京时间期限日24:00为界）',
        querystring: taskListQuerySchema,
        response: { 200: z.object({ items: z.array(taskSchema) }) },
      },
    },
    async (req) => tasks.listTasks(ctx, business(req.actor), req.query),
  );

  app.post(
    '/api/decisions/items/:id/tasks',
    {
      schema: {
        tags,
        summary: '将决定分解为督办任务（ZD-09）',
        params: idParamsSchema,
        body: taskBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ id: await tasks.createTask(ctx, business(req.actor), req.params.id, req.body, requestMeta(req)) }),
  );

  app.post(
    '/api/decisions/tasks/:id/progress',
    {
      schema: {
        tags,
        summary: '报告督办任务进展（责任人或党组办公室）',
        params: idParamsSchema,
        body: progressBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await tasks.reportProgress(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/decisions/items/:id/evaluations',
    {
      schema: {
        tags,
        summary: '决策后评估（ZD-09）',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(evaluationSchema) }) },
      },
    },
    async (req) => tasks.listEvaluations(ctx, business(req.actor), req.params.id),
  );

  app.post(
    '/api/decisions/items/:id/evaluations',
    {
      schema: {
        tags,
        summary: '登记决策后评估（ZD-09）',
        params: idParamsSchema,
        body: evaluationBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ id: await tasks.addEvaluation(ctx, business(req.actor), req.params.id, req.body, requestMeta(req)) }),
  );
};
