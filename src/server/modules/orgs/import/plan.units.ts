/**
 * The 单位 sheet: units keyed by their code. A new unit hangs under a unit of the file or of the
 * database; only the existing root may have no parent (it is created by the CLI). An existing
 * unit's fields are updated; its place in the tree is not (that is a reorganisation, done in the
 * system). A personnel office creates units one level below its own and edits those.
 */
import { UNIT_LEVEL_LABELS, ORGAN_TYPE_LABELS } from '../../../../common/contracts/orgs.js';
import { SHEETS } from './columns.js';
import { parseLevel, parseOrganType } from './columns.js';
import type { ImportError } from './read.js';
import { diff, RowReader } from './plan.support.js';
import type { ImportPlan, PlanInput, UnitFacts, UnitValues } from './plan.types.js';

export interface PlanState {
  input: PlanInput;
  errors: ImportError[];
  plan: ImportPlan;
  units: Map<string, UnitValues & { id: string }>;
  unitIdByCode: Map<string, string>;
  rootId: string | null;
  /** For an office upload: its personnel units and the units one level below them */
  office: { personnel: Set<string>; children: Set<string> } | null;
  newUnitIds: Set<string>;
}

const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export function initState(input: PlanInput, errors: ImportError[], plan: ImportPlan): PlanState {
  const units = new Map(input.snapshot.units.map((u) => [u.id, { ...u }]));
  const unitIdByCode = new Map<string, string>();
  for (const u of input.snapshot.units) if (u.code) unitIdByCode.set(u.code, u.id);
  const personnel = input.scope.kind === 'office' ? new Set(input.scope.personnelUnitIds) : null;
  return {
    input,
    errors,
    plan,
    units,
    unitIdByCode,
    rootId: input.snapshot.units.find((u) => u.parentId === null)?.id ?? null,
    office: personnel
      ? {
          personnel,
          children: new Set(
            input.snapshot.units.filter((u) => u.parentId && personnel.has(u.parentId)).map((u) => u.id),
          ),
        }
      : null,
    newUnitIds: new Set(),
  };
}

/** May this upload change the unit's own data or its team? (下管一级; the root's own office for the root) */
export function mayManageUnit(s: PlanState, unitId: string): boolean {
  if (!s.office) return true;
  return (
    s.office.children.has(unitId) || s.newUnitIds.has(unitId) || (s.office.personnel.has(unitId) && unitId === s.rootId)
  );
}

/** May this upload hold people records of the unit? (its own unit and one level down) */
export function mayHoldPeople(s: PlanState, unitId: string): boolean {
  return !s.office || s.office.personnel.has(unitId) || mayManageUnit(s, unitId);
}

export const OUT_OF_SCOPE = '超出本人事部门的管理范围（干部管理权限：本单位及下一级单位）';

interface UnitRowPlan {
  r: RowReader;
  code: string;
  values: Omit<UnitValues, 'parentId' | 'sortOrder'> & { sortOrder: number | null };
  parentCode: string | null;
}

