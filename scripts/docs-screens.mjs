#!/usr/bin/env node
/**
 * `npm run docs:screens`: build the UI and take the user guide's screenshots (docs/guide/images/)
 * with the browser tests' harness (e2e/docs-screens.e2e.test.ts). Needs Chromium (BANZI_CHROMIUM).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const step = (args) => {
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BANZI_DOCS_SCREENS: '1' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step([resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error']);
step([resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'e2e', 'e2e/docs-screens.e2e.test.ts']);
