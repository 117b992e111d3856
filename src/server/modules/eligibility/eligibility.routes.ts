/**
 * Eligibility routes: the restrictions active on a cadre (influence periods, regulations.md §17).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, isoDateSchema } from '../../../common/contracts/common.js';
import { restrictionsSchema } from '../../../common/contracts/eligibility.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireBusinessUser } from '../../http/actor.js';
import * as service from './eligibility.service.js';

const tags = ['eligibility'];

export const eligibilityRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/people/:id/restrictions',
    {
      schema: {
        tags,
        summary: '干部当前受到的限制（影响期：不得提拔、不列入后备干部等；本人及有干部管理权限者可见）',
        params: idParamsSchema,
        querystring: z.object({ date: isoDateSchema.optional() }),
        response: { 200: restrictionsSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      requireBusinessUser(actor);
      return service.restrictionsOf(ctx, actor, req.params.id, req.query.date);
    },
  );
};
