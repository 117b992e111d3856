/**
 * Pure ballot rules: code and receipt formats, the settings digest, and the tally with the
 * minimum group size (C-01): a category with fewer ballots than the minimum is merged with the
 * next-smallest category, or withheld, so that no category below the minimum can be derived,
 * not even by subtracting the shown groups from the total. No I/O, no clock; randomness is passed in.
 */
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  RECEIPT_LENGTH,
  normalizeWriteIn,
  type Answers,
  type Category,
  type Questionnaire,
  type RecommendAnswer,
  type SmallGroupPolicy,
  type Tally,
} from '../../../common/contracts/ballots.js';
import { toBase32 } from '../../../common/ballot-receipt.js';
import { canonicalJson, sm3Hex } from '../../platform/crypto.js';
import type { Random } from '../../platform/random.js';

/** A one-time code: CODE_LENGTH characters of the 32-letter alphabet (60 bits). */
export function generateCode(random: Random): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[random.int(CODE_ALPHABET.length)];
  return s;
}

export function isWellFormedCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((ch) => CODE_ALPHABET.includes(ch));
}

/** Bytes as base32 text in the code alphabet (shared with the browser, which computes receipts too). */
export { toBase32 };

/**
 * The receipt of a ballot: SM3 over the session, the ballot's random id and its answers, as
 * RECEIPT_LENGTH base32 characters (80 bits). Anyone holding the stored ballots can recompute it,
 * so the published list can be checked against the stored ballots one by one.
 */
export function receiptOf(sessionId: string, ballotId: string, answers: Answers): string {
  return toBase32(Buffer.from(sm3Hex(`${sessionId}\n${ballotId}\n${canonicalJson(answers)}`), 'hex'), RECEIPT_LENGTH);
}

export interface FrozenSettings {
  id: string;
  unitId: string;
  kind: string;
  title: string;
  year: number;
  questionnaire: Questionnaire;
  categories: Category[];
  minGroupSize: number;
  smallGroupPolicy: SmallGroupPolicy;
  opensAt: string;
  closesAt: string;
  codesIssued: Record<string, number>;
}

/** SM3 of the settings fixed at opening; shown on the session and public pages. */
export function settingsDigest(s: FrozenSettings): string {
  return sm3Hex(canonicalJson(s));
}

/** The settings fixed at opening, taken from a session (any other field of it stays out of the digest). */
export function frozenSettingsOf(
  s: Omit<FrozenSettings, 'codesIssued'>,
  codesIssued: Record<string, number>,
): FrozenSettings {
  return {
    id: s.id,
    unitId: s.unitId,
    kind: s.kind,
    title: s.title,
    year: s.year,
    questionnaire: s.questionnaire,
    categories: s.categories,
    minGroupSize: s.minGroupSize,
    smallGroupPolicy: s.smallGroupPolicy,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    codesIssued,
  };
}

// ───────────────────────────── storage form ─────────────────────────────

type Stored = (number | (number | string)[] | null)[];

/**
 * A ballot as stored: one entry per question in questionnaire order, the option's index for a
 * rating, candidate indexes and write-in names for a recommendation, null when unanswered. About
 * a tenth of the JSON of the answers, which keeps the hall's writes and the closing rewrite small.
 * The questionnaire is fixed once the session opens, so the form decodes exactly.
 */
export function encodeAnswers(q: Questionnaire, answers: Answers): string {
  const out: Stored = q.questions.map((x) => {
    const a = answers[x.id];
    if (a === undefined) return null;
    if (x.type === 'rating') return x.options.indexOf(a as string);
    const r = a as RecommendAnswer;
    return [...r.candidates.map((id) => x.candidates.findIndex((c) => c.id === id)), ...r.writeIns];
  });
  return JSON.stringify(out);
}

export function decodeAnswers(q: Questionnaire, stored: string): Answers {
  const values = JSON.parse(stored) as Stored;
  const out: Answers = {};
  q.questions.forEach((x, i) => {
    const v = values[i];
    if (v === null || v === undefined) return;
    if (x.type === 'rating') out[x.id] = x.options[v as number] as string;
    else {
      const list = v as (number | string)[];
      out[x.id] = {
        candidates: list.filter((e): e is number => typeof e === 'number').map((n) => x.candidates[n]?.id ?? ''),
        writeIns: list.filter((e): e is string => typeof e === 'string'),
      };
    }
  });
  return out;
}

