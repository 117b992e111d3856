import { describe, expect, it } from 'vitest';
import { isLoopbackUrl } from './urls.js';

describe('isLoopbackUrl', () => {
  it('knows the addresses phones cannot reach', () => {
    for (const u of ['http://127.0.0.1:8080', 'http://localhost', 'http://[::1]:80/x', 'http://0.0.0.0:8080']) {
      expect(isLoopbackUrl(u), u).toBe(true);
    }
    for (const u of ['https://banzi.example.cn', 'http://192.168.1.10:8080', 'http://localhost.example.cn']) {
      expect(isLoopbackUrl(u), u).toBe(false);
    }
  });
});
