/**
 * `banzi audit verify [--checkpoint FILE]...` and `banzi audit declare-restore --note TEXT`.
 * Verify changes nothing (no migrations' upkeep, no event): it checks the keyed chain against the
 * server's checkpoint file, or against the files given (the copy the auditor keeps).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrap } from '../server/bootstrap.js';
import type { Config } from '../server/config.js';
import { declareRestore, verifyLog } from '../server/modules/audit/index.js';
import type { AuditVerifyResult } from '../server/platform/audit-verify.js';

export const AUDIT_USAGE = `用法 usage:
  banzi audit verify [--checkpoint FILE]...    校验审计日志（默认读取服务器的检查点文件；可指定审计员保存的副本）
  banzi audit declare-restore --note TEXT      恢复备份后声明：数据库回到了备份时的链头`;

function print(r: AuditVerifyResult): void {
  const out = r.ok ? console.log : console.error;
  if (r.ok) {
    out(`审计日志完整：已校验 ${r.checked} 条，哈希链未断。Audit log intact: ${r.checked} events checked.`);
  } else if (r.broken) {
    out(`审计日志被篡改！第一处断点：第 ${r.broken.seq} 条 — ${r.broken.reason}`);
    out(`Audit log broken at event #${r.broken.seq} (${r.broken.kind}).`);
  } else {
    out('审计日志未通过校验。Audit log NOT verified.');
  }
  if (r.legacyThroughSeq > 0 && r.keyedFromSeq !== null) {
    out(`  第 1–${r.legacyThroughSeq} 条为启用审计密钥前的 SM3 链，第 ${r.keyedFromSeq} 条起为 HMAC-SM3 密钥链。`);
  }
  const cp = r.checkpoint;
  out(
    `  检查点 checkpoints: ${cp.status}，${cp.lines} 行，最新第 ${cp.lastSeq ?? '—'} 条（${cp.lastAt ?? '—'}）；文件 ${cp.files.join(', ')}`,
  );
  for (const g of r.declaredGaps) {
    out(
      `  已声明的恢复 declared restore：回到第 ${g.restoredHeadSeq} 条，原第 ${g.restoredHeadSeq + 1}–${g.lostThroughSeq} 条随之丢失（${g.declaredAt}，${g.note}）`,
    );
  }
  for (const p of cp.problems) out(`  问题 problem: ${p}`);
  for (const w of r.warnings) out(`  提示 warning: ${w}`);
}

export async function auditCommand(sub: string | undefined, args: string[], config: Config): Promise<number> {
  if (sub === 'verify') {
    const { values } = parseArgs({ args, options: { checkpoint: { type: 'string', multiple: true } } });
    const files = (values.checkpoint ?? []).map((f) => resolve(f));
    const { ctx } = await bootstrap(config, { upkeep: false });
    try {
      const r = await verifyLog(ctx, files);
      print(r);
      return r.ok ? 0 : 1;
    } finally {
      await ctx.handle.close();
    }
  }
  if (sub === 'declare-restore') {
    const { values } = parseArgs({ args, options: { note: { type: 'string' } } });
    if (!values.note?.trim()) {
      console.error(`需要 --note 说明恢复的原因和所用备份。\n${AUDIT_USAGE}`);
      return 2;
    }
    const { ctx } = await bootstrap(config);
    try {
      const { restored, lost } = await declareRestore(ctx, values.note);
      console.log(
        `已声明恢复：数据库回到第 ${restored.seq} 条；原第 ${restored.seq + 1}–${lost.seq} 条随备份恢复而丢失，校验时报告为已声明的缺口。`,
      );
      console.log(`Restore declared: head #${restored.seq}; events #${restored.seq + 1}-#${lost.seq} were lost.`);
      return 0;
    } catch (e) {
      console.error(`失败 failed: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    } finally {
      await ctx.handle.close();
    }
  }
  console.error(AUDIT_USAGE);
  return 2;
}