// ───────────────────────────── grouping (C-01) ─────────────────────────────

export interface CategoryCount {
  key: string;
  label: string;
  ballots: number;
}

export interface Grouping {
  groups: { key: string; label: string; categories: string[]; ballots: number }[];
  withheld: { labels: string[]; categories: string[]; ballots: number } | null;
  allWithheld: boolean;
}

interface G {
  keys: string[];
  labels: string[];
  n: number;
  order: number;
}

function smallest(groups: G[], except?: G): G | undefined {
  return groups.filter((g) => g !== except).sort((a, b) => a.n - b.n || a.order - b.order)[0];
}

/**
 * Decide which category groups may be shown. Every shown group has at least `min` ballots.
 * merge: the smallest group below the minimum joins the next-smallest group, until none is below.
 * withhold: groups below the minimum are hidden; while the hidden ones together hold fewer than
 * the minimum, the smallest shown group is hidden too (else total minus shown would reveal them).
 * Fewer than `min` ballots in all: nothing is shown.
 */
export function groupCategories(counts: CategoryCount[], min: number, policy: SmallGroupPolicy): Grouping {
  const total = counts.reduce((s, c) => s + c.ballots, 0);
  if (total < min) return { groups: [], withheld: null, allWithheld: true };
  let groups: G[] = counts
    .filter((c) => c.ballots > 0)
    .map((c, i) => ({ keys: [c.key], labels: [c.label], n: c.ballots, order: i }));
  let hidden: G[] = [];
  if (policy === 'merge') {
    for (;;) {
      const low = smallest(groups.filter((g) => g.n < min));
      if (!low) break;
      const other = smallest(groups, low) as G; // total >= min, so another group exists
      const merged: G = {
        keys: [...other.keys, ...low.keys],
        labels: [...other.labels, ...low.labels],
        n: other.n + low.n,
        order: Math.min(other.order, low.order),
      };
      groups = [...groups.filter((g) => g !== low && g !== other), merged].sort((a, b) => a.order - b.order);
    }
  } else {
    hidden = groups.filter((g) => g.n < min);
    groups = groups.filter((g) => g.n >= min);
    const hiddenSum = () => hidden.reduce((s, g) => s + g.n, 0);
    while (hiddenSum() > 0 && hiddenSum() < min && groups.length) {
      const next = smallest(groups) as G;
      hidden.push(next);
      groups = groups.filter((g) => g !== next);
    }
  }
  const hiddenBallots = hidden.reduce((s, g) => s + g.n, 0);
  return {
    groups: groups.map((g) => ({
      key: g.keys.join('+'),
      label: g.labels.join('、'),
      categories: g.keys,
      ballots: g.n,
    })),
    withheld: hidden.length
      ? { labels: hidden.flatMap((g) => g.labels), categories: hidden.flatMap((g) => g.keys), ballots: hiddenBallots }
      : null,
    allWithheld: false,
  };
}

// ───────────────────────────── tally ─────────────────────────────

export interface TallyBallot {
  category: string;
  answers: Answers;
}

/** A ballot in storage form: the JSON text of encodeAnswers. */
export interface StoredBallot {
  category: string;
  answers: string;
}

const MAX_WRITE_INS_LISTED = 50;
const OTHER_WRITE_INS = '其他另行推荐人选';

type Counter = { key: string; label: string; ballots: number; counts: Record<string, number>; answered: number };
type Indexed = { category: string; values: Stored };

