/**
 * One error handler: AppError -> its status and body; zod validation -> 400 naming the field; a
 * reference to a record that does not exist (a foreign-key violation a use case did not check
 * first) -> 400; anything else -> an opaque 500, logged with the request id.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorBody } from '../../common/errors.js';
import { isForeignKeyViolation } from '../db/helpers.js';

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      const body: ErrorBody = { error: { code: err.code, message: err.message, ...err.extra } };
      return reply.status(err.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const where = err.validationContext ?? 'body';
      const field = first?.instancePath.replace(/^\//, '').replace(/\//g, '.') || where;
      const body: ErrorBody = {
        error: {
          code: 'VALIDATION_FAILED',
          message: `${field}：${first?.message ?? '输入不合法'}`,
          field,
          details: {
            issues: err.validation.map((v) => ({
              field: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
              message: v.message,
            })),
          },
        },
      };
      return reply.status(400).send(body);
    }
    if (isForeignKeyViolation(err)) {
      req.log.warn({ err, requestId: req.id }, 'reference to a missing record');
      return reply.status(400).send({
        error: { code: 'VALIDATION_FAILED', message: '引用的记录不存在（如人员、单位或议题），请刷新后重试' },
      } satisfies ErrorBody);
    }
    if (err.statusCode === 429) {
      return reply
        .status(429)
        .send({ error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' } } satisfies ErrorBody);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors (bad JSON, body too large, unsupported media type)
      return reply
        .status(err.statusCode)
        .send({ error: { code: 'VALIDATION_FAILED', message: `请求格式错误：${err.message}` } } satisfies ErrorBody);
    }
    req.log.error({ err, requestId: req.id }, 'unhandled error');
    return reply.status(500).send({
      error: { code: 'INTERNAL_ERROR', message: '服务器内部错误', requestId: String(req.id) },
    } satisfies ErrorBody);
  });
}

/** 404 for an unknown route, as JSON. */
export function notFoundBody(method: string, url: string): ErrorBody {
  return { error: { code: 'NOT_FOUND', message: `接口不存在：${method} ${url.split('?')[0] ?? ''}` } };
}
