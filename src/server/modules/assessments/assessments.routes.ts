/**
 * Assessment routes: grading batches, members' and the team's grades, my grades, follow-up tasks.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  batchBodySchema,
  batchDetailSchema,
  batchSummarySchema,
  gradeBodySchema,
  gradeResultSchema,
  myGradeSchema,
  taskSchema,
  teamGradeBodySchema,
  TASK_STATUSES,
} from '../../../common/contracts/assessments.js';
import { idParamsSchema, idSchema, okSchema, text, yearQuerySchema } from '../../../common/contracts/common.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireBusinessUser, type Actor } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import * as service from './assessments.service.js';

const tags = ['assessments'];

function business(actor: Actor | null): Actor {
  const a = requireActor(actor);
  requireBusinessUser(a);
  return a;
}

export const assessmentsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/assessments/batches',
    {
      schema: {
        tags,
        summary: '考核批次列表（上级人事、纪检部门）',
        querystring: z.object({ unitId: idSchema.optional(), year: yearQuerySchema.optional() }),
        response: { 200: z.object({ items: z.array(batchSummarySchema) }) },
      },
    },
    async (req) => ({ items: await service.listBatches(ctx, business(req.actor), req.query) }),
  );

  app.post(
    '/api/assessments/batches',
    {
      schema: {
        tags,
        summary: '新建考核批次（上级人事部门；列入现任班子成员）',
        body: batchBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await service.createBatch(ctx, business(req.actor), req.body, requestMeta(req)) }),
  );

  app.get(
    '/api/assessments/batches/:id',
    {
      schema: {
        tags,
        summary: '考核批次：班子和成员的等次，旁附民主测评结果',
        params: idParamsSchema,
        response: { 200: batchDetailSchema },
      },
    },
    async (req) => service.getBatch(ctx, business(req.actor), req.params.id),
  );

  app.put(
    '/api/assessments/batches/:id/team-grade',
    {
      schema: {
        tags,
        summary: '评定班子考核等次',
        params: idParamsSchema,
        body: teamGradeBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await service.setTeamGrade(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.put(
    '/api/assessments/batches/:id/grades/:personId',
    {
      schema: {
        tags,
        summary: '评定班子成员考核等次（优秀比例提示，不称职生成督办事项）',
        params: z.object({ id: idSchema, personId: idSchema }),
        body: gradeBodySchema,
        response: { 200: gradeResultSchema },
      },
    },
    async (req) =>
      service.setGrade(ctx, business(req.actor), req.params.id, req.params.personId, req.body, requestMeta(req)),
  );

  app.get(
    '/api/assessments/mine',
    {
      schema: { tags, summary: '本人的考核等次', response: { 200: z.object({ items: z.array(myGradeSchema) }) } },
    },
    async (req) => ({ items: await service.myGrades(ctx, business(req.actor)) }),
  );

  app.get(
    '/api/assessments/tasks',
    {
      schema: {
        tags,
        summary: '考核结果督办事项（KH-07）',
        querystring: z.object({ unitId: idSchema.optional(), status: z.enum(TASK_STATUSES).optional() }),
        response: { 200: z.object({ items: z.array(taskSchema) }) },
      },
    },
    async (req) => ({ items: await service.listTasks(ctx, business(req.actor), req.query) }),
  );

  app.post(
    '/api/assessments/tasks/:id/complete',
    {
      schema: {
        tags,
        summary: '办结督办事项',
        params: idParamsSchema,
        body: z.object({ note: text(500, '办理情况') }),
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await service.completeTask(ctx, business(req.actor), req.params.id, req.body.note, requestMeta(req));
      return { ok: true as const };
    },
  );
};
