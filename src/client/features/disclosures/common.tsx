/** Shared pieces of the disclosures pages: the section tabs, deadline and status tags, unit pickers. */
import { Select, Tabs, Tag, Tooltip } from 'antd';
import { useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  CHECK_KIND_LABELS,
  DEADLINE_STATUS_LABELS,
  REPORT_KIND_LABELS,
} from '../../../common/contracts/disclosures.js';
import { useUnits } from '../../api/orgs.js';
import { useT } from '../../i18n.js';
import { thisYearBeijing } from '../../lib/format.js';
import { useMe } from '../../session.js';

type Deadline = {
  dueDate: string | null;
  reminderFrom: string | null;
  status: keyof typeof DEADLINE_STATUS_LABELS;
  message: string | null;
};
const DEADLINE_COLOR: Record<string, string> = {
  upcoming: 'default',
  reminder: 'gold',
  overdue: 'red',
  on_time: 'green',
  late: 'volcano',
  unknown: 'default',
};

export function DeadlineTag({ d }: { d: Deadline | null | undefined }) {
  const t = useT();
  if (!d) return <Tag>—</Tag>;
  const text = `${DEADLINE_STATUS_LABELS[d.status]}${d.dueDate ? ` · ${t('disc.dueBy', { date: d.dueDate })}` : ''}`;
  return (
    <Tooltip title={d.message ?? (d.reminderFrom ? t('disc.reminderFrom', { date: d.reminderFrom }) : undefined)}>
      <Tag color={DEADLINE_COLOR[d.status]}>{text}</Tag>
    </Tooltip>
  );
}

export function KindTag({ kind }: { kind: string }) {
  const label =
    (REPORT_KIND_LABELS as Record<string, string>)[kind] ?? (CHECK_KIND_LABELS as Record<string, string>)[kind] ?? kind;
  return (
    <Tag
      color={
        kind === 'pre_promotion' ? 'purple' : kind === 'targeted' ? 'blue' : kind === 'change' ? 'cyan' : 'default'
      }
    >
      {label}
    </Tag>
  );
}

/** Does the user sit in a personnel or discipline office (the seats that check and handle)? */
export function useIsOffice(): boolean {
  const { me } = useMe();
  return me.roles.some((r) => r.role === 'personnel' || r.role === 'discipline');
}

export function DisclosuresNav() {
  const t = useT();
  const office = useIsOffice();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = [
    { key: '/disclosures', label: t('disc.tab.mine') },
    ...(office
      ? [
          { key: '/disclosures/subjects', label: t('disc.tab.subjects') },
          { key: '/disclosures/draws', label: t('disc.tab.draws') },
          { key: '/disclosures/checks', label: t('disc.tab.checks') },
          { key: '/disclosures/cases', label: t('disc.tab.cases') },
          { key: '/disclosures/stats', label: t('disc.tab.stats') },
        ]
      : [{ key: '/disclosures/draws', label: t('disc.tab.draws') }]),
  ];
  const active =
    [...tabs]
      .sort((a, b) => b.key.length - a.key.length)
      .find((x) => pathname === x.key || pathname.startsWith(`${x.key}/`))?.key ?? '/disclosures';
  return (
    <Tabs activeKey={active} items={tabs} onChange={(k) => void navigate(k)} size="small" style={{ marginBottom: 8 }} />
  );
}

/** Units the user's office manages (the teams below), or where it sits (for draws and statistics). */
export function useOfficeUnits(kind: 'managed' | 'office') {
  const { me } = useMe();
  const units = useUnits();
  return useMemo(() => {
    const all = units.data ?? [];
    if (kind === 'managed') return all.filter((u) => u.canManage);
    const ids = new Set(me.roles.filter((r) => r.role === 'personnel' || r.role === 'discipline').map((r) => r.unitId));
    return all.filter((u) => ids.has(u.id));
  }, [units.data, me.roles, kind]);
}

export function UnitPicker({
  units,
  value,
  onChange,
  id,
}: {
  units: { id: string; name: string }[];
  value?: string | undefined;
  onChange?: (v: string) => void;
  id?: string;
}) {
  const t = useT();
  return (
    <Select
      id={id}
      style={{ minWidth: 200 }}
      value={value}
      onChange={onChange}
      placeholder={t('picker.unit')}
      options={units.map((u) => ({ value: u.id, label: u.name }))}
      showSearch={{ filterOption: (q, o) => String(o?.label ?? '').includes(q) }}
    />
  );
}

export function yearOptions(): { value: number; label: string }[] {
  const y = thisYearBeijing();
  return [y, y - 1, y - 2, y - 3].map((v) => ({ value: v, label: `${v} 年度` }));
}
