/**
 * Units and teams routes.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../../common/contracts/common.js';
import {
  addTeamMemberBodySchema,
  patchTeamMemberBodySchema,
  teamQuerySchema,
  teamSchema,
  unitBodySchema,
  unitPatchSchema,
  unitSchema,
} from '../../../common/contracts/orgs.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireBusinessUser } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import { registerImportRoutes } from './import/import.routes.js';
import * as service from './orgs.service.js';

const tags = ['orgs'];

export const orgsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/orgs/units',
    {
      schema: { tags, summary: '可见的单位树', response: { 200: z.object({ items: z.array(unitSchema) }) } },
    },
    async (req) => ({ items: await service.listUnits(ctx, requireActor(req.actor)) }),
  );

  app.get(
    '/api/orgs/units/:id',
    {
      schema: { tags, summary: '单位详情', params: idParamsSchema, response: { 200: unitSchema } },
    },
    async (req) => service.getUnit(ctx, requireActor(req.actor), req.params.id),
  );

  app.post(
    '/api/orgs/units',
    {
      schema: {
        tags,
        summary: '新增下级单位（上级人事部门）',
        body: unitBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.actor);
      requireBusinessUser(actor);
      return reply.status(201).send({ id: await service.createUnit(ctx, actor, req.body, requestMeta(req)) });
    },
  );

  app.patch(
    '/api/orgs/units/:id',
    {
      schema: {
        tags,
        summary: '修改单位（上级人事部门）',
        params: idParamsSchema,
        body: unitPatchSchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      requireBusinessUser(actor);
      await service.updateUnit(ctx, actor, req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/orgs/units/:id/team',
    {
      schema: {
        tags,
        summary: '单位班子（现任；history=1 含历史任职）',
        params: idParamsSchema,
        querystring: teamQuerySchema,
        response: { 200: teamSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      requireBusinessUser(actor);
      return service.getTeam(ctx, actor, req.params.id, { history: req.query.history === '1', at: req.query.at });
    },
  );

  app.post(
    '/api/orgs/units/:id/team',
    {
      schema: {
        tags,
        summary: '新增班子成员任职（上级人事部门）',
        params: idParamsSchema,
        body: addTeamMemberBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.actor);
      requireBusinessUser(actor);
      return reply
        .status(201)
        .send({ id: await service.addTeamMember(ctx, actor, req.params.id, req.body, requestMeta(req)) });
    },
  );

  app.patch(
    '/api/orgs/team-members/:id',
    {
      schema: {
        tags,
        summary: '修改或结束班子成员任职（上级人事部门）',
        params: idParamsSchema,
        body: patchTeamMemberBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      requireBusinessUser(actor);
      await service.patchTeamMember(ctx, actor, req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  registerImportRoutes(fastify, ctx);
};
