/**
 * apiFetch: JSON over fetch with the session cookie, the X-CSRF-Token header on every state
 * change, and one error shape. The server's `{ error: { code, message, field, findings } }`
 * becomes an ApiError; a 401 (no session) calls the handler the app registers (back to /login).
 */
import type { z } from 'zod';
import type { Finding } from '../../common/rules/types.js';
import type { ErrorBody } from '../../common/contracts/common.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | undefined = undefined,
    readonly findings: Finding[] = [],
    readonly details: Record<string, unknown> | undefined = undefined,
    readonly requestId: string | undefined = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The server's error body, checked by hand: zod stays out of the console's first load (the
 * contracts' schemas come with the pages that use them).
 */
function errorOf(body: unknown): ErrorBody['error'] | null {
  const e = (body as { error?: Partial<ErrorBody['error']> } | null)?.error;
  if (!e || typeof e.code !== 'string' || typeof e.message !== 'string') return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    code: e.code,
    message: e.message,
    field: str(e.field),
    details: e.details && typeof e.details === 'object' ? e.details : undefined,
    findings: Array.isArray(e.findings) ? e.findings : undefined,
    requestId: str(e.requestId),
  };
}

/** "reason：回避事由不能为空" reads "回避事由不能为空": the user never sees an internal field key. */
export function withoutFieldKey(message: string, field: string | undefined): string {
  const i = message.indexOf('：');
  if (i <= 0) return message;
  const head = message.slice(0, i);
  return head === field || (/^[\w.]+$/.test(head) && /^[a-z]/i.test(head)) ? message.slice(i + 1) : message;
}

/** Turns a failed response's status and body into an ApiError; never throws. */
export function parseApiError(status: number, body: unknown): ApiError {
  const e = errorOf(body);
  if (e) {
    return new ApiError(
      status,
      e.code,
      withoutFieldKey(e.message, e.field),
      e.field,
      e.findings ?? [],
      e.details,
      e.requestId,
    );
  }
  if (status === 401) return new ApiError(status, 'UNAUTHENTICATED', '请先登录（会话不存在或已超时）');
  if (status === 0) return new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  return new ApiError(status, 'INTERNAL_ERROR', `服务器错误（HTTP ${status}）`);
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | null = null;
let lastActivity = Date.now();
let onUnauthenticated: (() => void) | null = null;
let onMustChangePassword: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The time of the last answered API request (the server's idle timer restarts with each). */
export function lastApiActivity(): number {
  return lastActivity;
}

export function setAuthHandlers(h: { unauthenticated: () => void; mustChangePassword: () => void }): void {
  onUnauthenticated = h.unauthenticated;
  onMustChangePassword = h.mustChangePassword;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** '?a=1&b=x' from the defined, non-empty values; '' when none. */
export function queryString(q: Query | undefined): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export interface FetchOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** Validate the response; on a mismatch the raw data is returned and the problem logged */
  schema?: z.ZodType<T>;
  /** Do not call the 401 handler (login itself answers 401 on a wrong password) */
  noAuthRedirect?: boolean;
}

async function fetchCsrf(): Promise<string> {
  const res = await fetch('/api/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const data = (await res.json()) as { csrfToken?: string };
  csrfToken = data.csrfToken ?? null;
  return csrfToken ?? '';
}

async function send(path: string, opts: FetchOptions<unknown>): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken ?? (await fetchCsrf());
  return fetch(path + queryString(opts.query), {
    method,
    credentials: 'same-origin',
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
}

export async function apiFetch<T = unknown>(path: string, opts: FetchOptions<T> = {}): Promise<T> {
  let res: Response;
  try {
    res = await send(path, opts);
    if (res.status === 403 && (opts.method ?? 'GET') !== 'GET') {
      const body = await res
        .clone()
        .json()
        .catch(() => null);
      const err = parseApiError(403, body);
      if (err.code === 'CSRF_FAILED') {
        await fetchCsrf();
        res = await send(path, opts);
      }
    }
  } catch {
    throw parseApiError(0, null);
  }
  lastActivity = Date.now();
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = parseApiError(res.status, data);
    if (err.code === 'UNAUTHENTICATED' && !opts.noAuthRedirect) onUnauthenticated?.();
    if (err.code === 'FORBIDDEN' && err.details?.mustChangePassword === true) onMustChangePassword?.();
    throw err;
  }
  if (opts.schema) {
    const parsed = opts.schema.safeParse(data);
    if (parsed.success) return parsed.data;
    console.error(`响应与契约不符 ${path}`, parsed.error.issues.slice(0, 5));
  }
  return data as T;
}

/** Sends the browser to a file download (GET with the session cookie). */
export function downloadUrl(path: string, query?: Query): string {
  return path + queryString(query);
}
