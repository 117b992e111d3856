/**
 * Helpers for account tests that go through the API the way people do: the system admin asks,
 * another admin confirms, the holder activates the account with the code(s) handed over.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { anonymousClient, loginAs } from './app.js';

export interface Activation {
  username: string;
  code: string;
  part: number;
  parts: number;
  expiresAt: string | null;
}

export interface ChangeResult {
  status: 'done' | 'pending_confirmation';
  userId: string | null;
  requestId: string | null;
  activation: Activation | null;
}

export interface AuditItem {
  action: string;
  actorName: string | null;
  actorUserId: string | null;
  entityId: string | null;
  details: Record<string, unknown>;
}

/** Activate an account on the public activation route (no session, double-submit CSRF). */
export async function activate(
  app: FastifyInstance,
  username: string,
  code: string,
  newPassword: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const c = await anonymousClient(app);
  return c.request('POST', '/api/auth/activate', { username, code, newPassword }, headers);
}

/** Audit events as the auditor reads them (newest first). */
export async function auditEvents(app: FastifyInstance, query: Record<string, string>): Promise<AuditItem[]> {
  const auditor = await loginAs(app, 'auditor');
  const qs = new URLSearchParams({ pageSize: '500', ...query }).toString();
  const res = await auditor.get(`/api/audit/events?${qs}`);
  if (res.statusCode !== 200) throw new Error(`audit events: ${res.statusCode} ${res.body}`);
  return res.json<{ items: AuditItem[] }>().items;
}

export function result(res: LightMyRequestResponse): ChangeResult {
  if (res.statusCode >= 300) throw new Error(`expected success, got ${res.statusCode} ${res.body}`);
  return res.json<ChangeResult>();
}

/**
 * A business account linked to a person, made the only way the API allows: the system admin
 * creates it (first half of the code), the security admin confirms the link (second half), the
 * holder activates it with both halves and the password given here. Returns the account id.
 */
export async function createLinkedAccount(
  app: FastifyInstance,
  input: { username: string; displayName: string; personId: string; password: string },
): Promise<string> {
  const sys = await loginAs(app, 'sysadmin');
  const created = result(
    await sys.post('/api/accounts/users', {
      username: input.username,
      displayName: input.displayName,
      personId: input.personId,
    }),
  );
  const sec = await loginAs(app, 'secadmin');
  const confirmed = result(await sec.post(`/api/accounts/requests/${created.requestId}/confirm`));
  const code = `${created.activation?.code ?? ''}${confirmed.activation?.code ?? ''}`;
  const res = await activate(app, input.username, code, input.password);
  if (res.statusCode !== 200) throw new Error(`activation of ${input.username} failed: ${res.statusCode} ${res.body}`);
  return created.userId ?? '';
}
