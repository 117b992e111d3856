/**
 * Checkpoint lines outside the database (issue 8 §2): keyed, so a line cannot be forged or
 * altered without the audit key; restores drop the checkpoints of the abandoned history.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointWriter, readCheckpointFile } from './audit-checkpoints.js';
import { FixedClock } from './clock.js';
import { auditKeyFrom } from './crypto.js';

const key = auditKeyFrom(Buffer.alloc(32, 1));
const h = (n: number) => n.toString(16).padStart(64, '0');

describe('audit checkpoints', () => {
  let dir: string;
  let file: string;
  let w: CheckpointWriter;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'banzi-cp-'));
    file = join(dir, 'cp');
    w = new CheckpointWriter({ file, key, clock: new FixedClock('2026-06-08T02:00:00.000Z') });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes keyed lines that read back as the heads to check', () => {
    w.appendCommit({ seq: 1, hash: h(1) });
    w.appendCommit({ seq: 2, hash: h(2) });
    const r = readCheckpointFile(file, key);
    expect(r.problems).toEqual([]);
    expect([...r.effective.entries()]).toEqual([
      [1, { hash: h(1), at: '2026-06-08T02:00:00.000Z' }],
      [2, { hash: h(2), at: '2026-06-08T02:00:00.000Z' }],
    ]);
  });

  it('refuses an altered line, a forged line and a line from another key', () => {
    w.appendCommit({ seq: 1, hash: h(1) });
    const line = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    appendFileSync(file, `${JSON.stringify({ ...line, seq: 9, count: 9 })}\n`);
    appendFileSync(file, `${JSON.stringify({ ...line, hash: h(7) })}\n`);
    const other = new CheckpointWriter({
      file,
      key: auditKeyFrom(Buffer.alloc(32, 2)),
      clock: new FixedClock('2026-06-08T02:00:00.000Z'),
    });
    other.appendCommit({ seq: 3, hash: h(3) });
    const r = readCheckpointFile(file, key);
    expect(r.problems).toHaveLength(3);
    expect(r.problems[0]).toContain('第 2 行校验码不符');
    expect(r.problems[1]).toContain('第 3 行校验码不符');
    expect(r.problems[2]).toContain('另一把审计密钥');
    expect([...r.effective.keys()]).toEqual([1]);
  });

  it('continues on a fresh line after a torn write, and reports the torn line as a warning', () => {
    w.appendCommit({ seq: 1, hash: h(1) });
    appendFileSync(file, '{"v":1,"kind":"comm');
    w.appendCommit({ seq: 2, hash: h(2) });
    const r = readCheckpointFile(file, key);
    expect(r.problems).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect([...r.effective.keys()]).toEqual([1, 2]);
  });

  it('applies a restore: later checkpoints before it belong to the lost history', () => {
    for (const s of [1, 2, 3, 4]) w.appendCommit({ seq: s, hash: h(s) });
    w.appendRestore({ seq: 2, hash: h(2) }, { seq: 4, hash: h(4) }, '恢复备份');
    w.appendCommit({ seq: 3, hash: h(33) });
    const r = readCheckpointFile(file, key);
    expect(r.problems).toEqual([]);
    expect(r.gaps).toEqual([
      { restoredHeadSeq: 2, lostThroughSeq: 4, declaredAt: '2026-06-08T02:00:00.000Z', note: '恢复备份' },
    ]);
    expect(r.effective.get(3)?.hash).toBe(h(33));
    expect(r.effective.has(4)).toBe(false);
  });

  it('never throws after a commit when the file cannot be written, and remembers why', () => {
    writeFileSync(join(dir, 'blocker'), 'x');
    const bad = new CheckpointWriter({
      file: join(dir, 'blocker', 'cp'),
      key,
      clock: new FixedClock('2026-06-08T02:00:00.000Z'),
    });
    const quiet = console.error;
    console.error = () => undefined;
    try {
      expect(() => bad.appendCommit({ seq: 1, hash: h(1) })).not.toThrow();
    } finally {
      console.error = quiet;
    }
    expect(bad.lastError).toBeTruthy();
  });
});
