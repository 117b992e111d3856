/** The audit log export (.xlsx), for the auditor only, with the page's filters. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditQuerySchema } from '../../../common/contracts/audit.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireAdmin } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import { sendDocument } from '../../http/document.js';
import { exportAuditLog } from './audit.export.js';

export const auditExportRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/audit/events/export.xlsx',
    {
      schema: {
        tags: ['audit'],
        summary: '导出审计日志（安全审计员；xlsx，按页面筛选条件，最多 20000 条）',
        querystring: auditQuerySchema.omit({ page: true, pageSize: true }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.actor);
      requireAdmin(actor, 'auditor');
      const { file, filename } = await exportAuditLog(ctx, actor, req.query, requestMeta(req));
      return sendDocument(reply, file, filename, 'xlsx');
    },
  );
};
