/**
 * First-run checklist for a personnel office (issue 16 §1).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checklistSchema } from '../../../common/contracts/setup.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/actor.js';
import { checklist } from './setup.service.js';

export const setupRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/setup/checklist',
    {
      schema: {
        tags: ['setup'],
        summary: '首次使用检查：单位、班子、人员、规则参数、工作日历、对外访问地址（人事部门）',
        response: { 200: checklistSchema },
      },
    },
    async (req) => checklist(ctx, requireActor(req.actor)),
  );
};
