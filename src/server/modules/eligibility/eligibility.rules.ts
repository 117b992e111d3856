/**
 * Pure rules over influence periods (regulations.md §17, IP-10): a period is active on a date
 * from its start day through its end day (null = open, while a case runs), and a person's
 * restrictions are the union of the blocks of every active period ("按影响较重的确定").
 */
import {
  INFLUENCE_BLOCKS,
  INFLUENCE_BLOCK_LABELS,
  type InfluenceBlock,
} from '../../../common/contracts/eligibility.js';
import type { IsoDate } from '../../../common/dates.js';

export interface PeriodFacts {
  id: string;
  startDate: IsoDate;
  /** Last day of the effect, inclusive; null while open */
  endDate: IsoDate | null;
  blocks: readonly string[];
}

export interface ActiveBlock {
  block: InfluenceBlock;
  label: string;
  /** The latest last day among the active periods with this block; null when one is open */
  until: IsoDate | null;
  periodIds: string[];
}

export function isActive(p: Pick<PeriodFacts, 'startDate' | 'endDate'>, date: IsoDate): boolean {
  return p.startDate <= date && (p.endDate === null || p.endDate >= date);
}

export function isInfluenceBlock(b: string): b is InfluenceBlock {
  return (INFLUENCE_BLOCKS as readonly string[]).includes(b);
}

/** The union of the blocks active on a date, in the vocabulary's order, with their sources. */
export function activeBlocks(rows: readonly PeriodFacts[], date: IsoDate): ActiveBlock[] {
  const out: ActiveBlock[] = [];
  for (const block of INFLUENCE_BLOCKS) {
    const sources = rows.filter((r) => isActive(r, date) && r.blocks.includes(block));
    if (!sources.length) continue;
    const open = sources.some((s) => s.endDate === null);
    const until = open
      ? null
      : (sources
          .map((s) => s.endDate as string)
          .sort()
          .at(-1) ?? null);
    out.push({ block, label: INFLUENCE_BLOCK_LABELS[block], until, periodIds: sources.map((s) => s.id) });
  }
  return out;
}

/** Does any active period block this on the date? (the later eligibility engine's question) */
export function isBlocked(rows: readonly PeriodFacts[], date: IsoDate, block: InfluenceBlock): boolean {
  return rows.some((r) => isActive(r, date) && r.blocks.includes(block));
}
