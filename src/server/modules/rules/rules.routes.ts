/**
 * Rules registry routes: the catalogue with effective parameters, and per-unit overrides.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/contracts/common.js';
import {
  createOverrideBodySchema,
  overrideSchema,
  ruleSchema,
  rulesQuerySchema,
} from '../../../common/contracts/rules.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireBusinessUser } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import * as service from './rules.service.js';

const tags = ['rules'];
const ruleParams = z.object({ id: z.string().regex(/^[A-Z]{1,2}-\d{2}$/, '规则编号格式如 PG-06') });

export const rulesRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/rules',
    {
      schema: {
        tags,
        summary: '规则库：每条规则的出处、核实状态、类型与参数（可按单位与日期取生效值）',
        querystring: rulesQuerySchema,
        response: { 200: z.object({ items: z.array(ruleSchema) }) },
      },
    },
    async (req) => ({ items: await service.listRules(ctx, requireActor(req.actor), req.query.unitId, req.query.at) }),
  );

  app.get(
    '/api/rules/:id/overrides',
    {
      schema: {
        tags,
        summary: '规则参数调整记录',
        params: ruleParams,
        querystring: z.object({ unitId: idSchema.optional() }),
        response: { 200: z.object({ items: z.array(overrideSchema) }) },
      },
    },
    async (req) => ({
      items: await service.listOverrides(ctx, requireActor(req.actor), req.params.id, req.query.unitId),
    }),
  );

  app.post(
    '/api/rules/:id/overrides',
    {
      schema: {
        tags,
        summary: '调整本单位规则参数（本单位党组办公室或上级人事部门；自生效日起适用于本单位及下级）',
        params: ruleParams,
        body: createOverrideBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.actor);
      requireBusinessUser(actor);
      return reply
        .status(201)
        .send({ id: await service.createOverride(ctx, actor, req.params.id, req.body, requestMeta(req)) });
    },
  );
};
