/**
 * `banzi disclosures verify-draw FILE`: recompute a spot-check draw from its JSON file alone (no
 * database, no key) and say whether it matches. Exit code 0 when it does, 1 when it does not.
 */
import { readFileSync } from 'node:fs';
import { verifyDrawFile } from './disclosures.draw.js';

export async function verifyDrawCommand(args: string[], out: (line: string) => void = console.log): Promise<number> {
  const file = args[0];
  if (!file) {
    out('用法 usage: banzi disclosures verify-draw FILE');
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    out(`无法读取文件 cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const r = verifyDrawFile(json);
  const f = (json ?? {}) as {
    unitName?: string;
    year?: number;
    eligible?: unknown[];
    selectCount?: number;
    commitment?: string;
  };
  out(
    `抽查 draw: ${f.unitName ?? '?'} ${f.year ?? '?'} 年度，名单 ${Array.isArray(f.eligible) ? f.eligible.length : '?'} 人，抽取 ${f.selectCount ?? '?'} 人`,
  );
  out(`承诺值 commitment: ${f.commitment ?? '?'}`);
  if (r.ok) {
    out(`一致 MATCH：按公开算法复算，抽取结果与文件记载完全一致（${r.selected.length} 人）。`);
    return 0;
  }
  out('不一致 MISMATCH：');
  for (const p of r.problems) out(`  - ${p}`);
  if (r.selected.length) out(`  复算结果 recomputed: ${r.selected.join(', ')}`);
  return 1;
}
