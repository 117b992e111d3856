/**
 * Meetings routes, part 2: recusal, item-by-item voting, settling and deferral, paper results,
 * minutes with locked versions, and the 会议纪要 .docx.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findingSchema, idParamsSchema, okSchema } from '../../../common/contracts/common.js';
import {
  closeVotingResultSchema,
  correctionBodySchema,
  deferBodySchema,
  minutesBodySchema,
  minutesSchema,
  paperResultBodySchema,
  recordedVotesBodySchema,
  recusalBodySchema,
  voteBodySchema,
} from '../../../common/contracts/meetings.js';
import type { AppContext } from '../../context.js';
import { requestMeta } from '../../http/auth.js';
import { business } from '../../http/actor.js';
import { closeVoting, deferItem, enterPaperResult } from './close.service.js';
import * as minutes from './minutes.service.js';
import * as voting from './voting.service.js';

const tags = ['meetings'];

export const votingRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/meetings/items/:id/recusals',
    {
      schema: {
        tags,
        summary: '申请或登记回避（PG-13；回避成员不参加该议题表决，就该议题按缺席计算到会人数）',
        params: idParamsSchema,
        body: recusalBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await voting.recuse(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/meetings/items/:id/start-voting',
    {
      schema: {
        tags,
        summary: '开始表决：逐项表决（PG-11），按此刻到会人数核对（PG-06；干部任免、处分党员 2/3，PG-07）',
        params: idParamsSchema,
        response: { 200: z.object({ findings: z.array(findingSchema) }) },
      },
    },
    async (req) => {
      const r = await voting.startVoting(ctx, business(req.actor), req.params.id, requestMeta(req));
      return { findings: r.findings };
    },
  );

  app.post(
    '/api/meetings/items/:id/votes',
    {
      schema: {
        tags,
        summary: '本人投票（记名或无记名；主持人末位表态 PG-10；同一成员只能投一次）',
        params: idParamsSchema,
        body: voteBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await voting.castVote(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/meetings/items/:id/recorded-votes',
    {
      schema: {
        tags,
        summary: '记录人登记口头、举手表决，或登记成员不表决（党组办公室）',
        params: idParamsSchema,
        body: recordedVotesBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await voting.recordVotes(ctx, business(req.actor), req.params.id, req.body.entries, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/meetings/items/:id/close-voting',
    {
      schema: {
        tags,
        summary: '结束表决并计票：赞成票超过应到会成员半数为通过（PG-09、SE-09）；双方人数接近时提示暂缓（PG-18）',
        params: idParamsSchema,
        response: { 200: closeVotingResultSchema },
      },
    },
    async (req) => closeVoting(ctx, business(req.actor), req.params.id, requestMeta(req)),
  );

  app.post(
    '/api/meetings/items/:id/paper-result',
    {
      schema: {
        tags,
        summary: '补录会议：录入纸质记录的票数与记载的决定（与计票不一致的将被标记）',
        params: idParamsSchema,
        body: paperResultBodySchema,
        response: { 200: closeVotingResultSchema },
      },
    },
    async (req) => enterPaperResult(ctx, business(req.actor), req.params.id, req.body, requestMeta(req)),
  );

  app.post(
    '/api/meetings/items/:id/defer',
    {
      schema: {
        tags,
        summary: '暂缓表决、下次再议（PG-18）',
        params: idParamsSchema,
        body: deferBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await deferItem(ctx, business(req.actor), req.params.id, req.body.reason, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: '会议记录各版本与期限（PG-12）',
        params: idParamsSchema,
        response: { 200: minutesSchema },
      },
    },
    async (req) => minutes.getMinutes(ctx, business(req.actor), req.params.id),
  );

  app.put(
    '/api/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: '保存会议记录草稿（记录人或党组办公室；批准后锁定）',
        params: idParamsSchema,
        body: minutesBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await minutes.saveMinutes(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/meetings/:id/minutes/approve',
    {
      schema: {
        tags,
        summary: '书记审定会议记录（批准后锁定；ZD-07 主持人意见与结果不一致须载明理由）',
        params: idParamsSchema,
        response: { 200: z.object({ findings: z.array(findingSchema) }) },
      },
    },
    async (req) => minutes.approveMinutes(ctx, business(req.actor), req.params.id, requestMeta(req)),
  );

  app.post(
    '/api/meetings/:id/minutes/corrections',
    {
      schema: {
        tags,
        summary: '更正已批准的会议记录（形成新版本，原版本保留）',
        params: idParamsSchema,
        body: correctionBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await minutes.startCorrection(ctx, business(req.actor), req.params.id, req.body.reason, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/meetings/:id/summary.docx',
    {
      schema: { tags, summary: '导出会议纪要（.docx，GB/T 9704 公文格式）', params: idParamsSchema },
    },
    async (req, reply) => {
      const { file, filename } = await minutes.summaryDocx(ctx, business(req.actor), req.params.id, requestMeta(req));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header(
          'content-disposition',
          `attachment; filename="summary.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(file);
    },
  );
};
