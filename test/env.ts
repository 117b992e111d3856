/**
 * What the test run can use on this machine: PostgreSQL (BANZI_TEST_DATABASE_URL, a maintenance
 * connection from which each test file creates and drops its own database) and Chromium
 * (BANZI_CHROMIUM, else `chromium` on PATH).
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const PG_MAINTENANCE_URL = process.env.BANZI_TEST_DATABASE_URL?.trim() || undefined;

/** The first executable found: the explicit path if given, else each name on PATH. */
export function findExecutable(explicit: string | undefined, names: string[]): string | undefined {
  const given = explicit?.trim();
  const candidates = given
    ? [given]
    : (process.env.PATH ?? '').split(delimiter).flatMap((d) => names.map((n) => join(d, n)));
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

export function findChromium(): string | undefined {
  return findExecutable(process.env.BANZI_CHROMIUM, ['chromium', 'chromium-browser']);
}

export const CHROMIUM = findChromium();
