/**
 * Verifies the audit log (issue 8 §2), for `banzi audit verify` and the auditor's page:
 * - the chain: every seq follows the previous one, every prev_hash is the previous hash, every
 *   hash recomputes (unkeyed SM3 before the anchor event, HMAC-SM3 with the audit key from it on),
 *   the anchor names the legacy head it follows, and audit_head is the last row;
 * - the checkpoints outside the database (MAC-checked lines): a checkpoint ahead of the database
 *   is truncation, one whose hash differs from the row at its seq is a rewrite, a forged line is
 *   tampering; events after the last checkpoint are "not yet anchored" (a warning: a crash
 *   between commit and checkpoint); declared restores are reported as declared gaps.
 * Whoever can write the database cannot pass it without the audit key.
 */
import type { Executor } from '../db/helpers.js';
import { ANCHOR_ACTION, GENESIS_HASH, keyedChainHash, legacyChainHash } from './audit.js';
import { readCheckpointFile, type DeclaredGap } from './audit-checkpoints.js';
import type { AuditKey } from './crypto.js';

export const RESTORE_ACTION = 'audit.restored';

export type BrokenKind = 'missing' | 'prev_hash' | 'edited' | 'legacy_rewritten' | 'head' | 'truncated' | 'rewritten';
export type CheckpointStatus = 'ok' | 'unanchored' | 'missing' | 'failed' | 'not_keyed';

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  /** The first broken link, if any */
  broken?: { seq: number; reason: string; kind: BrokenKind };
  /** Events before the anchor, checked with the unkeyed SM3 of before issue 8 (0 when none) */
  legacyThroughSeq: number;
  /** The anchor event's seq: from it on the chain is keyed */
  keyedFromSeq: number | null;
  checkpoint: {
    status: CheckpointStatus;
    files: string[];
    lines: number;
    lastSeq: number | null;
    lastAt: string | null;
    unanchored: { fromSeq: number; toSeq: number } | null;
    problems: string[];
  };
  declaredGaps: (DeclaredGap & { eventSeq: number | null })[];
  warnings: string[];
}

interface Expect {
  hash: string;
  at: string;
  file: string;
}

