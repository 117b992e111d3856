import { describe, expect, it } from 'vitest';
import { checkPassword } from './password.js';

describe('password policy', () => {
  it('accepts 10+ characters from 3 classes', () => {
    expect(checkPassword('abcdefG123')).toEqual([]);
    expect(checkPassword('abc-def-123')).toEqual([]);
  });
  it('refuses short passwords', () => {
    expect(checkPassword('aB3$xyz')).toContain('密码至少 10 位');
  });
  it('refuses fewer than 3 classes', () => {
    expect(checkPassword('abcdefghijk1')[0]).toContain('至少三类');
  });
  it('refuses a password containing the user name', () => {
    expect(checkPassword('Zhangsan-2026', 'zhangsan')).toContain('密码不能包含用户名');
  });
});
