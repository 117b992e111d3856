/**
 * Meetings routes, part 3 (issue 16 §4): the meeting's title and number, the agenda's order before
 * the meeting opens, the printable agenda and notice (.docx), and the checks shown before the
 * secretary approves the minutes. The projector view reads the meeting and its live events.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema } from '../../../common/contracts/common.js';
import { agendaOrderBodySchema, headingBodySchema, minutesCheckSchema } from '../../../common/contracts/meetings.js';
import type { AppContext } from '../../context.js';
import { requestMeta } from '../../http/auth.js';
import { business } from '../../http/actor.js';
import { agendaDocument, reorderAgenda } from './agenda.service.js';
import { setHeading } from './heading.service.js';
import { checkMinutes } from './minutes.check.js';

const tags = ['meetings'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function sendDocx(reply: FastifyReply, ascii: string, doc: { file: Buffer; filename: string }) {
  return reply
    .header('content-type', DOCX)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
    )
    .send(doc.file);
}

export const agendaRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.put(
    '/api/meetings/:id/heading',
    {
      schema: {
        tags,
        summary: '会议标题与编号（编号默认按会议日期排列，发布前可由党组办公室指定；发布后不再改变）',
        params: idParamsSchema,
        body: headingBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await setHeading(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.put(
    '/api/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: '调整议程顺序（会议开始前；列出本次会议的全部议题各一次）',
        params: idParamsSchema,
        body: agendaOrderBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await reorderAgenda(ctx, business(req.actor), req.params.id, req.body.order, requestMeta(req));
      return { ok: true as const };
    },
  );

  for (const [kind, summary] of [
    ['agenda', '打印会议议程（.docx）'],
    ['notice', '打印会议通知（.docx）'],
  ] as const) {
    app.get(
      `/api/meetings/:id/${kind}.docx`,
      { schema: { tags, summary, params: idParamsSchema } },
      async (req, reply) =>
        sendDocx(
          reply,
          `${kind}.docx`,
          await agendaDocument(ctx, business(req.actor), req.params.id, kind, requestMeta(req)),
        ),
    );
  }

  app.get(
    '/api/meetings/:id/minutes/check',
    {
      schema: {
        tags,
        summary: '审定前检查会议记录：将锁定的内容与检查结果（ZD-07 主持人理由与不同意见、PG-12 期限）',
        params: idParamsSchema,
        response: { 200: minutesCheckSchema },
      },
    },
    async (req) => checkMinutes(ctx, business(req.actor), req.params.id),
  );
};
