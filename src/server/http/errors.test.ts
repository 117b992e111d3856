import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandler } from './errors.js';

/** An app whose one route throws the given error, as a driver would. */
async function throwing(err: unknown) {
  const app = Fastify();
  registerErrorHandler(app);
  app.get('/x', async () => {
    throw err;
  });
  const res = await app.inject({ method: 'GET', url: '/x' });
  await app.close();
  return res;
}

const driverError = (code: string) => Object.assign(new Error('FOREIGN KEY constraint failed'), { code });

describe('error handler', () => {
  it('answers a reference to a missing record (foreign-key violation on either database) with 400, not 500', async () => {
    for (const code of ['SQLITE_CONSTRAINT_FOREIGNKEY', '23503']) {
      const res = await throwing(driverError(code));
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.body).not.toContain('FOREIGN KEY');
    }
  });

  it('keeps anything else an opaque 500 with the request id', async () => {
    const res = await throwing(driverError('SQLITE_IOERR'));
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toMatchObject({ code: 'INTERNAL_ERROR', message: '服务器内部错误' });
  });
});
