/**
 * Relatives' business and employment (FB-01, FB-02, FB-05). Pure. The prohibition matrix is the
 * unit parameter FB-01.prohibitionMatrix: rows of { minLevel, unitTypes, prohibited } where
 * minLevel is a level code or its Chinese label (e.g. 厅局级副职), unitTypes lists unit levels
 * (gac, direct, subordinate, internal) or '*', and prohibited lists FB_ACTIVITIES. A row applies
 * when the cadre's level is at least minLevel and the unit's type is listed.
 */
import { FB_ACTIVITIES, FB_ACTIVITY_LABELS, type FbActivity } from '../../../common/contracts/disclosures.js';
import type { PartialItems } from '../../../common/contracts/disclosures-items.js';
import { FAMILY_RELATION_LABELS } from '../../../common/contracts/people.js';
import { levelOrdinal, type LevelCode } from '../../../common/ranks.js';
import { norm } from './disclosures.classify.js';
import { levelFromParam, type RelativeFact } from './disclosures.rules.js';

export interface MatrixRow {
  minLevel: LevelCode;
  unitTypes: string[];
  prohibited: FbActivity[];
}

/** Read the matrix parameter; malformed rows are reported, never silently applied. */
export function parseMatrix(value: unknown): { rows: MatrixRow[]; problems: string[] } {
  const rows: MatrixRow[] = [];
  const problems: string[] = [];
  if (!Array.isArray(value)) return { rows, problems: ['禁业矩阵应为列表'] };
  value.forEach((raw, i) => {
    const r = raw as { minLevel?: unknown; unitTypes?: unknown; prohibited?: unknown };
    const minLevel = levelFromParam(r?.minLevel);
    const unitTypes = Array.isArray(r?.unitTypes)
      ? r.unitTypes.filter((x): x is string => typeof x === 'string')
      : null;
    const prohibited = Array.isArray(r?.prohibited)
      ? r.prohibited.filter((x): x is FbActivity => (FB_ACTIVITIES as readonly unknown[]).includes(x))
      : null;
    if (!minLevel || !unitTypes || !prohibited || prohibited.length !== (r.prohibited as unknown[]).length) {
      problems.push(`禁业矩阵第 ${i + 1} 行格式有误，未适用`);
    } else rows.push({ minLevel, unitTypes, prohibited });
  });
  return { rows, problems };
}

export interface RelativeActivity {
  relativeId: string;
  relativeName: string;
  relationLabel: string;
  activity: FbActivity;
  /** The enterprise or employer */
  detail: string;
  sector: string | null;
  /** A business entry (the relative runs or invests in it), not employment */
  runsBusiness: boolean;
}

const COVERED = ['spouse', 'son', 'daughter', 'son_in_law', 'daughter_in_law'];

/** The business activities of spouse, children and their spouses named in a report (FB-01's categories). */
export function relativeActivities(items: PartialItems, relatives: readonly RelativeFact[]): RelativeActivity[] {
  const byId = new Map(relatives.filter((r) => COVERED.includes(r.relation)).map((r) => [r.id, r]));
  const out: RelativeActivity[] = [];
  const push = (
    relativeId: string,
    activity: FbActivity,
    detail: string,
    sector: string | null | undefined,
    runsBusiness: boolean,
  ) => {
    const rel = byId.get(relativeId);
    if (!rel) return;
    out.push({
      relativeId,
      relativeName: rel.name,
      relationLabel: FAMILY_RELATION_LABELS[rel.relation as keyof typeof FAMILY_RELATION_LABELS] ?? rel.relation,
      activity,
      detail,
      sector: sector ?? null,
      runsBusiness,
    });
  };
  for (const e of items.employment?.entries ?? []) {
    const at = `${e.employer}${e.post ? ` ${e.post}` : ''}`;
    if (e.employerType === 'private' && e.seniorPost) push(e.relativeId, 'private_senior_post', at, e.sector, false);
    if ((e.employerType === 'foreign' || e.employerType === 'foreign_ngo') && e.seniorPost) {
      push(e.relativeId, 'foreign_senior_post', at, e.sector, false);
    }
    if (e.employerType === 'private_equity') push(e.relativeId, 'private_equity', at, e.sector, false);
    if (e.employerType === 'law_firm') push(e.relativeId, 'legal_service', at, e.sector, false);
    if (e.employerType === 'intermediary') push(e.relativeId, 'paid_intermediary', at, e.sector, false);
  }
  for (const b of items.business?.entries ?? []) {
    const activity: FbActivity =
      b.kind === 'private_equity'
        ? 'private_equity'
        : b.kind === 'intermediary'
          ? 'paid_intermediary'
          : b.kind === 'legal_service'
            ? 'legal_service'
            : 'enterprise_investment';
    push(b.relativeId, activity, b.name, b.sector, true);
  }
  return out;
}

export interface Violation extends RelativeActivity {
  ruleId: 'FB-02' | 'FB-05';
  message_zh: string;
}

/** FB-01/FB-02: activities the matrix prohibits for this cadre's level and unit type. */
export function prohibitedActivities(
  acts: readonly RelativeActivity[],
  ctx: {
    cadreLevel: LevelCode | null;
    unitType: string;
    rows: readonly MatrixRow[];
    minApplicableLevel: LevelCode | null;
  },
): Violation[] {
  if (!ctx.cadreLevel) return [];
  const level = levelOrdinal(ctx.cadreLevel);
  if (ctx.minApplicableLevel && level < levelOrdinal(ctx.minApplicableLevel)) return [];
  const banned = new Set(
    ctx.rows
      .filter(
        (r) => level >= levelOrdinal(r.minLevel) && (r.unitTypes.includes('*') || r.unitTypes.includes(ctx.unitType)),
      )
      .flatMap((r) => r.prohibited),
  );
  return acts
    .filter((a) => banned.has(a.activity))
    .map((a) => ({
      ...a,
      ruleId: 'FB-02' as const,
      message_zh: `${a.relationLabel}${a.relativeName}${FB_ACTIVITY_LABELS[a.activity]}（${a.detail}），属本单位禁业范围，应退出或由领导干部退出现职、接受调整`,
    }));
}

/** FB-05 (公务员法 Art. 74): a relative runs a business in a sector the cadre's unit regulates. */
export function sectorConflicts(acts: readonly RelativeActivity[], regulatedSectors: readonly string[]): Violation[] {
  const sectors = regulatedSectors.map(norm).filter(Boolean);
  return acts
    .filter(
      (a) =>
        a.runsBusiness && a.sector && sectors.some((s) => norm(a.sector).includes(s) || s.includes(norm(a.sector))),
    )
    .map((a) => ({
      ...a,
      ruleId: 'FB-05' as const,
      message_zh: `${a.relationLabel}${a.relativeName}经营的“${a.detail}”属本单位监管行业（${a.sector ?? ''}），领导干部不得在该行业监管部门担任领导成员`,
    }));
}
