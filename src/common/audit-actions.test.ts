import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS } from './audit-actions.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('audit action names', () => {
  it('names in Chinese every action the server writes to the audit log', () => {
    const used = new Set<string>();
    for (const f of sources(join(__dirname, '../server'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((a) => !(a in AUDIT_ACTION_LABELS))).toEqual([]);
  });
});
