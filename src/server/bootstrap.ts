/**
 * Opens the database, runs migrations, loads the keyring, seeds the holiday calendar and builds
 * the context. Shared by the server, the CLI and the tests.
 */
import type { Config } from './config.js';
import { createContext, type AppContext } from './context.js';
import { openDatabase, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { seedCalendar } from './platform/calendar.js';
import type { Clock } from './platform/clock.js';
import { loadKeyring, type KeyringFile } from './platform/crypto.js';
import type { Random } from './platform/random.js';

export interface BootstrapResult {
  ctx: AppContext;
  migrated: string[];
  calendarYearsAdded: number[];
  keyFileCreated?: string;
}

export async function bootstrap(
  config: Config,
  opts: { clock?: Clock; random?: Random; keyring?: KeyringFile; handle?: DatabaseHandle } = {},
): Promise<BootstrapResult> {
  const handle = opts.handle ?? openDatabase(config.database);
  const migrated = await migrateToLatest(handle.db);
  const loaded = opts.keyring
    ? { ring: opts.keyring }
    : loadKeyring({ envKey: config.envKey, keyFile: config.keyFile });
  const ctx = createContext({
    handle,
    config,
    keyring: loaded.ring,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.random ? { random: opts.random } : {}),
  });
  const calendarYearsAdded = await seedCalendar(ctx.db, ctx.clock.now().toISOString());
  return {
    ctx,
    migrated,
    calendarYearsAdded,
    ...('createdFile' in loaded && loaded.createdFile ? { keyFileCreated: loaded.createdFile } : {}),
  };
}
