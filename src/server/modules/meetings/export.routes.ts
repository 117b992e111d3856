/**
 * Exports (.xlsx) of the 集体决策 list and the 违规检测 report: the page's filters (without paging),
 * the caller's scope, audited (issue 16 §4).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { decisionListQuerySchema, violationsQuerySchema } from '../../../common/contracts/decisions.js';
import type { AppContext } from '../../context.js';
import { requestMeta } from '../../http/auth.js';
import { business } from '../../http/actor.js';
import { sendDocument } from '../../http/document.js';
import { exportDecisions, exportViolations } from './overview.export.js';

const tags = ['decisions'];
const noPaging = { page: true, pageSize: true } as const;

export const decisionsExportRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/decisions/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出本单位决定事项清单（xlsx，按页面筛选条件，不分页）',
        querystring: decisionListQuerySchema.omit(noPaging),
      },
    },
    async (req, reply) => {
      const { file, filename } = await exportDecisions(ctx, business(req.actor), req.query, requestMeta(req));
      return sendDocument(reply, file, filename, 'xlsx');
    },
  );

  app.get(
    '/api/decisions/violations/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出违规检测结果（xlsx，按页面筛选条件和汇总范围，不分页）',
        querystring: violationsQuerySchema.omit(noPaging),
      },
    },
    async (req, reply) => {
      const { file, filename } = await exportViolations(ctx, business(req.actor), req.query, requestMeta(req));
      return sendDocument(reply, file, filename, 'xlsx');
    },
  );
};