export async function verifyAuditLog(
  db: Executor,
  opts: { key: AuditKey; checkpointFiles: readonly string[]; pageSize?: number },
): Promise<AuditVerifyResult> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const files = opts.checkpointFiles.map((f) => readCheckpointFile(f, opts.key));
  const expects = new Map<number, Expect[]>();
  for (const f of files) {
    for (const [seq, e] of f.effective) expects.set(seq, [...(expects.get(seq) ?? []), { ...e, file: f.file }]);
  }
  const problems = files.flatMap((f) => f.problems);
  const warnings = files.flatMap((f) => f.warnings);
  const missingFiles = files.filter((f) => !f.exists).map((f) => f.file);
  for (const m of missingFiles) problems.push(`未找到检查点文件 ${m}：无法排除日志被截断`);

  let broken: AuditVerifyResult['broken'];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let anchorSeq: number | null = null;
  const restores: { seq: number; details: Record<string, unknown> }[] = [];
  walk: for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(opts.pageSize ?? 2000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== expectedSeq) {
        broken = { seq: expectedSeq, kind: 'missing', reason: `第 ${expectedSeq} 条记录缺失（删除或重排）` };
        break walk;
      }
      if (r.prev_hash !== prevHash) {
        broken = { seq: r.seq, kind: 'prev_hash', reason: `第 ${r.seq} 条记录的前序哈希与上一条不符` };
        break walk;
      }
      const { prev_hash: _p, hash, ...rest } = r;
      if (anchorSeq === null && r.action === ANCHOR_ACTION) {
        anchorSeq = r.seq;
        const d = JSON.parse(r.details) as { legacyHeadSeq?: unknown; legacyHeadHash?: unknown };
        if (d.legacyHeadSeq !== r.seq - 1 || d.legacyHeadHash !== prevHash) {
          broken = {
            seq: r.seq - 1,
            kind: 'legacy_rewritten',
            reason: `启用审计密钥前的第 1–${r.seq - 1} 条被改写：与锚定事件（第 ${r.seq} 条）记录的旧链头不符`,
          };
          break walk;
        }
      }
      const expected = anchorSeq === null ? legacyChainHash(prevHash, rest) : keyedChainHash(opts.key, prevHash, rest);
      if (expected !== hash) {
        const keyId = anchorSeq === r.seq ? (JSON.parse(r.details) as { keyId?: unknown }).keyId : undefined;
        const reason =
          keyId !== undefined && keyId !== opts.key.id
            ? `第 ${r.seq} 条（启用密钥链的锚定事件）校验不符：所用审计密钥（${opts.key.id}）不是写日志的密钥（${JSON.stringify(keyId)}）。请使用本系统的审计密钥；若密钥无误，则该事件被修改`
            : `第 ${r.seq} 条记录内容被修改（哈希不符）`;
        broken = { seq: r.seq, kind: 'edited', reason };
        break walk;
      }
      const cp = (expects.get(r.seq) ?? []).find((e) => e.hash !== hash);
      if (cp) {
        broken = {
          seq: r.seq,
          kind: 'rewritten',
          reason: `第 ${r.seq} 条与检查点（${cp.at}，${cp.file}）记录的哈希不符：日志被改写`,
        };
        break walk;
      }
      if (r.action === RESTORE_ACTION) restores.push({ seq: r.seq, details: JSON.parse(r.details) });
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  const headSeq = head?.seq ?? 0;
  if (!broken && (!head || head.seq !== checked || head.hash !== prevHash)) {
    broken = {
      seq: head && head.seq > checked ? checked + 1 : (head?.seq ?? checked + 1),
      kind: 'head',
      reason: `链尾与链头记录不符（链头为第 ${headSeq} 条，实际校验到第 ${checked} 条）`,
    };
  }
  let last: { seq: number; at: string } | null = null;
  for (const [seq, list] of expects) if (!last || seq > last.seq) last = { seq, at: list[0]?.at ?? '' };
  if (!broken && last && last.seq > checked) {
    broken = {
      seq: checked + 1,
      kind: 'truncated',
      reason: `检查点记录到第 ${last.seq} 条（${last.at}），数据库只到第 ${checked} 条：日志被截断`,
    };
  }

  const gaps = new Map<string, AuditVerifyResult['declaredGaps'][number]>();
  for (const g of files.flatMap((f) => f.gaps)) {
    const ev = restores.find(
      (r) => r.details.restoredHeadSeq === g.restoredHeadSeq && r.details.lostThroughSeq === g.lostThroughSeq,
    );
    if (!ev) warnings.push(`恢复声明（第 ${g.restoredHeadSeq} 条之后）在审计日志中没有对应的恢复事件`);
    gaps.set(`${g.restoredHeadSeq}:${g.lostThroughSeq}`, { ...g, eventSeq: ev?.seq ?? null });
  }

  let status: CheckpointStatus = 'ok';
  let unanchored: AuditVerifyResult['checkpoint']['unanchored'] = null;
  if (anchorSeq === null) {
    status = 'not_keyed';
    problems.push('哈希链尚未启用审计密钥（没有锚定事件）：请先启动一次服务或执行 banzi migrate');
  } else if (missingFiles.length === files.length) status = 'missing';
  else if (problems.length || broken?.kind === 'truncated' || broken?.kind === 'rewritten') status = 'failed';
  else if (!broken && (last?.seq ?? 0) < headSeq) {
    status = 'unanchored';
    unanchored = { fromSeq: (last?.seq ?? 0) + 1, toSeq: headSeq };
    warnings.push(
      `第 ${unanchored.fromSeq}–${unanchored.toSeq} 条在最后一个检查点之后，尚未锚定（提交后、写检查点前进程中断所致；若反复出现，请检查检查点文件能否写入）`,
    );
  }
  return {
    ok: !broken && !problems.length && status !== 'missing',
    checked,
    headSeq,
    ...(broken ? { broken } : {}),
    legacyThroughSeq: anchorSeq === null ? checked : anchorSeq - 1,
    keyedFromSeq: anchorSeq,
    checkpoint: {
      status,
      files: files.map((f) => f.file),
      lines: files.reduce((n, f) => n + f.lines, 0),
      lastSeq: last?.seq ?? null,
      lastAt: last?.at ?? null,
      unanchored,
      problems,
    },
    declaredGaps: [...gaps.values()],
    warnings,
  };
}
