/**
 * Decisions routes (OpenAPI tag `decisions`): catalogue, agenda items with statutory procedures,
 * pre-consultation and files. Follow-through is in followup.routes.ts, registered from here. The
 * item detail (it shows the meetings an item was on) is in meetings/overview.routes.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findingSchema, idParamsSchema, okSchema, pageOf } from '../../../common/contracts/common.js';
import {
  catalogueBodySchema,
  cataloguePatchSchema,
  catalogueSchema,
  consultationBodySchema,
  expertBodySchema,
  fileBodySchema,
  itemBodySchema,
  itemListEntrySchema,
  itemListQuerySchema,
  itemPatchSchema,
  procedureBodySchema,
  unitQuerySchema,
} from '../../../common/contracts/decisions.js';
import type { AppContext } from '../../context.js';
import { requestMeta } from '../../http/auth.js';
import { sendUpload } from '../../http/download.js';
import * as catalogue from './catalogue.service.js';
import { business } from '../../http/actor.js';
import { idWithFindings } from './decisions.support.js';
import { followupRoutes } from './followup.routes.js';
import * as items from './items.service.js';
import * as procedures from './procedures.service.js';

const tags = ['decisions'];

export const decisionsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/decisions/catalogue',
    {
      schema: {
        tags,
        summary: '本单位议事清单（PG-02）与“三重一大”数额标准（TZ-02）',
        querystring: unitQuerySchema,
        response: { 200: catalogueSchema },
      },
    },
    async (req) => catalogue.getCatalogue(ctx, business(req.actor), req.query.unitId),
  );

  app.post(
    '/api/decisions/catalogue/seed',
    {
      schema: {
        tags,
        summary: '按党章第四十八条（PG-17）和“三重一大”四类（TZ-01）建立初始议事清单（党组办公室）',
        body: unitQuerySchema,
        response: { 201: z.object({ count: z.number().int(), findings: z.array(findingSchema) }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await catalogue.seedCatalogue(ctx, business(req.actor), req.body.unitId, requestMeta(req))),
  );

  app.post(
    '/api/decisions/catalogue',
    {
      schema: {
        tags,
        summary: '新增议事清单条目（党组办公室）',
        body: catalogueBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await catalogue.createEntry(ctx, business(req.actor), req.body, requestMeta(req)) }),
  );

  app.patch(
    '/api/decisions/catalogue/:id',
    {
      schema: {
        tags,
        summary: '修改或停用议事清单条目（党组办公室）',
        params: idParamsSchema,
        body: cataloguePatchSchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await catalogue.updateEntry(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/decisions/items',
    {
      schema: {
        tags,
        summary: '议题列表（pool=1：已确定待上会）',
        querystring: itemListQuerySchema,
        response: { 200: pageOf(itemListEntrySchema) },
      },
    },
    async (req) => items.listItems(ctx, business(req.actor), req.query),
  );

  app.post(
    '/api/decisions/items',
    {
      schema: {
        tags,
        summary: '提出议题（班子成员或党组办公室；超过本单位标准的金额自动归入“三重一大”）',
        body: itemBodySchema,
        response: { 201: idWithFindings },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await items.createItem(ctx, business(req.actor), req.body, requestMeta(req))),
  );

  app.patch(
    '/api/decisions/items/:id',
    {
      schema: {
        tags,
        summary: '修改议题（提出人或党组办公室，上会前）',
        params: idParamsSchema,
        body: itemPatchSchema,
        response: { 200: z.object({ findings: z.array(findingSchema) }) },
      },
    },
    async (req) => items.patchItem(ctx, business(req.actor), req.params.id, req.body, requestMeta(req)),
  );

  app.post(
    '/api/decisions/items/:id/approve',
    {
      schema: { tags, summary: '书记确定议题（PG-05）', params: idParamsSchema, response: { 200: okSchema } },
    },
    async (req) => {
      await items.approveItem(ctx, business(req.actor), req.params.id, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/decisions/items/:id/withdraw',
    {
      schema: { tags, summary: '撤回议题（上会前）', params: idParamsSchema, response: { 200: okSchema } },
    },
    async (req) => {
      await items.withdrawItem(ctx, business(req.actor), req.params.id, requestMeta(req));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/decisions/items/:id/procedures',
    {
      schema: {
        tags,
        summary: '登记法定程序：合法性审查（ZD-06）、公众参与（ZD-03）、专家论证（ZD-04）、风险评估（ZD-05）',
        params: idParamsSchema,
        body: procedureBodySchema,
        response: { 200: idWithFindings },
      },
    },
    async (req) => procedures.recordStep(ctx, business(req.actor), req.params.id, req.body, requestMeta(req)),
  );

  app.post(
    '/api/decisions/items/:id/experts',
    {
      schema: {
        tags,
        summary: '增加论证专家（与决策事项有直接利害关系的专家不得选择，ZD-04）',
        params: idParamsSchema,
        body: expertBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ id: await procedures.addExpert(ctx, business(req.actor), req.params.id, req.body, requestMeta(req)) }),
  );

  app.post(
    '/api/decisions/items/:id/consultations',
    {
      schema: {
        tags,
        summary: '记录个别酝酿意见（PG-01）',
        params: idParamsSchema,
        body: consultationBodySchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({
        id: await procedures.addConsultation(ctx, business(req.actor), req.params.id, req.body, requestMeta(req)),
      }),
  );

  app.post(
    '/api/decisions/items/:id/files',
    {
      schema: {
        tags,
        summary: '上传议题材料或程序佐证（base64，不超过 3 MB，记录 SM3 摘要）',
        params: idParamsSchema,
        body: fileBodySchema,
        response: { 201: z.object({ id: z.string(), sm3: z.string(), size: z.number() }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await procedures.uploadFile(ctx, business(req.actor), req.params.id, req.body, requestMeta(req))),
  );

  app.get(
    '/api/decisions/files/:id',
    {
      schema: {
        tags,
        summary: '下载议题材料（附件；仅 PDF、图片、docx、xlsx 且内容相符时按原类型，其余按二进制）',
        params: idParamsSchema,
      },
    },
    async (req, reply) => sendUpload(reply, await procedures.getFile(ctx, business(req.actor), req.params.id)),
  );

  await app.register(followupRoutes, { ctx });
};