export function planUnits(s: PlanState): void {
  const rows: UnitRowPlan[] = [];
  const seen = new Map<string, number>();
  for (const raw of s.input.file.units) {
    const r = new RowReader('units', raw, s.errors);
    const code = r.text('code', 40, true);
    if (code && !CODE_RE.test(code)) r.error('code', '单位代码只能用字母、数字和 - _ .，不超过 40 个字符');
    if (code && seen.has(code)) r.error('code', `单位代码与第 ${seen.get(code)} 行重复`);
    else if (code) seen.set(code, raw.row);
    const name = r.text('name', 100, true);
    const shortName = r.text('shortName', 40) ?? (name && name.length <= 40 ? name : null);
    if (name && !shortName) r.error('shortName', '单位名称超过 40 个字时请填写简称');
    const level = r.choice('level', parseLevel, true);
    const organType = r.choice('organType', parseOrganType, true);
    const sortOrder = r.int('sortOrder');
    const parentCode = r.text('parentCode', 40);
    if (!code || seen.get(code) !== raw.row) continue;
    // A row with other errors still has its parent checked, so every error of the file shows at once.
    const values = {
      code,
      name: name ?? '',
      shortName: shortName ?? '',
      level: level ?? '',
      organType: organType ?? '',
      sortOrder,
    };
    rows.push({ r, code, values, parentCode });
  }
  // New units get their ids first, so children in the same file can point at them.
  for (const x of rows) {
    if (!s.unitIdByCode.has(x.code)) {
      const id = s.input.newId();
      s.unitIdByCode.set(x.code, id);
      s.newUnitIds.add(id);
    }
  }
  const parentOf = new Map<string, string | null>();
  for (const x of rows) {
    const id = s.unitIdByCode.get(x.code) as string;
    const existing = s.input.snapshot.units.find((u) => u.id === id);
    if (x.parentCode === null) {
      if (!s.rootId) x.r.error('parentCode', '系统中还没有根单位：请先在服务器上运行 banzi units create-root');
      else if (id !== s.rootId) x.r.error('parentCode', '只有根单位可以不填上级单位代码');
      parentOf.set(id, null);
      continue;
    }
    const parentId = s.unitIdByCode.get(x.parentCode);
    if (!parentId) {
      x.r.error('parentCode', `上级单位代码 ${x.parentCode} 在本文件和系统中都不存在`);
      continue;
    }
    if (parentId === id) x.r.error('parentCode', '上级单位不能是本单位');
    if (existing && existing.parentId !== parentId) {
      x.r.error('parentCode', '该单位已在系统中，上级单位不同：调整隶属关系请在系统中办理，不能通过导入');
    }
    parentOf.set(id, parentId);
  }
  // A chain of parents within the file must end at a unit of the database (no cycles).
  for (const x of rows) {
    const id = s.unitIdByCode.get(x.code) as string;
    const visited = new Set<string>();
    for (let at: string | null | undefined = id; at && s.newUnitIds.has(at); at = parentOf.get(at)) {
      if (visited.has(at)) {
        x.r.error('parentCode', '上级单位代码形成循环');
        break;
      }
      visited.add(at);
    }
  }
  for (const x of rows) {
    if (!x.r.ok) continue;
    const id = s.unitIdByCode.get(x.code) as string;
    const parentId = parentOf.get(id) ?? null;
    const existing = s.units.get(id);
    if (!existing) {
      if (s.office && !(parentId && s.office.personnel.has(parentId))) {
        x.r.error('parentCode', `${OUT_OF_SCOPE}：只能在本单位下新增下一级单位`);
        continue;
      }
      const unit = { id, parentId, ...x.values, sortOrder: x.values.sortOrder ?? 0 };
      s.plan.unitCreates.push(unit);
      s.units.set(id, unit);
      s.plan.changes.push({
        sheet: SHEETS.units,
        row: x.r.row,
        action: 'create',
        text: `新增单位 ${x.values.name}（${x.code}）`,
      });
      continue;
    }
    const next = { ...x.values, sortOrder: x.values.sortOrder ?? existing.sortOrder };
    const d = diff<UnitFacts>({ ...existing }, next);
    const changed = Object.keys(d.after);
    if (!changed.length) {
      if (s.office && !mayHoldPeople(s, id)) x.r.error('code', OUT_OF_SCOPE);
      continue;
    }
    if (!mayManageUnit(s, id)) {
      x.r.error('code', `${OUT_OF_SCOPE}：本单位信息由上级单位的人事部门修改`);
      continue;
    }
    const { id: _id, ...before } = existing;
    const after = { ...before, ...next };
    s.plan.unitUpdates.push({ id, before, after });
    s.units.set(id, { id, ...after });
    const labels: Record<string, string> = {
      name: '名称',
      shortName: '简称',
      level: '层级',
      organType: '党组织类型',
      sortOrder: '排序',
    };
    s.plan.changes.push({
      sheet: SHEETS.units,
      row: x.r.row,
      action: 'update',
      text: `修改单位 ${after.name}（${x.code}）：${changed.map((k) => labels[k] ?? k).join('、')}`,
    });
  }
  // Parents first, so inserts never point at a unit not yet written.
  const depth = (id: string): number => {
    let n = 0;
    for (let at = parentOf.get(id); at && s.newUnitIds.has(at) && n < 1000; at = parentOf.get(at)) n++;
    return n;
  };
  s.plan.unitCreates.sort((a, b) => depth(a.id) - depth(b.id));
}

export function unitLabel(s: PlanState, unitId: string): string {
  const u = s.units.get(unitId);
  return u ? `${u.name}${u.code ? `（${u.code}）` : ''}` : unitId;
}

export const LEVEL_LABEL = (v: string) => UNIT_LEVEL_LABELS[v as keyof typeof UNIT_LEVEL_LABELS] ?? v;
export const ORGAN_LABEL = (v: string) => ORGAN_TYPE_LABELS[v as keyof typeof ORGAN_TYPE_LABELS] ?? v;
