/**
 * Configuration from the environment, with defaults that run on a laptop: an embedded SQLite
 * file under ./data, the API and UI on 127.0.0.1:8080.
 */
import { resolve } from 'node:path';

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
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Directory of the built UI */
  clientDir: string;
  logLevel: string;
  /** Login attempts per address per minute */
  loginRateLimit: number;
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
  return {
    database: url ? url : resolve(dataDir, env.BANZI_DB_FILE ?? 'banzi.db'),
    isDefaultDatabase: !url && !env.BANZI_DB_FILE,
    demo: env.BANZI_DEMO === undefined || env.BANZI_DEMO === '' ? null : ['1', 'true', 'yes'].includes(env.BANZI_DEMO),
    dataDir,
    host,
    port,
    publicUrl,
    publicUrlSet: Boolean(env.BANZI_PUBLIC_URL?.trim()),
    keyFile: resolve(cwd, env.BANZI_KEY_FILE ?? resolve(dataDir, 'banzi.key')),
    envKey: env.BANZI_KEY,
    secureCookies: env.BANZI_SECURE_COOKIES ? env.BANZI_SECURE_COOKIES === '1' : publicUrl.startsWith('https://'),
    sessionIdleMinutes: Number(env.BANZI_SESSION_IDLE_MINUTES ?? 30),
    sessionMaxHours: Number(env.BANZI_SESSION_MAX_HOURS ?? 12),
    clientDir: resolve(cwd, env.BANZI_CLIENT_DIR ?? 'dist/client'),
    // warn by default: no per-request access lines (the ballot route must not log who or what).
    logLevel: env.BANZI_LOG_LEVEL ?? 'warn',
    loginRateLimit: Number(env.BANZI_LOGIN_RATE_LIMIT ?? 20),
  };
}
