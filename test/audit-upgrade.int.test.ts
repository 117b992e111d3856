/**
 * Upgrading a database written before issue 8 (§2 and §7b): existing events are not rehashed; an
 * anchor event carries the old head into the keyed chain, and verify checks the legacy part with
 * the old algorithm and the rest keyed. Existing field ciphertexts are re-encrypted bound to their
 * table, column and row. Both steps run once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { dropAppendOnlyGuards } from '../src/server/platform/audit.js';
import { FixedClock } from '../src/server/platform/clock.js';
import { FieldCrypto, newKeyring } from '../src/server/platform/crypto.js';
import { cryptoRandom } from '../src/server/platform/random.js';
import { loginAs, TEST_NOW } from './app.js';
import { createTestDatabase, describeEachDialect } from './db.js';
import { makeIdNumber, seedWorld } from './fixtures.js';
import { appendLegacyEvents, legacyChainHash, legacyEncrypt, migrateLegacy } from './legacy.js';

describeEachDialect('upgrading a database with a legacy audit chain and unbound ciphertexts', (dialect) => {
  it('anchors the old head into the keyed chain, rebinds ciphertexts once, and verify checks both parts', async () => {
    const tdb = await createTestDatabase(dialect);
    const keysDir = mkdtempSync(join(tmpdir(), 'banzi-upgrade-'));
    try {
      const db = tdb.handle.db;
      await migrateLegacy(db);
      const ring = newKeyring();
      const clock = new FixedClock(TEST_NOW);
      const config = {
        ...loadConfig({ BANZI_DATA_DIR: keysDir }, process.cwd()),
        database: tdb.url,
        isDefaultDatabase: false,
        clientDir: '/nonexistent',
      };
      const seedCtx = { db, clock, random: cryptoRandom, crypto: new FieldCrypto(ring) } as unknown as AppContext;
      const w = await seedWorld(seedCtx);
      const idM1 = makeIdNumber('1978-05-02', 'F', 31);
      const idM2 = makeIdNumber('1980-09-09', 'M', 32);
      await db
        .updateTable('people')
        .set({ id_number_enc: legacyEncrypt(ring, idM1) })
        .where('id', '=', w.people.altM1)
        .execute();
      await db
        .updateTable('people')
        .set({ id_number_enc: legacyEncrypt(ring, idM2) })
        .where('id', '=', w.people.altM2)
        .execute();
      const seedHex = 'ab'.repeat(32);
      await db
        .insertInto('disclosure_draws')
        .values({
          id: 'draw-legacy',
          unit_id: w.units.urumqi,
          year: 2025,
          ratio_bp: 1000,
          status: 'prepared',
          eligible: '[]',
          eligible_count: 0,
          commitment: '0'.repeat(64),
          seed_enc: legacyEncrypt(ring, seedHex),
          seed_hex: null,
          inputs_digest: null,
          public_value: null,
          selected: null,
          created_by: w.users.rs,
          created_at: TEST_NOW,
          published_at: null,
          drawn_at: null,
          verified_at: null,
          verified_ok: null,
        })
        .execute();
      const legacyHead = await appendLegacyEvents(db, 7);

      const { ctx } = await bootstrap(config, { handle: tdb.handle, clock, keyring: ring });
      const app = await buildApp(ctx);
      try {
        const anchors = await db
          .selectFrom('audit_events')
          .select(['seq', 'prev_hash', 'details'])
          .where('action', '=', 'audit.chain_keyed')
          .execute();
        expect(anchors).toHaveLength(1);
        expect(anchors[0]?.seq).toBe(legacyHead.seq + 1);
        expect(anchors[0]?.prev_hash).toBe(legacyHead.hash);
        expect(JSON.parse(anchors[0]?.details ?? '{}')).toMatchObject({
          legacyHeadSeq: legacyHead.seq,
          legacyHeadHash: legacyHead.hash,
        });

        const people = await db.selectFrom('people').select(['id', 'id_number_enc']).execute();
        expect(people.filter((p) => p.id_number_enc && !p.id_number_enc.startsWith('sm4.v2.'))).toEqual([]);
        const rebound = await db
          .selectFrom('audit_events')
          .select('details')
          .where('action', '=', 'crypto.fields_rebound')
          .execute();
        expect(rebound).toHaveLength(1);
        expect(JSON.parse(rebound[0]?.details ?? '{}').columns).toEqual({
          'people.id_number_enc': 2,
          'disclosure_draws.seed_enc': 1,
        });
        const draw = await db
          .selectFrom('disclosure_draws')
          .select('seed_enc')
          .where('id', '=', 'draw-legacy')
          .executeTakeFirstOrThrow();
        const at = { table: 'disclosure_draws', column: 'seed_enc', rowId: 'draw-legacy' } as const;
        expect(ctx.crypto.decrypt(draw.seed_enc, at)).toBe(seedHex);

        const rs = await loginAs(app, 'rs');
        const reveal = await rs.post(`/api/people/${w.people.altM2}/id-number/reveal`);
        expect(reveal.json()).toEqual({ idNumber: idM2 });

        const auditor = await loginAs(app, 'auditor');
        const ok = (await auditor.post('/api/audit/verify')).json();
        expect(ok).toMatchObject({ ok: true, legacyThroughSeq: legacyHead.seq });

        // Starting again changes nothing: one anchor, one rebinding.
        await bootstrap(config, { handle: tdb.handle, clock, keyring: ring });
        const again = await db
          .selectFrom('audit_events')
          .select('action')
          .where('action', 'in', ['audit.chain_keyed', 'crypto.fields_rebound'])
          .execute();
        expect(again).toHaveLength(2);

        // An insider edits a legacy row and recomputes the legacy chain (the old algorithm is public).
        await dropAppendOnlyGuards(db, dialect);
        await sql`update audit_events set actor_name = '他人' where seq = 3`.execute(db);
        const rows = await db
          .selectFrom('audit_events')
          .selectAll()
          .where('seq', '<=', legacyHead.seq)
          .orderBy('seq')
          .execute();
        let prev = '0'.repeat(64);
        for (const r of rows) {
          const { prev_hash: _p, hash: _h, ...rest } = r;
          const h = legacyChainHash(prev, rest);
          await sql`update audit_events set prev_hash = ${prev}, hash = ${h} where seq = ${r.seq}`.execute(db);
          prev = h;
        }
        await sql`update audit_events set prev_hash = ${prev} where seq = ${legacyHead.seq + 1}`.execute(db);
        const bad = (await auditor.post('/api/audit/verify')).json();
        expect(bad.ok).toBe(false);
        expect(bad.broken.seq).toBeLessThanOrEqual(legacyHead.seq + 1);
      } finally {
        await app.close();
      }
    } finally {
      await tdb.drop();
      rmSync(keysDir, { recursive: true, force: true });
    }
  });
});
