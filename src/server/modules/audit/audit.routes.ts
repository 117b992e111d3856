/**
 * Audit log routes (auditor only): search and verify the hash chain.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEventSchema, auditQuerySchema, verifyResultSchema } from '../../../common/contracts/audit.js';
import { pageOf } from '../../../common/contracts/common.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireAdmin } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import * as service from './audit.service.js';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/audit/events',
    {
      schema: {
        tags,
        summary: '审计日志（安全审计员）：按人员、单位、操作、日期筛选',
        querystring: auditQuerySchema,
        response: { 200: pageOf(auditEventSchema) },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      requireAdmin(actor, 'auditor');
      return service.searchEvents(ctx, req.query);
    },
  );

  app.post(
    '/api/audit/verify',
    {
      schema: {
        tags,
        summary:
          '校验审计日志（安全审计员）：HMAC-SM3 密钥链与数据库之外的检查点，报告第一处断点、截断、改写和已声明的恢复',
        response: { 200: verifyResultSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      requireAdmin(actor, 'auditor');
      return service.verify(ctx, actor, requestMeta(req));
    },
  );
};
