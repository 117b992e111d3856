/**
 * Meetings routes (OpenAPI tag `meetings`): schedule, agenda, attendance and leave, open and
 * close, the meeting page (also the live screen's state) and its server-sent events. Voting and
 * minutes are in voting.routes.ts; the read models that join decisions (decision list, item
 * detail, dashboard, violation report) in overview.routes.ts; both registered from here.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findingSchema, idParamsSchema, okSchema } from '../../../common/contracts/common.js';
import {
  addItemBodySchema,
  attendanceBodySchema,
  attendeeBodySchema,
  leaveBodySchema,
  meetingDetailSchema,
  meetingListQuerySchema,
  meetingListSchema,
  meetingPatchSchema,
  patchItemBodySchema,
  scheduleBodySchema,
} from '../../../common/contracts/meetings.js';
import type { AppContext } from '../../context.js';
import { requestMeta } from '../../http/auth.js';
import { business } from '../../http/actor.js';
import { idWithFindings } from '../decisions/index.js';
import { agendaRoutes } from './agenda.routes.js';
import * as attendance from './attendance.service.js';
import { listen } from './meetings.live.js';
import * as service from './meetings.service.js';
import { getMeetingView, getReadableMeeting } from './meetings.view.js';
import { overviewRoutes } from './overview.routes.js';
import { votingRoutes } from './voting.routes.js';

const tags = ['meetings'];
const findingsOnly = z.object({ findings: z.array(findingSchema) });

export const meetingsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: '本单位党组会议列表（含会议记录期限 PG-12 与每月召开提醒 PG-05）',
        querystring: meetingListQuerySchema,
        response: { 200: meetingListSchema },
      },
    },
    async (req) => service.listMeetings(ctx, business(req.actor), req.query),
  );

  app.post(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: '安排党组会议（党组办公室；补录以往纸质会议选 retrospective）',
        body: scheduleBodySchema,
        response: { 201: idWithFindings },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.scheduleMeeting(ctx, business(req.actor), req.body, requestMeta(req))),
  );

  app.get(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: '会议详情（亦为会场实时状态：出席、到会人数、议题、表决进度与结果）',
        params: idParamsSchema,
        response: { 200: meetingDetailSchema },
      },
    },
    async (req) => getMeetingView(ctx, business(req.actor), req.params.id),
  );

  app.get(
    '/api/meetings/:id/events',
    {
      schema: {
        tags,
        summary: '会场实时更新（text/event-stream；收到 change 事件后重新读取会议详情）',
        params: idParamsSchema,
      },
    },
    async (req, reply) => {
      const actor = business(req.actor);
      const { meeting } = await getReadableMeeting(ctx, actor, req.params.id);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(`retry: 3000\nevent: hello\ndata: ${JSON.stringify({ version: meeting.version })}\n\n`);
      const stop = listen(ctx, meeting.id, (e) =>
        raw.write(`event: change\ndata: ${JSON.stringify({ kind: e.kind })}\n\n`),
      );
      const beat = setInterval(() => raw.write(': keep-alive\n\n'), 25_000);
      req.raw.on('close', () => {
        clearInterval(beat);
        stop();
      });
    },
  );

  app.patch(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: '修改会议时间、地点、主持人、记录人（发布前后、开会前）',
        params: idParamsSchema,
        body: meetingPatchSchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await service.patchMeeting(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/meetings/:id/items',
    {
      schema: {
        tags,
        summary:
          '列入议题（须经书记确定 PG-05；重大决策须完成法定程序 ZD-03 至 ZD-06；会议当日列入的干部任免议题提示 ZZ-03）',
        params: idParamsSchema,
        body: addItemBodySchema,
        response: { 201: idWithFindings },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await service.addItem(ctx, business(req.actor), req.params.id, req.body, requestMeta(req))),
  );

  app.patch(
    '/api/meetings/items/:id',
    {
      schema: {
        tags,
        summary: '调整会议议题的表决方式或顺序（表决前）',
        params: idParamsSchema,
        body: patchItemBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await service.patchItem(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/meetings/items/:id',
    {
      schema: {
        tags,
        summary: '从议程移出议题（表决前；议题回到待上会）',
        params: idParamsSchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await service.removeItem(ctx, business(req.actor), req.params.id, requestMeta(req));
      return { ok: true as const };
    },
  );

  for (const [path, summary, fn] of [
    ['publish', '发布议程（党组办公室）', service.publishMeeting],
    ['cancel', '取消会议（议题回到待上会）', service.cancelMeeting],
    ['close', '结束会议（所有议题已表决或暂缓）', service.closeMeeting],
  ] as const) {
    app.post(
      `/api/meetings/:id/${path}`,
      { schema: { tags, summary, params: idParamsSchema, response: { 200: okSchema } } },
      async (req) => {
        await fn(ctx, business(req.actor), req.params.id, requestMeta(req));
        return { ok: true as const };
      },
    );
  }

  app.post(
    '/api/meetings/:id/open',
    {
      schema: {
        tags,
        summary: '开始会议：半数以上党组成员到会方可召开（PG-06）',
        params: idParamsSchema,
        response: { 200: findingsOnly },
      },
    },
    async (req) => service.openMeeting(ctx, business(req.actor), req.params.id, requestMeta(req)),
  );

  app.post(
    '/api/meetings/:id/leave',
    {
      schema: {
        tags,
        summary: '会前请假（PG-08），可附书面意见（不计入票数，PG-09）',
        params: idParamsSchema,
        body: leaveBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await attendance.requestLeave(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: '登记出席、缺席（党组办公室）',
        params: idParamsSchema,
        body: attendanceBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await attendance.setAttendance(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/meetings/:id/attendees',
    {
      schema: {
        tags,
        summary: '增加列席人员（可发言，无表决权，PG-14）',
        params: idParamsSchema,
        body: attendeeBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await attendance.addAttendee(ctx, business(req.actor), req.params.id, req.body.personId, requestMeta(req));
      return { ok: true as const };
    },
  );

  await app.register(votingRoutes, { ctx });
  await app.register(overviewRoutes, { ctx });
  await app.register(agendaRoutes, { ctx });
};
