/**
 * Every API response is sent with `Cache-Control: no-store` (issue 8 §2): reports, cases, ID
 * numbers and .docx/.xlsx exports must not stay in a browser's or a proxy's cache on a shared
 * office computer. One hook for all of /api/ so a new sensitive route cannot forget it; the UI's
 * static files keep their own caching (app.ts).
 */
import type { FastifyInstance } from 'fastify';

export function registerNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
