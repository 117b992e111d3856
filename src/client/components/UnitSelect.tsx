/** A unit picker over GET /api/orgs/units, indented by depth. */
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { Unit } from '../../common/contracts/orgs.js';
import { useUnits } from '../api/orgs.js';
import { buildTree, type TreeNode } from '../lib/tree.js';
import { useT } from '../i18n.js';

interface Option {
  value: string;
  title: string;
  disabled?: boolean;
  children?: Option[];
}

function toOptions(nodes: TreeNode<Unit>[], filter?: (u: Unit) => boolean): Option[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: filter ? !filter(n) : false,
    children: n.children ? toOptions(n.children, filter) : undefined,
  }));
}

export function UnitSelect({
  value,
  onChange,
  filter,
  allowClear = true,
  placeholder,
  style,
  id,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  filter?: (u: Unit) => boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}) {
  const t = useT();
  const units = useUnits();
  const tree = useMemo(() => toOptions(buildTree(units.data ?? []), filter), [units.data, filter]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      treeData={tree}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      loading={units.isPending}
      placeholder={placeholder ?? t('picker.unit')}
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
