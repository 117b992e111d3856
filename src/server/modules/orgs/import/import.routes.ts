/**
 * The units import in the UI (issue 16 §1): the template, then the upload previewed (dry run)
 * and confirmed, by a personnel office within its own unit and one level down.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { importBodySchema, importResultSchema } from '../../../../common/contracts/orgs.js';
import { invalidField } from '../../../../common/errors.js';
import type { AppContext } from '../../../context.js';
import { requireActor, auditActorOf } from '../../../http/actor.js';
import { requestMeta } from '../../../http/auth.js';
import { importUnitsFile, officeScope } from './import.service.js';
import { buildImportTemplate } from './template.js';

const tags = ['orgs'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerImportRoutes(fastify: FastifyInstance, ctx: AppContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/orgs/import/template.xlsx',
    { schema: { tags, summary: '下载单位、班子和人员导入模板（人事部门）' } },
    async (req, reply) => {
      officeScope(requireActor(req.actor));
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('班子导入模板.xlsx')}`,
        )
        .send(await buildImportTemplate());
    },
  );

  app.post(
    '/api/orgs/import',
    {
      bodyLimit: 17 * 1024 * 1024,
      schema: {
        tags,
        summary: '导入单位、班子和人员：先预览（dryRun），确认后写入；有错则不写入（人事部门，本单位及下一级）',
        body: importBodySchema,
        response: { 200: importResultSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req.actor);
      const scope = officeScope(actor);
      const file = Buffer.from(req.body.file, 'base64');
      if (!file.length) throw invalidField('file', '文件为空');
      return importUnitsFile(ctx, { actor: auditActorOf(actor, requestMeta(req).requestId), scope }, file, {
        dryRun: req.body.dryRun,
      });
    },
  );
}
