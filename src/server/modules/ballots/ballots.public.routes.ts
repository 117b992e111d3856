/**
 * Public ballot routes for code holders (no login; the double-submit CSRF header still applies).
 * These routes log nothing at all (logLevel 'silent'): no access line with an address, a code or
 * a time is written for them, whatever BANZI_LOG_LEVEL says. Only failed code attempts are
 * rate-limited, per address and per session; a valid ballot is never throttled.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ballotFormSchema,
  publicBallotBodySchema,
  publicFormBodySchema,
  publicSessionSchema,
  receiptSchema,
  receiptsSchema,
} from '../../../common/contracts/ballots.js';
import { idParamsSchema } from '../../../common/contracts/common.js';
import { AppError } from '../../../common/errors.js';
import type { AppContext } from '../../context.js';
import { receipts } from './ballots.close.js';
import { FailedCodeLimiter } from './ballots.limiter.js';
import { castWithCode, CodeAttemptFailed, formForCode, getPublicSession, publicSession } from './ballots.voting.js';

const tags = ['ballots'];

export const ballotsPublicRoutes: FastifyPluginAsync<{ ctx: AppContext; limiter?: FailedCodeLimiter }> = async (
  fastify,
  { ctx, limiter: given },
) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const limiter = given ?? new FailedCodeLimiter();
  const quiet = { public: true };

  /** Run a code attempt: refuse while the address or session is over its failure limit; count refusals. */
  async function attempt<T>(req: FastifyRequest<{ Params: { id: string } }>, fn: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const wait = limiter.blockedFor(req.ip, req.params.id, now);
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', `错误的测评码尝试过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试`, {
        details: { retryAfterSeconds: Math.ceil(wait / 1000) },
      });
    }
    try {
      return await fn();
    } catch (e) {
      if (e instanceof CodeAttemptFailed) limiter.recordFailure(req.ip, req.params.id, now);
      throw e;
    }
  }

  app.get(
    '/api/ballots/public/sessions/:id',
    {
      config: quiet,
      logLevel: 'silent',
      schema: {
        tags,
        summary: '测评公开信息（无需登录）',
        params: idParamsSchema,
        response: { 200: publicSessionSchema },
      },
    },
    async (req) => publicSession(ctx, await getPublicSession(ctx, req.params.id)),
  );

  app.post(
    '/api/ballots/public/sessions/:id/form',
    {
      config: quiet,
      logLevel: 'silent',
      schema: {
        tags,
        summary: '凭测评码取得问卷（无需登录；错误尝试限速）',
        params: idParamsSchema,
        body: publicFormBodySchema,
        response: { 200: ballotFormSchema },
      },
    },
    async (req) => attempt(req, () => formForCode(ctx, req.params.id, req.body.code)),
  );

  app.post(
    '/api/ballots/public/sessions/:id/ballots',
    {
      config: quiet,
      logLevel: 'silent',
      schema: {
        tags,
        summary: '凭测评码投票（无需登录；测评码一次有效；返回回执）',
        description:
          '请求 { code, answers, r? }。r 为页面生成的 32 字节随机数（64 位十六进制），只保存在内存中；' +
          '回执 = base32(SM3(UTF-8(会话编号) ‖ r)) 的前 16 位，页面在提交前即可算出并显示。' +
          '应答 200 { receipt }，带 r 时与页面算出的相同；测评结束后该回执出现在回执清单中，' +
          '即使应答丢失也可核对。r 与本测评已有回执重复时 409（field r，测评码未被使用）。不带 r 时由服务器生成回执。',
        params: idParamsSchema,
        body: publicBallotBodySchema,
        response: { 200: receiptSchema },
      },
    },
    async (req) => ({
      receipt: await attempt(req, () => castWithCode(ctx, req.params.id, req.body.code, req.body.answers, req.body.r)),
    }),
  );

  app.get(
    '/api/ballots/public/sessions/:id/receipts',
    {
      config: quiet,
      logLevel: 'silent',
      schema: {
        tags,
        summary: '回执清单（测评结束后公布，无需登录）',
        params: idParamsSchema,
        response: { 200: receiptsSchema },
      },
    },
    async (req) => receipts(ctx, await getPublicSession(ctx, req.params.id)),
  );
};
