/**
 * Personal-matters reports routes (tag `disclosures`): the reporter's page and reports, the list of
 * reporters per unit. Draws, checks, cases and statistics: draws.routes.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../../common/contracts/common.js';
import {
  amendmentBodySchema,
  createReportBodySchema,
  endSpecialSubjectBodySchema,
  meSchema,
  readEventSchema,
  reportDetailSchema,
  reportListQuerySchema,
  reportSummarySchema,
  specialSubjectBodySchema,
  subjectsQuerySchema,
  subjectsSchema,
  submitReportBodySchema,
  updateReportBodySchema,
} from '../../../common/contracts/disclosures.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireBusinessUser, type Actor } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import { drawsRoutes } from './draws.routes.js';
import * as me from './me.service.js';
import * as reports from './reports.service.js';
import * as subjects from './subjects.service.js';

const tags = ['disclosures'];
const created = z.object({ id: z.string() });

function business(actor: Actor | null): Actor {
  const a = requireActor(actor);
  requireBusinessUser(a);
  return a;
}

export const disclosuresRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/disclosures/me',
    {
      schema: {
        tags,
        summary: '我的个人有关事项：是否须报告、本年度期限、我的报告、查核、案件',
        response: { 200: meSchema },
      },
    },
    async (req) => me.myDisclosures(ctx, business(req.actor), requestMeta(req)),
  );

  app.get(
    '/api/disclosures/me/reads',
    {
      schema: {
        tags,
        summary: '谁查阅了我的报告（每次查阅均记入审计日志）',
        response: { 200: z.object({ items: z.array(readEventSchema) }) },
      },
    },
    async (req) => ({ items: await me.readsOfMine(ctx, business(req.actor)) }),
  );

  app.get(
    '/api/disclosures/reports',
    {
      schema: {
        tags,
        summary: '报告列表（不含报告内容；本人及管理单位人事、纪检部门可见）',
        querystring: reportListQuerySchema,
        response: { 200: z.object({ items: z.array(reportSummarySchema) }) },
      },
    },
    async (req) => ({ items: await reports.listReports(ctx, business(req.actor), req.query) }),
  );

  app.post(
    '/api/disclosures/reports',
    {
      schema: {
        tags,
        summary: '新建年度报告或事项变化报告（默认以上一年度报告预填）',
        body: createReportBodySchema,
        response: { 201: created },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await reports.createReport(ctx, business(req.actor), req.body, requestMeta(req)) }),
  );

  app.get(
    '/api/disclosures/reports/:id',
    {
      schema: {
        tags,
        summary: '报告内容（查阅记入审计日志）',
        params: idParamsSchema,
        querystring: z.object({ version: z.coerce.number().int().min(0).optional() }),
        response: { 200: reportDetailSchema },
      },
    },
    async (req) => reports.getReport(ctx, business(req.actor), req.params.id, req.query.version, requestMeta(req)),
  );

  app.put(
    '/api/disclosures/reports/:id',
    {
      schema: {
        tags,
        summary: '保存报告草稿（提交后冻结）',
        params: idParamsSchema,
        body: updateReportBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await reports.updateDraft(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/disclosures/reports/:id/submit',
    {
      schema: {
        tags,
        summary: '签名声明并提交报告（提交后冻结）',
        params: idParamsSchema,
        body: submitReportBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await reports.submitReport(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/disclosures/reports/:id/amendments',
    {
      schema: {
        tags,
        summary: '更正已提交的报告（记录更正日期）',
        params: idParamsSchema,
        body: amendmentBodySchema,
        response: { 201: z.object({ seq: z.number().int() }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ seq: await reports.amendReport(ctx, business(req.actor), req.params.id, req.body, requestMeta(req)) }),
  );

  app.get(
    '/api/disclosures/reports/:id/reads',
    {
      schema: {
        tags,
        summary: '该报告的查阅记录',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(readEventSchema) }) },
      },
    },
    async (req) => ({ items: await me.readsOfReport(ctx, business(req.actor), req.params.id) }),
  );

  app.get(
    '/api/disclosures/reports/:id/export.docx',
    {
      schema: { tags, summary: '按报告表格式导出（docx，记入审计日志）', params: idParamsSchema },
    },
    async (req, reply) => {
      const { file, filename } = await me.exportReport(ctx, business(req.actor), req.params.id, requestMeta(req));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header(
          'content-disposition',
          `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(file);
    },
  );

  app.get(
    '/api/disclosures/subjects',
    {
      schema: {
        tags,
        summary: '本单位须报告个人有关事项的人员（按职级确定，另含特殊情形）及本年度报告情况',
        querystring: subjectsQuerySchema,
        response: { 200: subjectsSchema },
      },
    },
    async (req) =>
      subjects.listSubjects(ctx, business(req.actor), req.query.unitId, req.query.year, req.query.all === '1'),
  );

  app.post(
    '/api/disclosures/special-subjects',
    {
      schema: {
        tags,
        summary: '将特殊情形人员纳入报告范围（须说明理由）',
        body: specialSubjectBodySchema,
        response: { 201: created },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ id: await subjects.addSpecialSubject(ctx, business(req.actor), req.body, requestMeta(req)) }),
  );

  app.post(
    '/api/disclosures/special-subjects/:id/end',
    {
      schema: {
        tags,
        summary: '结束特殊情形',
        params: idParamsSchema,
        body: endSpecialSubjectBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await subjects.endSpecialSubject(ctx, business(req.actor), req.params.id, req.body.endDate, requestMeta(req));
      return { ok: true as const };
    },
  );

  await app.register(drawsRoutes, { ctx });
};
