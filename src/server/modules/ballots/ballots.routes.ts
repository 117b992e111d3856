/**
 * Ballots routes for logged-in users: setting up sessions, codes, opening, the hall screen,
 * closing, results and exports, paper ballots, and voting while logged in.
 * Thin: contract -> authenticate -> authorize (in the service) -> service -> present.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BALLOT_KINDS,
  ballotFormSchema,
  codesBodySchema,
  memberBallotBodySchema,
  myBallotSessionSchema,
  paperEntryBodySchema,
  paperEntryListSchema,
  paperEntryResultSchema,
  participationSchema,
  receiptSchema,
  resultsSchema,
  sessionBodySchema,
  sessionDetailSchema,
  sessionSummarySchema,
  templateSchema,
} from '../../../common/contracts/ballots.js';
import {
  findingSchema,
  idParamsSchema,
  idSchema,
  okSchema,
  yearQuerySchema,
} from '../../../common/contracts/common.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireBusinessUser, type Actor } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import { closeSession, participation, receipts, results } from './ballots.close.js';
import { resultsDocument, resultsWorkbook } from './ballots.export.js';
import { discardPaperEntries, enterPaperBallot, listPaperEntries } from './ballots.paper.js';
import * as service from './ballots.service.js';
import { castAsMember, memberForm, mySessions } from './ballots.voting.js';

const tags = ['ballots'];

function business(actor: Actor | null): Actor {
  const a = requireActor(actor);
  requireBusinessUser(a);
  return a;
}

export function sendFile(reply: FastifyReply, file: Buffer, filename: string, type: 'docx' | 'xlsx') {
  const mime =
    type === 'docx'
      ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return reply
    .header('content-type', mime)
    .header(
      'content-disposition',
      `attachment; filename="ballots.${type}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .header('cache-control', 'no-store')
    .send(file);
}

export const ballotsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/ballots/sessions',
    {
      schema: {
        tags,
        summary: '测评列表（本单位党组办公室、上级人事和纪检部门）',
        querystring: z.object({ unitId: idSchema.optional(), year: yearQuerySchema.optional() }),
        response: { 200: z.object({ items: z.array(sessionSummarySchema) }) },
      },
    },
    async (req) => ({ items: await service.listVisibleSessions(ctx, business(req.actor), req.query) }),
  );

  app.get(
    '/api/ballots/templates',
    {
      schema: {
        tags,
        summary: '问卷模板（按测评类型和班子现任成员生成）',
        querystring: z.object({
          unitId: idSchema,
          kind: z.enum(BALLOT_KINDS),
          year: z.coerce.number().int().min(2000).max(2100),
        }),
        response: { 200: templateSchema },
      },
    },
    async (req) => service.sessionTemplate(ctx, business(req.actor), req.query.unitId, req.query.kind, req.query.year),
  );

  app.post(
    '/api/ballots/sessions',
    {
      schema: {
        tags,
        summary: '新建测评（筹备中）',
        body: sessionBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await service.createSession(ctx, business(req.actor), req.body, requestMeta(req)) }),
  );

  app.get(
    '/api/ballots/sessions/:id',
    {
      schema: { tags, summary: '测评详情与设置', params: idParamsSchema, response: { 200: sessionDetailSchema } },
    },
    async (req) => {
      const actor = business(req.actor);
      return service.presentSession(ctx, actor, await service.getVisibleSession(ctx, actor, req.params.id, 'view'));
    },
  );

  app.put(
    '/api/ballots/sessions/:id',
    {
      schema: {
        tags,
        summary: '修改测评设置（仅限开启前）',
        params: idParamsSchema,
        body: sessionBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await service.updateSession(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/ballots/sessions/:id/codes',
    {
      schema: {
        tags,
        summary: '生成测评码并下载裁切纸条（.docx，仅此一次）',
        params: idParamsSchema,
        body: codesBodySchema,
      },
    },
    async (req, reply) => {
      const { file, filename } = await service.issueCodes(
        ctx,
        business(req.actor),
        req.params.id,
        req.body,
        requestMeta(req),
      );
      return sendFile(reply, file, filename, 'docx');
    },
  );

  app.post(
    '/api/ballots/sessions/:id/open',
    {
      schema: {
        tags,
        summary: '开启测评（设置自此固定）',
        params: idParamsSchema,
        response: { 200: z.object({ findings: z.array(findingSchema) }) },
      },
    },
    async (req) => ({ findings: await service.openSession(ctx, business(req.actor), req.params.id, requestMeta(req)) }),
  );

  app.get(
    '/api/ballots/sessions/:id/participation',
    {
      schema: {
        tags,
        summary: '实时参与情况（各类别已投票人数，不含投票内容）',
        params: idParamsSchema,
        response: { 200: participationSchema },
      },
    },
    async (req) => participation(ctx, business(req.actor), req.params.id),
  );

  app.post(
    '/api/ballots/sessions/:id/close',
    {
      schema: { tags, summary: '结束测评并计票', params: idParamsSchema, response: { 200: resultsSchema } },
    },
    async (req) => closeSession(ctx, business(req.actor), req.params.id, requestMeta(req)),
  );

  app.get(
    '/api/ballots/sessions/:id/results',
    {
      schema: {
        tags,
        summary: '测评结果（少于最小分组人数的类别已合并或不予显示）',
        params: idParamsSchema,
        response: { 200: resultsSchema },
      },
    },
    async (req) => results(ctx, business(req.actor), req.params.id),
  );

  for (const type of ['xlsx', 'docx'] as const) {
    app.get(
      `/api/ballots/sessions/:id/results.${type}`,
      {
        schema: { tags, summary: `导出测评结果（.${type}）`, params: idParamsSchema },
      },
      async (req, reply) => {
        const r = await results(ctx, business(req.actor), req.params.id);
        const file =
          type === 'xlsx'
            ? await resultsWorkbook(
                r,
                (await receipts(ctx, await service.getVisibleSession(ctx, business(req.actor), req.params.id, 'view')))
                  .receipts,
              )
            : await resultsDocument(r);
        return sendFile(reply, file, `${r.session.title}结果.${type}`, type);
      },
    );
  }

  app.post(
    '/api/ballots/sessions/:id/paper-entries',
    {
      logLevel: 'silent',
      schema: {
        tags,
        summary: '录入纸质选票（两名录入员独立录入，一致才计入）',
        params: idParamsSchema,
        body: paperEntryBodySchema,
        response: { 200: paperEntryResultSchema },
      },
    },
    async (req) => enterPaperBallot(ctx, business(req.actor), req.params.id, req.body, requestMeta(req)),
  );

  app.get(
    '/api/ballots/sessions/:id/paper-entries',
    {
      schema: {
        tags,
        summary: '待第二人录入或录入不一致的纸质选票',
        params: idParamsSchema,
        response: { 200: paperEntryListSchema },
      },
    },
    async (req) => listPaperEntries(ctx, business(req.actor), req.params.id),
  );

  app.post(
    '/api/ballots/sessions/:id/paper-entries/discard',
    {
      schema: {
        tags,
        summary: '作废某张纸质选票的全部录入，重新录入',
        params: idParamsSchema,
        body: z.object({ code: z.string().min(1).max(40) }),
        response: { 200: z.object({ discarded: z.number().int() }) },
      },
    },
    async (req) => ({
      discarded: await discardPaperEntries(ctx, business(req.actor), req.params.id, req.body.code, requestMeta(req)),
    }),
  );

  app.get(
    '/api/ballots/mine',
    {
      schema: {
        tags,
        summary: '我可以登录投票的测评',
        response: { 200: z.object({ items: z.array(myBallotSessionSchema) }) },
      },
    },
    async (req) => ({ items: await mySessions(ctx, requireActor(req.actor)) }),
  );

  app.get(
    '/api/ballots/sessions/:id/member-form',
    {
      schema: {
        tags,
        summary: '登录投票的问卷',
        params: idParamsSchema,
        response: { 200: ballotFormSchema.extend({ voted: z.boolean() }) },
      },
    },
    async (req) => memberForm(ctx, requireActor(req.actor), req.params.id),
  );

  app.post(
    '/api/ballots/sessions/:id/member-ballot',
    {
      logLevel: 'silent',
      schema: {
        tags,
        summary: '登录投票（记录谁已投票，不记录投了什么）',
        params: idParamsSchema,
        body: memberBallotBodySchema,
        response: { 200: receiptSchema },
      },
    },
    async (req) => ({ receipt: await castAsMember(ctx, requireActor(req.actor), req.params.id, req.body.answers) }),
  );
};
