import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from './catalogue-doc.js';

describe('docs/rules.md', () => {
  it('matches the catalogue (run `npm run docs:rules` after changing a rule)', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/rules.md'), 'utf8');
    expect(doc).toBe(renderRulesDoc());
  });
});
