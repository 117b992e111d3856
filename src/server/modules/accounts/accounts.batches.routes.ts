/**
 * Accounts routes, part 4: accounts for imported people as one batch (issue 16 §1; AC-01, AC-02).
 * The system admin requests, the security admin confirms or rejects, the requester may withdraw;
 * each takes their halves of the codes once (.xlsx). Every admin sees the batches.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountBatchDetailSchema,
  accountBatchSchema,
  batchBodySchema,
} from '../../../common/contracts/account-batches.js';
import { rejectBodySchema } from '../../../common/contracts/accounts.js';
import { idParamsSchema, okSchema } from '../../../common/contracts/common.js';
import { ADMIN_ROLES } from '../../../common/roles.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import { getBatch, listBatches, requestBatch, whoOfActor } from './accounts.batches.js';
import { takeHalves } from './accounts.batches.codes.js';
import { cancelBatch, confirmBatch, rejectBatch } from './accounts.batches.decide.js';
import { requireAdminRole } from './accounts.credentials.js';

const tags = ['accounts'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const excludedSchema = z.object({
  personId: z.string(),
  personName: z.string(),
  unitName: z.string(),
  reason: z.string(),
});

export const batchesRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const who = async (
    req: Parameters<typeof requestMeta>[0],
    roles: readonly (typeof ADMIN_ROLES)[number][],
    attempt: string,
  ) => {
    const actor = requireActor(req.actor);
    await requireAdminRole(ctx, actor, requestMeta(req), roles, attempt);
    return whoOfActor(actor, requestMeta(req));
  };

  app.get(
    '/api/accounts/batches',
    {
      schema: {
        tags,
        summary: '批量开设账户的申请（三类管理员）',
        response: { 200: z.object({ items: z.array(accountBatchSchema) }) },
      },
    },
    async (req) => ({ items: await listBatches(ctx, await who(req, ADMIN_ROLES, 'list_batches')) }),
  );

  app.post(
    '/api/accounts/batches',
    {
      schema: {
        tags,
        summary: '申请为导入的人员批量开设账户（系统管理员；按单位或指定人员，已有账户者列出不开设）',
        body: batchBodySchema,
        response: { 201: z.object({ batch: accountBatchDetailSchema, excluded: z.array(excludedSchema) }) },
      },
    },
    async (req, reply) => {
      const w = await who(req, ['system_admin'], 'request_batch');
      return reply.code(201).send(await requestBatch(ctx, w, req.body));
    },
  );

  app.get(
    '/api/accounts/batches/:id',
    {
      schema: {
        tags,
        summary: '批量申请的人员与用户名（三类管理员）',
        params: idParamsSchema,
        response: { 200: accountBatchDetailSchema },
      },
    },
    async (req) => getBatch(ctx, await who(req, ADMIN_ROLES, 'view_batch'), req.params.id),
  );

  app.post(
    '/api/accounts/batches/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认批量申请（安全管理员，整批）：开设账户并关联人员，随后下载第 2 段激活码',
        params: idParamsSchema,
        response: { 200: accountBatchDetailSchema },
      },
    },
    async (req) => confirmBatch(ctx, await who(req, ADMIN_ROLES, 'confirm_batch'), req.params.id),
  );

  app.post(
    '/api/accounts/batches/:id/reject',
    {
      schema: {
        tags,
        summary: '驳回批量申请（安全管理员，整批）',
        params: idParamsSchema,
        body: rejectBodySchema.optional(),
        response: { 200: okSchema },
      },
    },
    async (req) => {
      const w = await who(req, ADMIN_ROLES, 'reject_batch');
      await rejectBatch(ctx, w, req.params.id, req.body?.reason ?? null);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/accounts/batches/:id/cancel',
    {
      schema: { tags, summary: '撤回批量申请（申请人本人）', params: idParamsSchema, response: { 200: okSchema } },
    },
    async (req) => {
      await cancelBatch(ctx, await who(req, ADMIN_ROLES, 'cancel_batch'), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/accounts/batches/:id/codes',
    {
      schema: {
        tags,
        summary: '下载本人的激活码段（.xlsx，仅此一次）：申请人第 1 段（确认前），确认人第 2 段（确认后）',
        params: idParamsSchema,
      },
    },
    async (req, reply) => {
      const doc = await takeHalves(ctx, await who(req, ADMIN_ROLES, 'take_batch_codes'), req.params.id);
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="activation-codes.xlsx"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
        )
        .header('cache-control', 'no-store')
        .send(doc.xlsx);
    },
  );
};
