/**
 * The home page's 待办 (issue 16 §4).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { homeTodoSchema } from '../../../common/contracts/home.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/actor.js';
import { homeTodo } from './home.service.js';

export const homeRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/home/todo',
    {
      schema: {
        tags: ['home'],
        summary:
          '待办：等待本人处理的事项（待确定议题、进行中的会议、会议纪要、督办、个人事项报告、测评、考核后续），含截止日期与链接',
        response: { 200: homeTodoSchema },
      },
    },
    async (req) => homeTodo(ctx, requireActor(req.actor)),
  );
};
