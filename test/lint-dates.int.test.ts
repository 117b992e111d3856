/**
 * The lint rule of issue 16 §2: cutting an ISO instant to its first ten characters gives the UTC
 * date, a day early before 08:00 Beijing time; lint refuses it everywhere except common/dates.ts.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(code: string, filePath: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('lint: no .slice(0, 10) of an instant outside common/dates.ts (issue 16 §2)', () => {
  it('refuses slice, substring and substr (0, 10) in server, client and test code', async () => {
    const code = [
      'export const a = new Date().toISOString().slice(0, 10);',
      "export const b = '2026-12-07T16:30:00.000Z'.substring(0, 10);",
      "export const c = '2026-12-07T16:30:00.000Z'.substr(0, 10);",
      '',
    ].join('\n');
    for (const file of ['src/server/platform/clock.ts', 'src/client/lib/format.ts', 'test/app.ts']) {
      const found = await restricted(code, file);
      expect(found, file).toHaveLength(3);
      expect(found[0]).toContain('dateIn');
    }
  }, 60_000);

  it('allows it in common/dates.ts, and leaves other slices alone', async () => {
    expect(
      await restricted('export const a = new Date(0).toISOString().slice(0, 10);\n', 'src/common/dates.ts'),
    ).toEqual([]);
    expect(await restricted("export const m = '2026-12-08'.slice(0, 7);\n", 'src/common/time.ts')).toEqual([]);
  }, 60_000);
});
