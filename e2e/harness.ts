/**
 * Browser journeys: a real Banzi (built UI + API, SQLite file in a temp folder, demo data with a
 * known password) listening on a random local port, driven by playwright-core in Debian's
 * Chromium (BANZI_CHROMIUM, else `chromium` on PATH). Without Chromium the suites are skipped.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { CHROMIUM } from '../test/env.js';

export const DEMO_PASSWORD = 'E2e-Demo-Passw0rd';
export const describeBrowser = CHROMIUM ? describe : describe.skip;

const ROOT = resolve(import.meta.dirname, '..');
const CLIENT_DIR = join(ROOT, 'dist/client');

function newest(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const s = statSync(p);
    n = Math.max(n, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return n;
}

/** Build the UI when it is missing or older than its sources (as `npm start` does). */
export function ensureClientBuilt(): void {
  const index = join(CLIENT_DIR, 'index.html');
  const stale =
    !existsSync(index) ||
    [join(ROOT, 'src/client'), join(ROOT, 'src/common')].some((d) => newest(d) > statSync(index).mtimeMs);
  if (!stale) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would build React's development bundles (and weigh them)
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('vite build failed');
}

export interface E2EServer {
  baseUrl: string;
  ctx: AppContext;
  close(): Promise<void>;
}

export async function startServer(): Promise<E2EServer> {
  ensureClientBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'banzi-e2e-'));
  // Serve a copy of the built UI, so a rebuild by another run cannot pull pages from under this one.
  const clientDir = join(dir, 'client');
  cpSync(CLIENT_DIR, clientDir, { recursive: true });
  const config = {
    ...loadConfig({ BANZI_DATA_DIR: dir }, ROOT),
    clientDir,
    isDefaultDatabase: false,
    loginRateLimit: 1000,
  };
  const { ctx } = await bootstrap(config);
  await seedDemo(ctx, { password: DEMO_PASSWORD });
  const app = await buildApp(ctx);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    ctx,
    close: async () => {
      await app.close();
      await ctx.handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('no Chromium');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Log in through the login page. */
export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/用户名/).fill(username);
  await page.getByLabel(/密码/).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Save a screenshot under the temp dir (for looking at pages while developing). */
export async function snap(page: Page, name: string): Promise<string> {
  const file = join(tmpdir(), `banzi-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
