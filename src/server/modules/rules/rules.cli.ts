/**
 * `banzi rules override RULE --unit UNIT --set key=value [--set ...] --from YYYY-MM-DD --reason TEXT`:
 * the root unit (which has no unit above) loosening, or setting, its own rule parameters on the
 * server (issue 8 §3). The same governance applies (fixed parameters and limits are refused); the
 * change is written to the audit log as made by the CLI. Other units go through the personnel
 * office above, on the rules page.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../../common/errors.js';
import { bootstrap } from '../../bootstrap.js';
import type { Config } from '../../config.js';
import { createOverrideFromCli, type OverrideInput } from './overrides.service.js';

export const RULES_OVERRIDE_USAGE =
  'rules override RULE_ID --unit UNIT_ID --set key=value [--set key=value ...] --from YYYY-MM-DD --reason TEXT';

/** A value as JSON when it parses (numbers, true/false, lists), else the text itself. */
function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

export function parseOverrideArgs(args: string[]): { ruleId: string; body: OverrideInput } | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        unit: { type: 'string' },
        set: { type: 'string', multiple: true },
        from: { type: 'string' },
        reason: { type: 'string' },
      },
    });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const { values, positionals } = parsed;
  const ruleId = positionals[0];
  if (!ruleId || !values.unit || !values.set?.length || !values.from || !values.reason?.trim()) {
    return { error: `用法 usage: banzi ${RULES_OVERRIDE_USAGE}` };
  }
  const params: Record<string, unknown> = {};
  for (const s of values.set) {
    const eq = s.indexOf('=');
    if (eq <= 0) return { error: `--set 应为 key=value：${s}` };
    params[s.slice(0, eq)] = parseValue(s.slice(eq + 1));
  }
  return { ruleId, body: { unitId: values.unit, params, effectiveFrom: values.from, reason: values.reason.trim() } };
}

export async function rulesOverrideCommand(args: string[], config: Config): Promise<number> {
  const p = parseOverrideArgs(args);
  if ('error' in p) {
    console.error(p.error);
    return 2;
  }
  const { ctx } = await bootstrap(config);
  try {
    const id = await createOverrideFromCli(ctx, p.ruleId, p.body);
    console.log(
      `已设置 ${p.ruleId} 参数调整 ${id}，自 ${p.body.effectiveFrom} 起生效（已记入审计日志）。Override set.`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    console.error(`未设置 refused: ${e.extra.field ? `${e.extra.field}：` : ''}${e.message}`);
    for (const f of e.extra.findings ?? []) {
      console.error(
        `  ${f.ruleId} ${[f.citation.doc, f.citation.version, f.citation.article].filter(Boolean).join(' ')}`,
      );
    }
    return 1;
  } finally {
    await ctx.handle.close();
  }
}
