/**
 * Ranks and levels (regulations.md §17b, RK-01). One ordered table maps leading posts and
 * non-leading ranks (职级, 公务员法 Art. 19) to a level, so rules can compare "副处 and above"
 * (PM-01, RT-02, SE-*). A higher ordinal is more senior.
 */
export const LEVELS = [
  { code: 'ministry_chief', ordinal: 100, zh: '省部级正职', en: 'Minister' },
  { code: 'ministry_deputy', ordinal: 90, zh: '省部级副职', en: 'Vice minister' },
  { code: 'bureau_chief', ordinal: 80, zh: '厅局级正职', en: 'Bureau chief' },
  { code: 'bureau_deputy', ordinal: 70, zh: '厅局级副职', en: 'Deputy bureau chief' },
  { code: 'division_chief', ordinal: 60, zh: '县处级正职', en: 'Division chief' },
  { code: 'division_deputy', ordinal: 50, zh: '县处级副职', en: 'Deputy division chief' },
  { code: 'section_chief', ordinal: 40, zh: '乡科级正职', en: 'Section chief' },
  { code: 'section_deputy', ordinal: 30, zh: '乡科级副职', en: 'Deputy section chief' },
  { code: 'clerk', ordinal: 20, zh: '科员级', en: 'Clerk' },
  { code: 'staff_clerk', ordinal: 10, zh: '办事员级', en: 'Staff clerk' },
] as const;

export type LevelCode = (typeof LEVELS)[number]['code'];

export type RankKind = 'leading' | 'grade';

export interface RankDef {
  code: string;
  kind: RankKind;
  zh: string;
  en: string;
  level: LevelCode;
}

/** Leading posts (领导职务) by level, and the 职级 of 公务员法 Art. 19 with their levels (RK-01). */
export const RANKS: readonly RankDef[] = [
  {
    code: 'L-BUREAU-CHIEF',
    kind: 'leading',
    zh: '厅局级正职领导职务',
    en: 'Bureau chief (leading post)',
    level: 'bureau_chief',
  },
  {
    code: 'L-BUREAU-DEPUTY',
    kind: 'leading',
    zh: '厅局级副职领导职务',
    en: 'Deputy bureau chief (leading post)',
    level: 'bureau_deputy',
  },
  {
    code: 'L-DIV-CHIEF',
    kind: 'leading',
    zh: '县处级正职领导职务',
    en: 'Division chief (leading post)',
    level: 'division_chief',
  },
  {
    code: 'L-DIV-DEPUTY',
    kind: 'leading',
    zh: '县处级副职领导职务',
    en: 'Deputy division chief (leading post)',
    level: 'division_deputy',
  },
  {
    code: 'L-SEC-CHIEF',
    kind: 'leading',
    zh: '乡科级正职领导职务',
    en: 'Section chief (leading post)',
    level: 'section_chief',
  },
  {
    code: 'L-SEC-DEPUTY',
    kind: 'leading',
    zh: '乡科级副职领导职务',
    en: 'Deputy section chief (leading post)',
    level: 'section_deputy',
  },
  { code: 'G-XS1', kind: 'grade', zh: '一级巡视员', en: 'Inspector, first grade', level: 'bureau_chief' },
  { code: 'G-XS2', kind: 'grade', zh: '二级巡视员', en: 'Inspector, second grade', level: 'bureau_deputy' },
  { code: 'G-DY1', kind: 'grade', zh: '一级调研员', en: 'Researcher, first grade', level: 'division_chief' },
  { code: 'G-DY2', kind: 'grade', zh: '二级调研员', en: 'Researcher, second grade', level: 'division_chief' },
  { code: 'G-DY3', kind: 'grade', zh: '三级调研员', en: 'Researcher, third grade', level: 'division_deputy' },
  { code: 'G-DY4', kind: 'grade', zh: '四级调研员', en: 'Researcher, fourth grade', level: 'division_deputy' },
  {
    code: 'G-ZR1',
    kind: 'grade',
    zh: '一级主任科员',
    en: 'Principal staff member, first grade',
    level: 'section_chief',
  },
  {
    code: 'G-ZR2',
    kind: 'grade',
    zh: '二级主任科员',
    en: 'Principal staff member, second grade',
    level: 'section_chief',
  },
  {
    code: 'G-ZR3',
    kind: 'grade',
    zh: '三级主任科员',
    en: 'Principal staff member, third grade',
    level: 'section_deputy',
  },
  {
    code: 'G-ZR4',
    kind: 'grade',
    zh: '四级主任科员',
    en: 'Principal staff member, fourth grade',
    level: 'section_deputy',
  },
  { code: 'G-KY1', kind: 'grade', zh: '一级科员', en: 'Staff member, first grade', level: 'clerk' },
  { code: 'G-KY2', kind: 'grade', zh: '二级科员', en: 'Staff member, second grade', level: 'clerk' },
];

export const RANK_CODES = RANKS.map((r) => r.code) as [string, ...string[]];

const RANK_BY_CODE = new Map(RANKS.map((r) => [r.code, r]));
const LEVEL_BY_CODE = new Map(LEVELS.map((l) => [l.code, l]));

export function getRankDef(code: string): RankDef | undefined {
  return RANK_BY_CODE.get(code);
}

export function levelOrdinal(level: LevelCode): number {
  return LEVEL_BY_CODE.get(level)?.ordinal ?? 0;
}

/** The level ordinal of a rank code, 0 when unknown. */
export function rankOrdinal(code: string): number {
  const r = RANK_BY_CODE.get(code);
  return r ? levelOrdinal(r.level) : 0;
}

/** The highest level among a person's current ranks (职务与职级并行: a person may hold both). */
export function highestLevel(codes: readonly string[]): LevelCode | null {
  let best: RankDef | undefined;
  for (const c of codes) {
    const r = RANK_BY_CODE.get(c);
    if (r && (!best || levelOrdinal(r.level) > levelOrdinal(best.level))) best = r;
  }
  return best?.level ?? null;
}

/** "副处 and above, including non-leading ranks" (PM-01). */
export function isAtLeast(codes: readonly string[], level: LevelCode): boolean {
  const h = highestLevel(codes);
  return h !== null && levelOrdinal(h) >= levelOrdinal(level);
}

export function levelLabel(level: LevelCode | null): string {
  return level ? (LEVEL_BY_CODE.get(level)?.zh ?? '') : '';
}
