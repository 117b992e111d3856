/**
 * Says which suites this run skips and why, once at the start of `npm test`; and checks at the
 * end that the rules catalogue tells the truth (rule-drift.ts), when the whole integration
 * project ran.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, PG_MAINTENANCE_URL } from './env.js';
import { documentChecksSkipped } from './pdf-text.js';
import { checkDrift, TRACE_ENV } from './rule-drift.js';
import { SOFFICE } from './soffice.js';

/** True when every file of the integration project ran, without a test-name filter. */
async function wholeIntegrationRan(project: TestProject): Promise<boolean> {
  const integration = project.vitest.projects.find((p) => p.name === 'integration');
  if (!integration || project.vitest.config.testNamePattern) return false;
  const all = (await integration.globTestFiles()).testFiles;
  const ran = new Set(
    project.vitest.state
      .getFiles()
      .filter((f) => f.projectName === 'integration')
      .map((f) => f.filepath),
  );
  return all.length > 0 && all.every((f) => ran.has(f));
}

async function ruleDriftTeardown(project: TestProject, dir: string): Promise<void> {
  try {
    if (!(await wholeIntegrationRan(project))) {
      console.log('[banzi tests] Rule drift check SKIPPED: it runs only when the whole integration project runs.');
      return;
    }
    const problems = checkDrift(dir);
    if (!problems.length) {
      console.log('[banzi tests] Rule drift check: every encoded rule was emitted and every parameter read.');
      return;
    }
    console.error(`\n[banzi tests] RULE DRIFT (issue 8 §4):\n  ${problems.join('\n  ')}\n`);
    process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default function setup(project: TestProject): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'banzi-rule-trace-'));
  process.env[TRACE_ENV] = dir;
  const lines: string[] = [];
  if (!PG_MAINTENANCE_URL) {
    lines.push(
      'PostgreSQL suites SKIPPED: BANZI_TEST_DATABASE_URL is not set (every SQL test runs on SQLite only). CI sets it to postgres://postgres@127.0.0.1:5432/postgres.',
    );
  } else {
    lines.push(`PostgreSQL suites: on (${PG_MAINTENANCE_URL.replace(/\/\/[^@]*@/, '//***@')}).`);
  }
  if (!CHROMIUM) {
    lines.push(
      `Browser suites SKIPPED: no Chromium at ${process.env.BANZI_CHROMIUM ? `BANZI_CHROMIUM=${process.env.BANZI_CHROMIUM}` : 'BANZI_CHROMIUM (unset) or as `chromium` on PATH'} (Debian: apt-get install chromium fonts-wqy-microhei).`,
    );
  } else {
    lines.push(`Browser suites: on (${CHROMIUM}).`);
  }
  const skipped = documentChecksSkipped();
  lines.push(
    skipped
      ? `Document conversion checks SKIPPED: ${skipped}.`
      : `Document conversion checks: on (${SOFFICE}, pdftotext).`,
  );
  console.log(`\n[banzi tests] ${lines.join('\n[banzi tests] ')}\n`);
  return () => ruleDriftTeardown(project, dir);
}
