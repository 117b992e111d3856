/**
 * Opens the database, runs migrations, loads the keyring and the audit key, seeds the holiday
 * calendar and builds the context. Then the upkeep that needs the keys (which migrations do not
 * have): the keyed audit chain's anchor, and re-encrypting field values of before issue 8 bound
 * to their rows. Shared by the server, the CLI and the tests.
 */
import type { Config } from './config.js';
import { createContext, type AppContext } from './context.js';
import { openDatabase, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { seedCalendar } from './platform/calendar.js';
import type { Clock } from './platform/clock.js';
import { existsSync } from 'node:fs';
import { loadAuditKey, loadKeyring, newKeyring, type AuditKey, type KeyringFile } from './platform/crypto.js';
import { rebindFieldCiphertexts, type RebindResult } from './platform/field-rebind.js';
import type { Random } from './platform/random.js';

export interface BootstrapResult {
  ctx: AppContext;
  migrated: string[];
  calendarYearsAdded: number[];
  keyFileCreated?: string;
  auditKeyFileCreated?: string;
  /** Field values re-encrypted with their binding on this start (issue 8 §7b) */
  rebound?: RebindResult;
}

export async function bootstrap(
  config: Config,
  opts: {
    clock?: Clock;
    random?: Random;
    keyring?: KeyringFile;
    auditKey?: AuditKey;
    handle?: DatabaseHandle;
    /**
     * false: write nothing beyond schema migrations (no anchor event, no re-encryption, no
     * calendar rows) — for `banzi audit verify`, which must not change what it checks.
     */
    upkeep?: boolean;
  } = {},
): Promise<BootstrapResult> {
  const handle = opts.handle ?? openDatabase(config.database);
  const migrated = await migrateToLatest(handle.db);
  const upkeep = opts.upkeep !== false;
  // Verifying reads no encrypted field: without a field key file it uses a throwaway key rather
  // than writing one; and it never makes an audit key (a new key cannot verify anything).
  const loaded = opts.keyring
    ? { ring: opts.keyring }
    : upkeep || config.envKey || existsSync(config.keyFile)
      ? loadKeyring({ envKey: config.envKey, keyFile: config.keyFile })
      : { ring: newKeyring() };
  const audit = opts.auditKey
    ? { key: opts.auditKey }
    : loadAuditKey({ envKey: config.auditEnvKey, keyFile: config.auditKeyFile, create: upkeep });
  const ctx = createContext({
    handle,
    config,
    keyring: loaded.ring,
    auditKey: audit.key,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.random ? { random: opts.random } : {}),
  });
  const calendarYearsAdded = upkeep ? await seedCalendar(ctx.db, ctx.clock.now().toISOString()) : [];
  let rebound: RebindResult | null = null;
  if (upkeep) {
    await ctx.audit.ensureAnchored(ctx.db);
    rebound = await rebindFieldCiphertexts(ctx.db, ctx.crypto, ctx.audit);
  }
  return {
    ctx,
    migrated,
    calendarYearsAdded,
    ...('createdFile' in loaded && loaded.createdFile ? { keyFileCreated: loaded.createdFile } : {}),
    ...(audit.createdFile ? { auditKeyFileCreated: audit.createdFile } : {}),
    ...(rebound ? { rebound } : {}),
  };
}
