#!/usr/bin/env node
// Development: the API server in watch mode and the Vite dev server (proxying /api to it),
// together. Ctrl-C stops both.
//   BANZI_PORT       API port (default 8080)
//   BANZI_VITE_PORT  UI dev server port (default 5173)
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => resolve(repo, 'node_modules', '.bin', name);
const apiPort = process.env.BANZI_PORT ?? '8080';
const uiPort = process.env.BANZI_VITE_PORT ?? '5173';
const env = { ...process.env, BANZI_PORT: apiPort, BANZI_API_URL: `http://127.0.0.1:${apiPort}` };

const children = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'src/cli/main.ts', 'serve', '--demo'], {
    cwd: repo,
    stdio: 'inherit',
    env,
  }),
  spawn(bin('vite'), ['--config', 'vite.config.ts', '--port', uiPort, '--strictPort'], {
    cwd: repo,
    stdio: 'inherit',
    env,
  }),
];
console.log(`[dev] API http://127.0.0.1:${apiPort}  UI http://127.0.0.1:${uiPort}  (Ctrl-C stops both)`);

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    process.exit(code);
  }, 3000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() =>
    process.exit(code),
  );
}

for (const c of children) c.on('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
