/**
 * Audit checkpoints outside the database (issue 8 §2): after every commit that moved the audit
 * head, one line `{ kind: 'commit', seq, count, hash, at, key, writer, mac }` is appended to a file
 * (default beside the audit key), the MAC being HMAC-SM3 with the audit key over the rest, so a
 * line cannot be forged without the key. A declared restore appends `{ kind: 'restore', seq,
 * hash, lostThroughSeq, lostThroughHash, note }`: the checkpoints after the restored head that
 * came before it belong to the abandoned history and are reported as a declared gap.
 *
 * Lines are appended with O_APPEND right after the commit, in the committing process (a few
 * microseconds; no fsync of their own, so a busy hall of voters is not slowed by a second disk
 * flush per batch): the database commit is durable first, and a power cut that loses the last
 * lines leaves events "not yet anchored" (a warning), never a checkpoint ahead of the database.
 * Several processes may share one local file (each line is one write, far below PIPE_BUF) or keep
 * one file each (`BANZI_AUDIT_CHECKPOINT_FILE`).
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { AuditHead } from './audit-commit.js';
import { nowIso, type Clock } from './clock.js';
import { canonicalJson, hmacSm3, type AuditKey } from './crypto.js';

interface LineBase {
  v: 1;
  seq: number;
  hash: string;
  at: string;
  /** The audit key's fingerprint */
  key: string;
  /** host#pid of the process that wrote the line */
  writer: string;
}
export interface CommitLine extends LineBase {
  kind: 'commit';
  /** Events in the chain at this head (= seq) */
  count: number;
}
export interface RestoreLine extends LineBase {
  kind: 'restore';
  lostThroughSeq: number;
  lostThroughHash: string;
  note: string;
}
export type CheckpointLine = (CommitLine | RestoreLine) & { mac: string };

function macOf(key: AuditKey, line: Omit<CommitLine, 'mac'> | Omit<RestoreLine, 'mac'>): string {
  return hmacSm3(key.checkpoint, canonicalJson(line)).toString('hex');
}

export class CheckpointWriter {
  /** The last failure to write a checkpoint (the database change itself stood) */
  lastError: string | null = null;

  constructor(private readonly deps: { file: string; key: AuditKey; clock: Clock }) {}

  get file(): string {
    return this.deps.file;
  }

  private base(head: AuditHead): LineBase {
    return {
      v: 1,
      seq: head.seq,
      hash: head.hash,
      at: nowIso(this.deps.clock),
      key: this.deps.key.id,
      writer: `${hostname()}#${process.pid}`,
    };
  }

  /**
   * After a commit: never throws (the change is already committed). A failure is logged and
   * remembered; verify then reports the events after the last checkpoint as not anchored.
   */
  appendCommit(head: AuditHead): void {
    try {
      const line: Omit<CommitLine, 'mac'> = { ...this.base(head), kind: 'commit', count: head.seq };
      this.write({ ...line, mac: macOf(this.deps.key, line) });
      this.lastError = null;
    } catch (e) {
      this.lastError = e instanceof Error ? e.message : String(e);
      console.error(`[banzi] 审计检查点写入失败 audit checkpoint not written (${this.deps.file}): ${this.lastError}`);
    }
  }

  /** A declared restore (an operator's action: errors are thrown to them). */
  appendRestore(restored: AuditHead, lost: AuditHead, note: string): void {
    const line: Omit<RestoreLine, 'mac'> = {
      ...this.base(restored),
      kind: 'restore',
      lostThroughSeq: lost.seq,
      lostThroughHash: lost.hash,
      note,
    };
    this.write({ ...line, mac: macOf(this.deps.key, line) });
  }

  private write(line: CheckpointLine): void {
    mkdirSync(dirname(this.deps.file), { recursive: true });
    const fd = openSync(this.deps.file, 'a+', 0o600);
    try {
      // After a write cut short by a crash, start on a fresh line so the next line stays readable.
      const size = fstatSync(fd).size;
      const last = Buffer.alloc(1);
      const torn = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
      writeSync(fd, `${torn ? '\n' : ''}${JSON.stringify(line)}\n`);
    } finally {
      closeSync(fd);
    }
  }
}

export interface DeclaredGap {
  restoredHeadSeq: number;
  lostThroughSeq: number;
  declaredAt: string;
  note: string;
}

export interface CheckpointFile {
  file: string;
  exists: boolean;
  /** Lines read (valid or not) */
  lines: number;
  /** seq -> hash the row at seq must have (after restores are applied) */
  effective: Map<number, { hash: string; at: string }>;
  gaps: DeclaredGap[];
  /** Forged, altered or unreadable lines: tampering */
  problems: string[];
  /** Unreadable lines (a write cut short by a crash) */
  warnings: string[];
}

const HEX64 = /^[0-9a-f]{64}$/;

function shapeOk(o: Record<string, unknown>): boolean {
  const int = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  const common =
    o.v === 1 &&
    int(o.seq) &&
    typeof o.hash === 'string' &&
    HEX64.test(o.hash) &&
    typeof o.at === 'string' &&
    typeof o.key === 'string' &&
    typeof o.writer === 'string' &&
    typeof o.mac === 'string' &&
    HEX64.test(o.mac);
  if (!common) return false;
  if (o.kind === 'commit') return o.count === o.seq;
  if (o.kind === 'restore') {
    return int(o.lostThroughSeq) && typeof o.lostThroughHash === 'string' && typeof o.note === 'string';
  }
  return false;
}

/** Read and check one checkpoint file: every line's MAC, then the restores in file order. */
export function readCheckpointFile(file: string, key: AuditKey): CheckpointFile {
  const out: CheckpointFile = {
    file,
    exists: existsSync(file),
    lines: 0,
    effective: new Map(),
    gaps: [],
    problems: [],
    warnings: [],
  };
  if (!out.exists) return out;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    out.problems.push(`无法读取检查点文件 ${file}：${e instanceof Error ? e.message : String(e)}`);
    return out;
  }
  const raw = text.split('\n');
  raw.forEach((l, i) => {
    if (!l.trim()) return;
    out.lines += 1;
    const where = `检查点文件 ${file} 第 ${i + 1} 行`;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(l) as Record<string, unknown>;
    } catch {
      // A write cut short by a crash. (Removing or garbling lines needs no key and cannot be
      // told from the file itself: the auditor's own copy is what catches it.)
      out.warnings.push(`${where}不完整或无法解析（写入时中断？），已忽略`);
      return;
    }
    if (!shapeOk(o)) {
      out.problems.push(`${where}格式不符（被改动）`);
      return;
    }
    const line = o as unknown as CheckpointLine;
    if (line.key !== key.id) {
      out.problems.push(`${where}由另一把审计密钥（${line.key}）写入，无法核验`);
      return;
    }
    const { mac, ...rest } = line;
    if (macOf(key, rest) !== mac) {
      out.problems.push(`${where}校验码不符（被伪造或改动）`);
      return;
    }
    if (line.kind === 'restore') {
      for (const s of [...out.effective.keys()]) if (s > line.seq) out.effective.delete(s);
      out.gaps.push({
        restoredHeadSeq: line.seq,
        lostThroughSeq: line.lostThroughSeq,
        declaredAt: line.at,
        note: line.note,
      });
    }
    const seen = out.effective.get(line.seq);
    if (seen && seen.hash !== line.hash) {
      out.problems.push(`${where}与前面的检查点矛盾（第 ${line.seq} 条的哈希不同）`);
      return;
    }
    out.effective.set(line.seq, { hash: line.hash, at: line.at });
  });
  return out;
}
