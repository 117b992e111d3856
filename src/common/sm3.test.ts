import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sm3Hex, utf8Bytes } from './sm3.js';

describe('sm3Hex', () => {
  it('gives the standard test vectors (GB/T 32905 appendix A)', () => {
    expect(sm3Hex(utf8Bytes('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex(utf8Bytes('abcd'.repeat(16)))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('equals node:crypto sm3 on any bytes, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sm3Hex(bytes)).toBe(createHash('sm3').update(bytes).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});