/** Write-in names of question `qi` by votes, most first; beyond MAX_WRITE_INS_LISTED they are counted together. */
function rankWriteIns(qi: number, ballots: Indexed[]): { listed: string[]; other: boolean } {
  const votes = new Map<string, number>();
  for (const b of ballots) {
    const v = b.values[qi];
    if (!Array.isArray(v)) continue;
    for (const w of v) {
      if (typeof w === 'string') votes.set(normalizeWriteIn(w), (votes.get(normalizeWriteIn(w)) ?? 0) + 1);
    }
  }
  const ranked = [...votes.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'))
    .map(([name]) => name);
  return { listed: ranked.slice(0, MAX_WRITE_INS_LISTED), other: ranked.length > MAX_WRITE_INS_LISTED };
}

/** Totals per question and per shown group, with C-01 applied; nothing of a hidden group is kept. */
export function tally(
  questionnaire: Questionnaire,
  categories: Category[],
  ballots: TallyBallot[],
  min: number,
  policy: SmallGroupPolicy,
): Tally {
  return tallyIndexed(
    questionnaire,
    categories,
    ballots.map((b) => ({
      category: b.category,
      values: JSON.parse(encodeAnswers(questionnaire, b.answers)) as Stored,
    })),
    min,
    policy,
  );
}

/** The same tally straight from stored ballots (used at closing: no decoding into objects). */
export function tallyStored(
  questionnaire: Questionnaire,
  categories: Category[],
  ballots: StoredBallot[],
  min: number,
  policy: SmallGroupPolicy,
): Tally {
  return tallyIndexed(
    questionnaire,
    categories,
    ballots.map((b) => ({ category: b.category, values: JSON.parse(b.answers) as Stored })),
    min,
    policy,
  );
}

function tallyIndexed(
  questionnaire: Questionnaire,
  categories: Category[],
  ballots: Indexed[],
  min: number,
  policy: SmallGroupPolicy,
): Tally {
  const perCategory = categories.map((c) => ({ key: c.key, label: c.label, ballots: 0 }));
  const catIndex = new Map(perCategory.map((c, i) => [c.key, i]));
  for (const b of ballots) {
    const c = perCategory[catIndex.get(b.category) ?? -1];
    if (c) c.ballots += 1;
  }
  const grouping = groupCategories(perCategory, min, policy);
  const base = {
    totalBallots: ballots.length,
    minGroupSize: min,
    policy,
    allWithheld: grouping.allWithheld,
    groups: grouping.groups,
    withheld: grouping.withheld ? { labels: grouping.withheld.labels, ballots: grouping.withheld.ballots } : null,
  };
  if (grouping.allWithheld) return { ...base, questions: [] };
  const groupIndex = new Map<string, number>();
  grouping.groups.forEach((g, i) => g.categories.forEach((c) => groupIndex.set(c, i)));
  const prepared = questionnaire.questions.map((q, qi) => {
    const w = q.type === 'recommend' ? rankWriteIns(qi, ballots) : { listed: [], other: false };
    const listed = new Set(w.listed);
    const options =
      q.type === 'rating'
        ? q.options
        : [...q.candidates.map((c) => c.name), ...w.listed, ...(w.other ? [OTHER_WRITE_INS] : [])];
    const fresh = (key: string, label: string, n: number): Counter => ({
      key,
      label,
      ballots: n,
      counts: Object.fromEntries(options.map((o) => [o, 0])),
      answered: 0,
    });
    return {
      q,
      options,
      listed,
      writeIns: w.listed,
      total: fresh('total', '合计', ballots.length),
      groups: grouping.groups.map((g) => fresh(g.key, g.label, g.ballots)),
    };
  });
  for (const b of ballots) {
    const gi = groupIndex.get(b.category);
    prepared.forEach((p, qi) => {
      const v = b.values[qi];
      if (v === null || v === undefined) return;
      const keys =
        typeof v === 'number'
          ? [p.options[v] as string]
          : v.map((e) =>
              typeof e === 'number'
                ? (p.options[e] as string)
                : p.listed.has(normalizeWriteIn(e))
                  ? normalizeWriteIn(e)
                  : OTHER_WRITE_INS,
            );
      if (!keys.length) return;
      const g = gi === undefined ? undefined : p.groups[gi];
      p.total.answered += 1;
      if (g) g.answered += 1;
      for (const k of keys) {
        p.total.counts[k] = (p.total.counts[k] ?? 0) + 1;
        if (g) g.counts[k] = (g.counts[k] ?? 0) + 1;
      }
    });
  }
  const questions = prepared.map(({ q, options, writeIns, total, groups }) => ({
    id: q.id,
    type: q.type,
    text: q.type === 'recommend' ? `${q.text}（${q.post}，推荐 ${q.seats} 名）` : q.text,
    section: q.section ?? null,
    subjectPersonId: q.type === 'rating' ? (q.subjectPersonId ?? null) : null,
    role: q.type === 'rating' ? (q.role ?? null) : null,
    options,
    writeIns,
    total,
    groups,
  }));
  return { ...base, questions };
}
