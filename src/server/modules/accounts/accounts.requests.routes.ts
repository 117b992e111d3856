/**
 * Accounts routes, part 3: requests that a second admin confirms (AC-01). Every admin sees the
 * list (with whether they may confirm each); business users are refused.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountChangeResultSchema,
  accountRequestSchema,
  rejectBodySchema,
  requestsQuerySchema,
} from '../../../common/contracts/accounts.js';
import { idParamsSchema, okSchema } from '../../../common/contracts/common.js';
import { ADMIN_ROLES } from '../../../common/roles.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import { requireAdminRole } from './accounts.credentials.js';
import { cancelRequest, confirmRequest, listRequests, rejectRequest } from './accounts.requests.js';

const tags = ['accounts'];

export const requestsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/accounts/requests',
    {
      schema: {
        tags,
        summary: '待确认申请（三类管理员）：关联人员、管理员账户的新建、启停与重置',
        querystring: requestsQuerySchema,
        response: { 200: z.object({ items: z.array(accountRequestSchema) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      await requireAdminRole(ctx, actor, requestMeta(req), ADMIN_ROLES, 'list_requests');
      return { items: await listRequests(ctx, actor, req.query.status) };
    },
  );

  app.post(
    '/api/accounts/requests/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认申请（另一类管理员；关联人员由安全管理员）：签发激活码的第 2 段',
        params: idParamsSchema,
        response: { 200: accountChangeResultSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      await requireAdminRole(ctx, actor, requestMeta(req), ADMIN_ROLES, 'confirm_request');
      return confirmRequest(ctx, actor, req.params.id, requestMeta(req));
    },
  );

  app.post(
    '/api/accounts/requests/:id/reject',
    {
      schema: {
        tags,
        summary: '驳回申请（可确认该申请的管理员）',
        params: idParamsSchema,
        body: rejectBodySchema.optional(),
        response: { 200: okSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      await requireAdminRole(ctx, actor, requestMeta(req), ADMIN_ROLES, 'reject_request');
      await rejectRequest(ctx, actor, req.params.id, req.body?.reason ?? undefined, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/accounts/requests/:id/cancel',
    {
      schema: { tags, summary: '撤回申请（申请人本人）', params: idParamsSchema, response: { 200: okSchema } },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      await requireAdminRole(ctx, actor, requestMeta(req), ADMIN_ROLES, 'cancel_request');
      await cancelRequest(ctx, actor, req.params.id, requestMeta(req));
      return { ok: true as const };
    },
  );
};
