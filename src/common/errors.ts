/**
 * One error vocabulary for server and client. The server throws AppError(code, message);
 * one handler turns it into { error: { code, message, field?, details?, findings? } }.
 */
import type { Finding } from './rules/types.js';

export const ERROR_STATUS = {
  /** Malformed input; `field` names the offending field */
  VALIDATION_FAILED: 400,
  /** No session, or the session expired */
  UNAUTHENTICATED: 401,
  /** Wrong user name or password, or the account is locked */
  LOGIN_FAILED: 401,
  /** Authenticated but the role does not allow the action */
  FORBIDDEN: 403,
  /** Missing CSRF token on a state change */
  CSRF_FAILED: 403,
  /** Not found, or outside the actor's scope (never 403 for out-of-scope records) */
  NOT_FOUND: 404,
  /** A uniqueness or state conflict */
  CONFLICT: 409,
  /** A state machine refused the transition */
  INVALID_STATE: 409,
  /** A rule with kind 'block' refused the action; `findings` carries the rules */
  RULE_VIOLATION: 422,
  /** Too many attempts */
  RATE_LIMITED: 429,
  /** Anything unexpected; logged with the request id, never echoed */
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    field?: string;
    details?: Record<string, unknown>;
    findings?: Finding[];
    requestId?: string;
  };
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { field?: string; details?: Record<string, unknown>; findings?: Finding[] } = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

/** Shorthand for a validation error on one field, with a Chinese message. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { field });
}

export function notFound(what = '记录'): AppError {
  return new AppError('NOT_FOUND', `${what}不存在或无权查看`);
}

export function forbidden(message = '当前角色无权执行此操作'): AppError {
  return new AppError('FORBIDDEN', message);
}
