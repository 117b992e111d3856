/**
 * The verifiable spot-check draw (PM-06). Pure, with SM3 in plain TypeScript: the same functions
 * run in the server at the draw, in `banzi disclosures verify-draw FILE`, and in the browser's
 * 抽查验证 page, each needing nothing but the JSON file.
 *
 * Byte encoding (docs/disclosures.md gives it in full, so anyone can reimplement it):
 * - seed: 32 random bytes made by Banzi, written as 64 lower-case hex characters;
 *   commitment = SM3(seed bytes) in lower-case hex, published before the draw.
 * - inputs digest = SM3 of the UTF-8 bytes of the JSON text
 *   {"commitment":C,"eligible":[ids sorted ascending],"ratioBasisPoints":R,"unitId":U,"year":Y}
 *   (keys in this order, no spaces: JSON.stringify of an object built in that order).
 * - score(id) = SM3(seed bytes || UTF-8(public value) || UTF-8(id)) in lower-case hex; the public
 *   value is used exactly as recorded (no trimming or normalisation at verification).
 * - ranking: ascending by score (hex strings of equal length compare like the numbers), ties by id;
 *   the first k are drawn, k = ceil(R × n / 10000) with integers (R = ratio in basis points).
 */
import { concatBytes, sm3Hex, utf8Bytes } from './sm3.js';

export const DRAW_FORMAT = 'banzi-disclosure-draw/1' as const;

export const DRAW_ALGORITHM =
  'commitment = SM3(seed); inputsDigest = SM3(UTF-8 JSON {"commitment","eligible"(ids sorted ascending),"ratioBasisPoints","unitId","year"}); ' +
  'score(id) = SM3(seed bytes || UTF-8(publicValue) || UTF-8(id)) lower-case hex; rank ascending by score, ties by id; ' +
  'draw the first ceil(ratioBasisPoints * n / 10000). See docs/disclosures.md.';

const HEX64 = /^[0-9a-f]{64}$/;

