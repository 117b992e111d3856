/**
 * The application context: the database and the platform ports, built once and passed to every
 * service. Tests build it with a fixed clock and an in-memory or throwaway database.
 */
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { DatabaseHandle, Dialect } from './db/connect.js';
import { AuditLog } from './platform/audit.js';
import { CheckpointWriter } from './platform/audit-checkpoints.js';
import { CalendarService } from './platform/calendar.js';
import { systemClock, type Clock } from './platform/clock.js';
import { FieldCrypto, type AuditKey, type KeyringFile } from './platform/crypto.js';
import { cryptoRandom, type Random } from './platform/random.js';

export interface AppContext {
  db: Kysely<Database>;
  dialect: Dialect;
  handle: DatabaseHandle;
  clock: Clock;
  random: Random;
  crypto: FieldCrypto;
  audit: AuditLog;
  /** The audit key (not in the database): verifies the keyed chain and the checkpoints */
  auditKey: AuditKey;
  /** Appends a keyed checkpoint outside the database after each commit of audit events */
  checkpoints: CheckpointWriter;
  calendar: CalendarService;
  config: Config;
}

export function createContext(opts: {
  handle: DatabaseHandle;
  config: Config;
  keyring: KeyringFile;
  auditKey: AuditKey;
  clock?: Clock;
  random?: Random;
}): AppContext {
  const clock = opts.clock ?? systemClock;
  const random = opts.random ?? cryptoRandom;
  const crypto = new FieldCrypto(opts.keyring);
  const checkpoints = new CheckpointWriter({ file: opts.config.auditCheckpointFile, key: opts.auditKey, clock });
  opts.handle.auditCommits.listen((head) => checkpoints.appendCommit(head));
  return {
    db: opts.handle.db,
    dialect: opts.handle.dialect,
    handle: opts.handle,
    clock,
    random,
    crypto,
    audit: new AuditLog({ crypto, clock, random, dialect: opts.handle.dialect, key: opts.auditKey }),
    auditKey: opts.auditKey,
    checkpoints,
    calendar: new CalendarService(opts.handle.db, clock),
    config: opts.config,
  };
}
