/**
 * Configuration from the environment, with defaults that run on a laptop: an embedded SQLite
 * file under ./data, the API and UI on 127.0.0.1:8080.
 */
import { dirname, resolve } from 'node:path';

export interface Config {
  /** A postgres:// URL, or the SQLite file path */
  database: string;
  /** True when the default embedded database is used (`npm start` loads the demo only then) */
  isDefaultDatabase: boolean;
  /** BANZI_DEMO: 1 loads the demo into an empty database, 0 never; unset: only `--demo` (npm start) on the default one */
  demo: boolean | null;
  dataDir: string;
  host: string;
  port: number;
  publicUrl: string;
  /** BANZI_PUBLIC_URL was set (the first-run checklist asks for it) */
  publicUrlSet: boolean;
  keyFile: string;
  envKey: string | undefined;
  /** The audit key (HMAC-SM3 chain and checkpoints): a file beside the field key, or BANZI_AUDIT_KEY */
  auditKeyFile: string;
  auditEnvKey: string | undefined;
  /** Keyed audit checkpoints appended after every commit, outside the database (default beside the audit key) */
  auditCheckpointFile: string;
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Directory of the built UI */
  clientDir: string;
  logLevel: string;
  /** Failed login (and activation) attempts per client address per minute; successes are not counted (AC-03) */
  loginRateLimit: number;
  /** Hours an activation code stays valid (AC-02) */
  activationHours: number;
  /**
   * Fastify's trustProxy, from BANZI_TRUST_PROXY: false (default: the socket address is the
   * client), or the addresses/CIDRs of the reverse proxies whose X-Forwarded-For is believed.
   */
  trustProxy: boolean | string[];
}

/**
 * BANZI_TRUST_PROXY: unset/'0'/'false' -> false; a comma-separated list of the proxies' addresses
 * or CIDRs (or proxy-addr's names loopback, linklocal, uniquelocal) -> the client is the first
 * address in X-Forwarded-For, from the right, that is not a trusted proxy; 'true' -> trust every
 * hop (the left-most X-Forwarded-For, which a client can write: only behind a proxy that
 * overwrites the header). Hop counts are refused: Fastify 5 ignores them (fails closed).
 */
export function parseTrustProxy(value: string | undefined): boolean | string[] {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0' || v === 'false') return false;
  if (v === 'true') return true;
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const address = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]*[.:][0-9a-fA-F:.]*(\/\d{1,3})?)$/;
  if (list.every((x) => address.test(x))) return list;
  throw new Error(
    `BANZI_TRUST_PROXY: expected the reverse proxies' addresses or CIDRs separated by commas (e.g. 127.0.0.1 for nginx on this host), or true; got "${v}"`,
  );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const dataDir = resolve(cwd, env.BANZI_DATA_DIR ?? 'data');
  const url = env.BANZI_DATABASE_URL?.trim();
  const port = Number(env.BANZI_PORT ?? env.PORT ?? 8080);
  const host = env.BANZI_HOST ?? '127.0.0.1';
  const publicUrl = (env.BANZI_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(
    /\/$/,
    '',
  );
  const keyFile = resolve(cwd, env.BANZI_KEY_FILE ?? resolve(dataDir, 'banzi.key'));
  const auditKeyFile = resolve(cwd, env.BANZI_AUDIT_KEY_FILE ?? resolve(dirname(keyFile), 'banzi-audit.key'));
  return {
    database: url ? url : resolve(dataDir, env.BANZI_DB_FILE ?? 'banzi.db'),
    isDefaultDatabase: !url && !env.BANZI_DB_FILE,
    demo: env.BANZI_DEMO === undefined || env.BANZI_DEMO === '' ? null : ['1', 'true', 'yes'].includes(env.BANZI_DEMO),
    dataDir,
    host,
    port,
    publicUrl,
    publicUrlSet: Boolean(env.BANZI_PUBLIC_URL?.trim()),
    keyFile,
    envKey: env.BANZI_KEY,
    auditKeyFile,
    auditEnvKey: env.BANZI_AUDIT_KEY,
    auditCheckpointFile: resolve(
      cwd,
      env.BANZI_AUDIT_CHECKPOINT_FILE ?? resolve(dirname(auditKeyFile), 'banzi-audit.checkpoints'),
    ),
    secureCookies: env.BANZI_SECURE_COOKIES ? env.BANZI_SECURE_COOKIES === '1' : publicUrl.startsWith('https://'),
    sessionIdleMinutes: Number(env.BANZI_SESSION_IDLE_MINUTES ?? 30),
    sessionMaxHours: Number(env.BANZI_SESSION_MAX_HOURS ?? 12),
    clientDir: resolve(cwd, env.BANZI_CLIENT_DIR ?? 'dist/client'),
    // warn by default: no per-request access lines (the ballot route must not log who or what).
    logLevel: env.BANZI_LOG_LEVEL ?? 'warn',
    loginRateLimit: Number(env.BANZI_LOGIN_RATE_LIMIT ?? 30),
    activationHours: Number(env.BANZI_ACTIVATION_HOURS ?? 72),
    trustProxy: parseTrustProxy(env.BANZI_TRUST_PROXY),
  };
}
