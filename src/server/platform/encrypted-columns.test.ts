/**
 * The registry of encrypted columns is complete: every `*_enc` column a migration creates is in
 * ENCRYPTED_COLUMNS (so bootstrap re-encrypts it with its binding, issue 8 §7b), and nothing else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENCRYPTED_COLUMNS } from './encrypted-columns.js';

describe('encrypted columns', () => {
  it('lists exactly the _enc columns the migrations create', () => {
    const dir = join(__dirname, '../db/migrations');
    const found = new Set<string>();
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      let table = '';
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(
        /(?:createTable|alterTable)\('(\w+)'\)|addColumn\('(\w+_enc)'/g,
      )) {
        if (m[1]) table = m[1];
        else if (m[2]) found.add(`${table}.${m[2]}`);
      }
    }
    expect([...found].sort()).toEqual(ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort());
  });
});
