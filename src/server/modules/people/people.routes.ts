/**
 * Cadre records routes.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema, okSchema, pageOf } from '../../../common/contracts/common.js';
import {
  addPostBodySchema,
  addRankBodySchema,
  personBasicSchema,
  personBodySchema,
  personDetailSchema,
  personListItemSchema,
  personListQuerySchema,
  personUpdateSchema,
  revealIdNumberResultSchema,
  transferBodySchema,
} from '../../../common/contracts/people.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireBusinessUser } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import * as service from './people.service.js';

const tags = ['people'];

export const peopleRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const business = (actor: Parameters<typeof requireActor>[0]) => {
    const a = requireActor(actor);
    requireBusinessUser(a);
    return a;
  };

  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: '人员列表（按权限范围；同事仅见姓名、职务、分工）',
        querystring: personListQuerySchema,
        response: { 200: pageOf(personListItemSchema) },
      },
    },
    async (req) => service.listPeople(ctx, business(req.actor), req.query),
  );

  app.get(
    '/api/people/export.xlsx',
    {
      schema: { tags, summary: '导出干部花名册（xlsx）', querystring: z.object({ unitId: idSchema.optional() }) },
    },
    async (req, reply) => {
      const { file, filename } = await service.exportRoster(
        ctx,
        business(req.actor),
        req.query.unitId,
        requestMeta(req),
      );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(file);
    },
  );

  app.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: '干部档案（有权限者见全部字段）',
        params: idParamsSchema,
        response: { 200: z.union([personDetailSchema, personBasicSchema]) },
      },
    },
    async (req) => service.getPerson(ctx, business(req.actor), req.params.id),
  );

  app.post(
    '/api/people',
    {
      schema: {
        tags,
        summary: '新增干部档案（人事部门）',
        body: personBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await service.createPerson(ctx, business(req.actor), req.body, requestMeta(req)) }),
  );

  app.put(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: '修改干部档案（人事部门）',
        params: idParamsSchema,
        body: personUpdateSchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await service.updatePerson(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/people/:id/ranks',
    {
      schema: {
        tags,
        summary: '新增职务职级记录（原记录自动截止）',
        params: idParamsSchema,
        body: addRankBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await service.addRank(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/people/:id/posts',
    {
      schema: {
        tags,
        summary: '新增任职记录（原任职自动截止）',
        params: idParamsSchema,
        body: addPostBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await service.addPost(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/people/:id/transfer',
    {
      schema: {
        tags,
        summary: '调动到其他单位',
        params: idParamsSchema,
        body: transferBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await service.transferPerson(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/people/:id/id-number/reveal',
    {
      schema: {
        tags,
        summary: '查看完整身份证号（留审计记录）',
        params: idParamsSchema,
        response: { 200: revealIdNumberResultSchema },
      },
    },
    async (req) => ({
      idNumber: await service.revealIdNumber(ctx, business(req.actor), req.params.id, requestMeta(req)),
    }),
  );
};
