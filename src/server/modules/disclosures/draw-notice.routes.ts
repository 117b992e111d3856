/** The notice of a drawn spot check (.docx) for publication inside the unit (issue 16 §4). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../common/contracts/common.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireBusinessUser } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import { sendDocument } from '../../http/document.js';
import { drawNotice } from './draw-notice.service.js';

export const drawNoticeRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/disclosures/draws/:id/notice.docx',
    {
      schema: {
        tags: ['disclosures'],
        summary: '抽查结果通知（docx，组织抽查的人事部门在单位内公布；含验证方法）',
        params: idParamsSchema,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.actor);
      requireBusinessUser(actor);
      const { file, filename } = await drawNotice(ctx, actor, req.params.id, requestMeta(req));
      return sendDocument(reply, file, filename, 'docx');
    },
  );
};