/** The seed's bytes from its 64-character hex form, or null when malformed. */
export function parseSeed(hex: string): Uint8Array | null {
  if (!HEX64.test(hex)) return null;
  return Uint8Array.from({ length: 32 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

export function commitmentOf(seed: Uint8Array): string {
  return sm3Hex(seed);
}

/** Basis points of a ratio given with at most four decimals (0.1 -> 1000). */
export function ratioToBasisPoints(ratio: number): number {
  return Math.round(ratio * 10000);
}

/** The ratio as exact decimal text (1000 -> "0.1"). */
export function basisPointsToText(bp: number): string {
  const whole = Math.floor(bp / 10000);
  const frac = String(bp % 10000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** ceil(ratio × n) in integer arithmetic, so 7% of 100 is 7 (Math.ceil(0.07 * 100) would give 8). */
export function drawCount(ratioBasisPoints: number, n: number): number {
  return Math.floor((ratioBasisPoints * n + 9999) / 10000);
}

export interface DrawInputs {
  unitId: string;
  year: number;
  ratioBasisPoints: number;
  eligibleIds: readonly string[];
  commitment: string;
}

/** The canonical text of the committed inputs (what the inputs digest hashes). */
export function canonicalInputs(i: DrawInputs): string {
  const eligible = [...i.eligibleIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({
    commitment: i.commitment,
    eligible,
    ratioBasisPoints: i.ratioBasisPoints,
    unitId: i.unitId,
    year: i.year,
  });
}

export function inputsDigest(i: DrawInputs): string {
  return sm3Hex(utf8Bytes(canonicalInputs(i)));
}

export interface Ranked {
  id: string;
  score: string;
}

/** Every reporter with its score, in draw order. */
export function rankReporters(seed: Uint8Array, publicValue: string, ids: readonly string[]): Ranked[] {
  const prefix = concatBytes(seed, utf8Bytes(publicValue));
  const ranked = ids.map((id) => ({ id, score: sm3Hex(concatBytes(prefix, utf8Bytes(id))) }));
  ranked.sort((a, b) => (a.score < b.score ? -1 : a.score > b.score ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ranked;
}

export function selectReporters(
  seed: Uint8Array,
  publicValue: string,
  ids: readonly string[],
  ratioBasisPoints: number,
): { ranked: Ranked[]; selected: string[] } {
  const ranked = rankReporters(seed, publicValue, ids);
  return { ranked, selected: ranked.slice(0, drawCount(ratioBasisPoints, ids.length)).map((r) => r.id) };
}

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  /** The selection recomputed from the file (empty when the inputs are unusable) */
  selected: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Recompute a draw from its JSON file alone and compare every published value. */
export function verifyDrawFile(file: unknown): VerifyResult {
  const problems: string[] = [];
  if (!isRecord(file)) return { ok: false, problems: ['文件不是 JSON 对象 (not a JSON object)'], selected: [] };
  if (file.format !== DRAW_FORMAT) problems.push(`格式应为 ${DRAW_FORMAT} (format)`);
  const seedHex = typeof file.seed === 'string' ? file.seed : '';
  const seed = parseSeed(seedHex);
  const eligible = Array.isArray(file.eligible)
    ? file.eligible.map((e) => (isRecord(e) && typeof e.id === 'string' ? e.id : null))
    : null;
  const bp = file.ratioBasisPoints;
  const publicValue = typeof file.publicValue === 'string' ? file.publicValue : null;
  if (!seed) problems.push('种子应为 64 位小写十六进制 (seed must be 64 lower-case hex characters)');
  if (!eligible || eligible.some((e) => e === null)) problems.push('名单格式错误 (eligible must be a list of { id })');
  if (typeof bp !== 'number' || !Number.isInteger(bp) || bp < 0 || bp > 10000) {
    problems.push('比例（基点）应为 0-10000 的整数 (ratioBasisPoints)');
  }
  if (publicValue === null) problems.push('缺少公开随机值 (publicValue)');
  if (typeof file.unitId !== 'string' || typeof file.year !== 'number') problems.push('缺少单位或年度 (unitId, year)');
  if (problems.length || !seed || !eligible || typeof bp !== 'number' || publicValue === null) {
    return { ok: false, problems, selected: [] };
  }
  const ids = eligible as string[];
  if (new Set(ids).size !== ids.length) problems.push('名单中有重复的报告人 (duplicate ids)');
  if (typeof file.ratio === 'string' && basisPointsToText(bp) !== file.ratio) {
    problems.push(`比例 ${file.ratio} 与基点 ${bp} 不符 (ratio and ratioBasisPoints differ)`);
  }
  const commitment = commitmentOf(seed);
  if (commitment !== file.commitment) {
    problems.push('种子的 SM3 与抽取前公布的承诺值不符 (SM3(seed) differs from the commitment)');
  }
  const digest = inputsDigest({
    unitId: file.unitId as string,
    year: file.year as number,
    ratioBasisPoints: bp,
    eligibleIds: ids,
    commitment: String(file.commitment),
  });
  if (digest !== file.inputsDigest) {
    problems.push('名单、比例或承诺与公布时的输入摘要不符 (inputs digest differs: list, ratio or commitment changed)');
  }
  const { selected } = selectReporters(seed, publicValue, ids, bp);
  if (file.selectCount !== selected.length) {
    problems.push(`应抽取 ${selected.length} 人，文件记载 ${String(file.selectCount)} 人 (selectCount)`);
  }
  const claimed = Array.isArray(file.selected) ? file.selected : [];
  if (claimed.length !== selected.length || claimed.some((id, i) => id !== selected[i])) {
    problems.push('重新计算的抽取结果与文件记载不符 (the recomputed selection differs)');
  }
  return { ok: problems.length === 0, problems, selected };
}
