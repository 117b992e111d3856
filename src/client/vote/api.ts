/**
 * The public ballot API from the light voting pages: fetch with the double-submit CSRF header
 * (token from /api/auth/session, fetched again once when refused) and the server's one error
 * shape, kept whole: the Chinese message, the field it names and the rule findings with their ids.
 */
import { t } from './text.js';

export interface RuleNote {
  ruleId: string;
  message_zh: string;
}

export class VoteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly findings: RuleNote[] = [],
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; field?: string; findings?: RuleNote[] };
}

function toError(status: number, body: unknown): VoteError {
  const e = (body as ErrorBody | null)?.error;
  if (e?.message) return new VoteError(status, e.code ?? 'ERROR', e.message, e.field, e.findings ?? []);
  return status === 0
    ? new VoteError(0, 'NETWORK_ERROR', t('ballots.vote.network'))
    : new VoteError(status, 'INTERNAL_ERROR', t('ballots.vote.serverError', { status }));
}

/** The error as one line per message: the server's words, then each rule's words with its id. */
export function errorLines(e: unknown): string[] {
  if (!(e instanceof VoteError)) return [e instanceof Error ? e.message : String(e)];
  return [
    e.message,
    ...e.findings.filter((f) => f.message_zh !== e.message).map((f) => `${f.message_zh}（${f.ruleId}）`),
  ];
}

export interface LoginState {
  authenticated: boolean;
  csrfToken: string;
}

let login: Promise<LoginState> | null = null;

/** Whether this browser is logged in to Banzi, and the CSRF token (asked once; again when refused). */
export function loginState(fresh = false): Promise<LoginState> {
  if (!login || fresh) {
    login = fetch('/api/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then((r) => r.json() as Promise<LoginState>)
      .catch(() => {
        login = null;
        return { authenticated: false, csrfToken: '' };
      });
  }
  return login;
}

async function send(path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = (await loginState()).csrfToken;
  }
  return fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** GET (no body) or POST (a body) a public ballot path; the parsed JSON, or a VoteError. */
export async function call<T>(path: string, body?: unknown): Promise<T> {
  let res: Response;
  let data: unknown = null;
  try {
    res = await send(path, body);
    data = await res.json().catch(() => null);
    if (res.status === 403 && (data as ErrorBody | null)?.error?.code === 'CSRF_FAILED') {
      await loginState(true);
      res = await send(path, body);
      data = await res.json().catch(() => null);
    }
  } catch {
    throw toError(0, null);
  }
  if (!res.ok) throw toError(res.status, data);
  return data as T;
}

const base = (id: string) => `/api/ballots/public/sessions/${encodeURIComponent(id)}`;
export const paths = {
  session: base,
  form: (id: string) => `${base(id)}/form`,
  ballots: (id: string) => `${base(id)}/ballots`,
  receipts: (id: string) => `${base(id)}/receipts`,
};
