import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sm3Hex } from './sm3.js';

describe('sm3Hex (GB/T 32905-2016)', () => {
  it('gives the standard\'s digest of "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it("gives the standard's digest of the 64-byte message abcd x 16 (two blocks after padding)", () => {
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('hashes a string as its UTF-8 bytes', () => {
    expect(sm3Hex('测评')).toBe(sm3Hex(new TextEncoder().encode('测评')));
  });

  it("agrees with node's crypto on any bytes, every padding length included", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sm3Hex(bytes)).toBe(createHash('sm3').update(bytes).digest('hex'));
      }),
      { numRuns: 500 },
    );
  });
});
