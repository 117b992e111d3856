import { describe, expect, it } from 'vitest';
import { ApiError, parseApiError, queryString } from './client.js';

describe('parseApiError', () => {
  it('reads code, message, field and findings from the error body', () => {
    const finding = {
      ruleId: 'ID-01',
      kind: 'block',
      message_zh: '校验码错误',
      message_en: 'bad check digit',
      citation: { doc: '《GB 11643》', version: '1999', article: '' },
      label: 'VERIFIED-PRIMARY',
      facts: {},
      params: {},
    };
    const e = parseApiError(422, {
      error: { code: 'RULE_VIOLATION', message: '规则阻止', field: 'idNumber', findings: [finding], requestId: 'r1' },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(422);
    expect(e.code).toBe('RULE_VIOLATION');
    expect(e.message).toBe('规则阻止');
    expect(e.field).toBe('idNumber');
    expect(e.findings).toHaveLength(1);
    expect(e.findings[0]?.ruleId).toBe('ID-01');
    expect(e.requestId).toBe('r1');
  });

  it('keeps details such as mustChangePassword', () => {
    const e = parseApiError(403, {
      error: { code: 'FORBIDDEN', message: '请先修改初始密码', details: { mustChangePassword: true } },
    });
    expect(e.details?.mustChangePassword).toBe(true);
  });

  it('falls back on bodies that are not the error shape', () => {
    expect(parseApiError(401, null).code).toBe('UNAUTHENTICATED');
    expect(parseApiError(0, null).code).toBe('NETWORK_ERROR');
    const e = parseApiError(502, '<html>bad gateway</html>');
    expect(e.code).toBe('INTERNAL_ERROR');
    expect(e.message).toContain('502');
    expect(e.findings).toEqual([]);
  });
});

describe('queryString', () => {
  it('drops empty values and encodes the rest', () => {
    expect(queryString({ a: 1, b: '', c: undefined, d: null, q: '王 五' })).toBe('?a=1&q=%E7%8E%8B+%E4%BA%94');
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });
});

describe('field keys never reach the user (issue 16 §4)', () => {
  it('drops a leading field key from a validation message', async () => {
    const { parseApiError } = await import('./client.js');
    const e = parseApiError(400, {
      error: { code: 'VALIDATION_FAILED', message: 'reason：回避事由不能为空', field: 'reason' },
    });
    expect(e.message).toBe('回避事由不能为空');
    expect(parseApiError(400, { error: { code: 'VALIDATION_FAILED', message: 'items.0.title：必填' } }).message).toBe(
      '必填',
    );
    expect(parseApiError(409, { error: { code: 'INVALID_STATE', message: '出席：朱少华' } }).message).toBe(
      '出席：朱少华',
    );
  });
});
