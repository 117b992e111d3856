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
import * as overrides from './overrides.service.js';
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
      items: await overrides.listOverrides(ctx, requireActor(req.actor), req.params.id, req.query.unitId),
    }),
  );

  app.post(
    '/api/rules/:id/overrides',
    {
      schema: {
        tags,
        summary:
          '调整单位规则参数：固定参数不可调；只可从严的参数本单位党组办公室可收紧、放宽须上级单位人事部门；可调整参数在范围内调整；生效日期不早于今天，适用于本单位及下级',
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
        .send({ id: await overrides.createOverride(ctx, actor, req.params.id, req.body, requestMeta(req)) });
    },
  );
};
