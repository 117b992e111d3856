/**
 * Spot-check draws, checks, cases, statistics and the FB-06 publication (tag `disclosures`).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findingSchema, idParamsSchema, idSchema, okSchema } from '../../../common/contracts/common.js';
import {
  CLASSIFICATIONS,
  businessCaseSchema,
  caseSchema,
  checkDetailSchema,
  checkListQuerySchema,
  checkSummarySchema,
  closeCaseBodySchema,
  createCheckBodySchema,
  createDrawBodySchema,
  decideCaseBodySchema,
  drawDetailSchema,
  drawFileSchema,
  drawSummarySchema,
  explanationBodySchema,
  optionalUnitQuerySchema,
  performDrawBodySchema,
  publicationSchema,
  registryBatchBodySchema,
  registryBodySchema,
  resolveBusinessCaseBodySchema,
  statsSchema,
  unitQuerySchema,
  verifyResultSchema,
} from '../../../common/contracts/disclosures.js';
import type { AppContext } from '../../context.js';
import { requireActor, requireBusinessUser, type Actor } from '../../http/actor.js';
import { requestMeta } from '../../http/auth.js';
import * as cases from './cases.service.js';
import * as checks from './checks.service.js';
import * as classify from './classify.service.js';
import * as draws from './draws.service.js';
import * as stats from './stats.service.js';

const tags = ['disclosures'];
const created = z.object({ id: z.string() });
const ok = { ok: true as const };
const business = (actor: Actor | null): Actor => {
  const a = requireActor(actor);
  requireBusinessUser(a);
  return a;
};

export const drawsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (fastify, { ctx }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/disclosures/draws',
    {
      schema: {
        tags,
        summary: '随机抽查（本级人事、纪检部门；已公布的抽查对名单内报告人可见）',
        response: { 200: z.object({ items: z.array(drawSummarySchema) }) },
      },
    },
    async (req) => ({ items: await draws.listDraws(ctx, business(req.actor)) }),
  );

  app.post(
    '/api/disclosures/draws',
    {
      schema: {
        tags,
        summary: '准备年度随机抽查：固定名单与比例，生成种子及其 SM3 承诺值',
        body: createDrawBodySchema,
        response: { 201: z.object({ id: z.string(), findings: z.array(findingSchema) }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await draws.prepareDraw(ctx, business(req.actor), req.body, requestMeta(req))),
  );

  app.get(
    '/api/disclosures/draws/:id',
    {
      schema: {
        tags,
        summary: '随机抽查详情（名单、比例、承诺值；抽取后公开种子与结果）',
        params: idParamsSchema,
        response: { 200: drawDetailSchema },
      },
    },
    async (req) => draws.getDraw(ctx, business(req.actor), req.params.id),
  );

  app.post(
    '/api/disclosures/draws/:id/publish',
    {
      schema: {
        tags,
        summary: '公布名单、比例和承诺值（此后不可更改）',
        params: idParamsSchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await draws.publishDraw(ctx, business(req.actor), req.params.id, requestMeta(req));
      return ok;
    },
  );

  app.post(
    '/api/disclosures/draws/:id/draw',
    {
      schema: {
        tags,
        summary: '录入公开随机值并抽取（公布后输入被改动的拒绝抽取）',
        params: idParamsSchema,
        body: performDrawBodySchema,
        response: { 200: z.object({ selected: z.array(z.string()) }) },
      },
    },
    async (req) => ({
      selected: await draws.performDraw(
        ctx,
        business(req.actor),
        req.params.id,
        req.body.publicValue,
        requestMeta(req),
      ),
    }),
  );

  app.get(
    '/api/disclosures/draws/:id/file.json',
    {
      schema: {
        tags,
        summary: '下载抽查验证文件（banzi disclosures verify-draw 可离线复算）',
        params: idParamsSchema,
        response: { 200: drawFileSchema },
      },
    },
    async (req, reply) => {
      const file = await draws.drawFile(ctx, business(req.actor), req.params.id);
      return reply.header('content-disposition', `attachment; filename="draw-${file.year}.json"`).send(file);
    },
  );

  app.post(
    '/api/disclosures/draws/:id/verify',
    {
      schema: {
        tags,
        summary: '按公开算法复算抽查结果（可见者均可复算；仅组织抽查的人事部门的复算结果记入抽查记录）',
        params: idParamsSchema,
        response: { 200: verifyResultSchema },
      },
    },
    async (req) => draws.verifyDraw(ctx, business(req.actor), req.params.id, requestMeta(req)),
  );

  app.delete(
    '/api/disclosures/draws/:id',
    {
      schema: { tags, summary: '撤销未公布的抽查', params: idParamsSchema, response: { 200: okSchema } },
    },
    async (req) => {
      await draws.discardDraw(ctx, business(req.actor), req.params.id, requestMeta(req));
      return ok;
    },
  );

  app.get(
    '/api/disclosures/checks',
    {
      schema: {
        tags,
        summary: '查核列表（随机抽查、重点抽查、凡提必核分列）',
        querystring: checkListQuerySchema,
        response: { 200: z.object({ items: z.array(checkSummarySchema) }) },
      },
    },
    async (req) => ({ items: await checks.listChecks(ctx, business(req.actor), req.query) }),
  );

  app.post(
    '/api/disclosures/checks',
    {
      schema: {
        tags,
        summary: '新增重点抽查或凡提必核（须说明理由，不进入随机抽查名单）',
        body: createCheckBodySchema,
        response: { 201: created },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await checks.openCheck(ctx, business(req.actor), req.body, requestMeta(req)) }),
  );

  app.get(
    '/api/disclosures/checks/:id',
    {
      schema: {
        tags,
        summary: '查核详情：报告内容、登记信息、逐项认定及理由（查阅记入审计日志）',
        params: idParamsSchema,
        response: { 200: checkDetailSchema },
      },
    },
    async (req) => checks.getCheck(ctx, business(req.actor), req.params.id, requestMeta(req)),
  );

  app.put(
    '/api/disclosures/checks/:id/registry',
    {
      schema: {
        tags,
        summary: '录入查核结果并按规定认定（一致、漏报、隐瞒不报）',
        params: idParamsSchema,
        body: registryBodySchema,
        response: { 200: z.object({ result: z.enum(CLASSIFICATIONS).nullable(), caseId: z.string().nullable() }) },
      },
    },
    async (req) => classify.enterRegistry(ctx, business(req.actor), req.params.id, req.body, requestMeta(req)),
  );

  app.post(
    '/api/disclosures/checks/registry-batch',
    {
      schema: {
        tags,
        summary: '批量录入查核结果并认定（登记机关反馈清单；全部成功或全部不录入）',
        body: registryBatchBodySchema,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                checkId: z.string(),
                result: z.enum(CLASSIFICATIONS).nullable(),
                caseId: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ({
      items: await classify.enterRegistryBatch(ctx, business(req.actor), req.body.entries, requestMeta(req)),
    }),
  );

  app.post(
    '/api/disclosures/checks/:id/explanation',
    {
      schema: {
        tags,
        summary: '本人作出说明',
        params: idParamsSchema,
        body: explanationBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await checks.fileExplanation(ctx, business(req.actor), req.params.id, req.body.text, requestMeta(req));
      return ok;
    },
  );

  app.get(
    '/api/disclosures/cases',
    {
      schema: {
        tags,
        summary: '漏报、瞒报案件',
        querystring: optionalUnitQuerySchema,
        response: { 200: z.object({ items: z.array(caseSchema) }) },
      },
    },
    async (req) => ({ items: await cases.listCases(ctx, business(req.actor), req.query, requestMeta(req)) }),
  );

  app.get(
    '/api/disclosures/cases/:id',
    {
      schema: { tags, summary: '案件详情', params: idParamsSchema, response: { 200: caseSchema } },
    },
    async (req) => cases.getCase(ctx, business(req.actor), req.params.id, requestMeta(req)),
  );

  app.post(
    '/api/disclosures/cases/:id/decision',
    {
      schema: {
        tags,
        summary: '提出处理意见（措施按单位配置的对应关系）',
        params: idParamsSchema,
        body: decideCaseBodySchema,
        response: { 200: z.object({ findings: z.array(findingSchema) }) },
      },
    },
    async (req) => ({
      findings: await cases.decideCase(ctx, business(req.actor), req.params.id, req.body, requestMeta(req)),
    }),
  );

  app.post(
    '/api/disclosures/cases/:id/close',
    {
      schema: {
        tags,
        summary: '结案（隐瞒不报的限制同日解除）',
        params: idParamsSchema,
        body: closeCaseBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await cases.closeCase(ctx, business(req.actor), req.params.id, req.body.note, requestMeta(req));
      return ok;
    },
  );

  app.get(
    '/api/disclosures/business-cases',
    {
      schema: {
        tags,
        summary: '亲属经商办企业违规案件',
        querystring: z.object({ unitId: idSchema.optional() }),
        response: { 200: z.object({ items: z.array(businessCaseSchema) }) },
      },
    },
    async (req) => ({
      items: await cases.listBusinessCases(ctx, business(req.actor), req.query.unitId, requestMeta(req)),
    }),
  );

  app.post(
    '/api/disclosures/business-cases/:id/resolve',
    {
      schema: {
        tags,
        summary: '办结：亲属退出或领导干部接受调整',
        params: idParamsSchema,
        body: resolveBusinessCaseBodySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await cases.resolveBusinessCase(ctx, business(req.actor), req.params.id, req.body, requestMeta(req));
      return ok;
    },
  );

  app.get(
    '/api/disclosures/stats',
    {
      schema: {
        tags,
        summary: '下级单位报告与查核统计（按时报告率、更正、查核一致率、漏报瞒报分项）',
        querystring: unitQuerySchema,
        response: { 200: statsSchema },
      },
    },
    async (req) => stats.statistics(ctx, business(req.actor), req.query.unitId, req.query.year),
  );

  app.get(
    '/api/disclosures/publication',
    {
      schema: {
        tags,
        summary: '亲属从业情况单位内公示（单位启用时）',
        querystring: unitQuerySchema,
        response: { 200: publicationSchema },
      },
    },
    async (req) => stats.publication(ctx, business(req.actor), req.query.unitId, req.query.year, requestMeta(req)),
  );
};
