/**
 * What the test run can use on this machine: PostgreSQL (BANZI_TEST_DATABASE_URL, a maintenance
 * connection from which each test file creates and drops its own database) and Chromium
 * (BANZI_CHROMIUM, else `chromium` on PATH).
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const PG_MAINTENANCE_URL = process.env.BANZI_TEST_DATABASE_URL?.trim() || undefined;

export function findChromium(): string | undefined {
  const explicit = process.env.BANZI_CHROMIUM?.trim();
  const candidates = explicit ? [explicit] : (process.env.PATH ?? '').split(delimiter).flatMap((d) => [join(d, 'chromium'), join(d, 'chromium-browser')]);
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // not here
    }
  }
  return undefined;
}

export const CHROMIUM = findChromium();
