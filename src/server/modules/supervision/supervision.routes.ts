/**
 * Supervision records (issue 10): talks, reminders, inquiry letters, admonitions, handling,
 * sanctions and cases, with the influence periods they write.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../common/contracts/common.js';
import {
  changeRecordSchema,
  closeInquirySchema,
  concludeCaseSchema,
  createRecordSchema,
  extendInquirySchema,
  recordListQuerySchema,
  recordViewSchema,
  replyInquirySchema,
  revokeRecordSchema,
  type RecordView,
} from '../../../common/contracts/supervision.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireBusinessUser, type Actor } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import * as actions from './records.actions.js';
import * as records from './records.service.js';

const tags = ['supervision'];
const business = (a: Actor | null): Actor => {
  const actor = requireActor(a);
  requireBusinessUser(actor);
  return actor;
};

export const supervisionRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/supervision/records',
    {
      schema: {
        tags,
        summary: '监督记录列表（纪检部门、人事部门按管理权限；出具人看本人出具的；本人看本人的非保密记录）',
        querystring: recordListQuerySchema,
        response: { 200: z.object({ items: z.array(recordViewSchema) }) },
      },
    },
    async (req) => ({ items: await records.listRecords(ctx, business(req.actor), requestMeta(req), req.query) }),
  );
  app.post(
    '/api/supervision/records',
    {
      schema: {
        tags,
        summary: '登记监督记录：谈心谈话、提醒、函询、诫勉、第一种形态措施、组织处理、党纪政务处分、立案（写入影响期）',
        body: createRecordSchema,
        response: { 201: recordViewSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await records.createRecord(ctx, business(req.actor), requestMeta(req), req.body)),
  );
  app.get(
    '/api/supervision/records/:id',
    {
      schema: {
        tags,
        summary: '监督记录详情（含影响期与依据）',
        params: idParamsSchema,
        response: { 200: recordViewSchema },
      },
    },
    async (req) => records.getRecord(ctx, business(req.actor), requestMeta(req), req.params.id),
  );
  const action = <B extends z.ZodTypeAny>(
    path: string,
    summary: string,
    body: B,
    run: (actor: Actor, meta: ReturnType<typeof requestMeta>, id: string, b: z.infer<B>) => Promise<RecordView>,
  ) =>
    app.post(
      `/api/supervision/records/:id/${path}`,
      { schema: { tags, summary, params: idParamsSchema, body, response: { 200: recordViewSchema } } },
      async (req) => run(business(req.actor), requestMeta(req), req.params.id, req.body as z.infer<B>),
    );
  action('extend', '函询延期回复（TX-04：特殊原因可延期，须说明理由）', extendInquirySchema, (a, m, id, b) =>
    actions.extendInquiry(ctx, a, m, id, b),
  );
  action('reply', '登记函询回复（逾期的标明逾期；可同时了结）', replyInquirySchema, (a, m, id, b) =>
    actions.replyInquiry(ctx, a, m, id, b),
  );
  action('close', '函询了结：采信了结、澄清正名、再次函询或转初步核实', closeInquirySchema, (a, m, id, b) =>
    actions.closeInquiry(ctx, a, m, id, b),
  );
  action('conclude', '审查调查结案（影响期至结案日止，IP-09）', concludeCaseSchema, (a, m, id, b) =>
    actions.concludeCase(ctx, a, m, id, b),
  );
  action(
    'revoke',
    '撤销处分、处理决定（影响期自始作废，历史保留；政务处分法第五十七条）',
    revokeRecordSchema,
    (a, m, id, b) => actions.revokeRecord(ctx, a, m, id, b),
  );
  action(
    'change',
    '变更处分、处理决定（自原生效日起重新计算；政务处分法第五十八条）',
    changeRecordSchema,
    (a, m, id, b) => actions.changeRecord(ctx, a, m, id, b),
  );
};
