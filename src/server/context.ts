/**
 * The application context: the database and the platform ports, built once and passed to every
 * service. Tests build it with a fixed clock and an in-memory or throwaway database.
 */
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { DatabaseHandle, Dialect } from './db/connect.js';
import { AuditLog } from './platform/audit.js';
import { CalendarService } from './platform/calendar.js';
import { systemClock, type Clock } from './platform/clock.js';
import { FieldCrypto, type KeyringFile } from './platform/crypto.js';
import { cryptoRandom, type Random } from './platform/random.js';

export interface AppContext {
  db: Kysely<Database>;
  dialect: Dialect;
  handle: DatabaseHandle;
  clock: Clock;
  random: Random;
  crypto: FieldCrypto;
  audit: AuditLog;
  calendar: CalendarService;
  config: Config;
}

export function createContext(opts: {
  handle: DatabaseHandle;
  config: Config;
  keyring: KeyringFile;
  clock?: Clock;
  random?: Random;
}): AppContext {
  const clock = opts.clock ?? systemClock;
  const random = opts.random ?? cryptoRandom;
  const crypto = new FieldCrypto(opts.keyring);
  return {
    db: opts.handle.db,
    dialect: opts.handle.dialect,
    handle: opts.handle,
    clock,
    random,
    crypto,
    audit: new AuditLog({ crypto, clock, random, dialect: opts.handle.dialect }),
    calendar: new CalendarService(opts.handle.db, clock),
    config: opts.config,
  };
}
