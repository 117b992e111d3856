/** Every rule with its citation and the parameter values in force for a unit on a date. */
import { DatePicker, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { RuleView } from '../../../common/contracts/rules.js';
import { useRules } from '../../api/rules.js';
import { CitationTag, KindTag, VerificationTag } from '../../components/CitationTag.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { formatParamValue } from '../../lib/params.js';
import { toDate } from '../../lib/format.js';
import { labelOr, useLang, useT } from '../../i18n.js';
import { useMe } from '../../session.js';
import { RuleDrawer } from './RuleDrawer.js';

interface Filters {
  module?: string;
  label?: string;
  kind?: string;
  q: string;
}

function matches(r: RuleView, f: Filters): boolean {
  if (f.module && r.module !== f.module) return false;
  if (f.label && r.label !== f.label) return false;
  if (f.kind && r.kind !== f.kind) return false;
  const q = f.q.trim().toLowerCase();
  return !q || [r.id, r.title_zh, r.title_en, r.summary_zh, r.citation.doc].some((s) => s.toLowerCase().includes(q));
}

export default function RulesPage() {
  const t = useT();
  const { lang } = useLang();
  const { unitId: actingUnit } = useMe();
  const [unitId, setUnitId] = useState<string | undefined>(actingUnit);
  const [at, setAt] = useState<string | undefined>(undefined);
  const [filters, setFilters] = useState<Filters>({ q: '' });
  const [params] = useSearchParams();
  const ruleParam = params.get('rule');
  const [open, setOpen] = useState<string | null>(ruleParam);
  // A help link to another rule while this page is open (/rules?rule=ID) opens that rule.
  const [linked, setLinked] = useState(ruleParam);
  if (ruleParam !== linked) {
    setLinked(ruleParam);
    if (ruleParam) setOpen(ruleParam);
  }
  const rules = useRules(unitId, at);
  const all = useMemo(() => rules.data ?? [], [rules.data]);
  const modules = useMemo(() => [...new Set(all.map((r) => r.module))].sort(), [all]);
  const shown = useMemo(() => all.filter((r) => matches(r, filters)), [all, filters]);
  const selected = all.find((r) => r.id === open) ?? null;

  const columns: TableProps<RuleView>['columns'] = [
    {
      title: t('rules.id'),
      dataIndex: 'id',
      key: 'id',
      width: 80,
      render: (v: string) => <Typography.Link onClick={() => setOpen(v)}>{v}</Typography.Link>,
    },
    {
      title: t('rules.title'),
      key: 'title',
      width: 220,
      render: (_, r) => (
        <Typography.Link onClick={() => setOpen(r.id)}>{lang === 'en' ? r.title_en : r.title_zh}</Typography.Link>
      ),
    },
    { title: t('rules.kind'), dataIndex: 'kind', key: 'kind', width: 72, render: (k: string) => <KindTag kind={k} /> },
    {
      title: t('rules.label'),
      dataIndex: 'label',
      key: 'label',
      width: 110,
      render: (l: RuleView['label']) => <VerificationTag label={l} />,
    },
    {
      title: t('rules.module'),
      dataIndex: 'module',
      key: 'module',
      width: 120,
      render: (m: string) => labelOr(t, 'module', m),
    },
    {
      title: t('rules.citation'),
      key: 'citation',
      width: 260,
      render: (_, r) => <CitationTag citation={r.citation} />,
    },
    {
      title: t('rules.params'),
      key: 'params',
      render: (_, r) =>
        r.params.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0}>
            {r.params.map((p) => (
              <span key={p.key}>
                {lang === 'en' ? p.label_en : p.label_zh}：
                <strong>{formatParamValue(p.effective, p.type, p.unit, lang)}</strong>
                {p.source ? (
                  <Tag color="purple" style={{ marginLeft: 4 }}>
                    {p.source.unitName}
                  </Tag>
                ) : null}
              </span>
            ))}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.rules')} crumbs={[{ title: t('nav.rules') }]} sub={t('rules.sub')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitSelect value={unitId} onChange={setUnitId} placeholder={t('rules.unit')} style={{ width: 220 }} />
        <DatePicker
          value={at ? dayjs(at) : null}
          onChange={(d) => setAt(toDate(d) ?? undefined)}
          placeholder={t('rules.at')}
        />
        <Input.Search
          allowClear
          placeholder={t('rules.search')}
          onSearch={(q) => setFilters({ ...filters, q })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          placeholder={t('rules.module')}
          value={filters.module}
          onChange={(module?: string) => setFilters({ ...filters, module })}
          style={{ width: 170 }}
          options={modules.map((m) => ({ value: m, label: labelOr(t, 'module', m) }))}
        />
        <Select
          allowClear
          placeholder={t('rules.label')}
          value={filters.label}
          onChange={(label?: string) => setFilters({ ...filters, label })}
          style={{ width: 140 }}
          options={[
            { value: 'VERIFIED-PRIMARY', label: t('rule.label.primary') },
            { value: 'VERIFIED-SECONDARY', label: t('rule.label.secondary') },
            { value: 'UNVERIFIED', label: t('rule.label.unverified') },
          ]}
        />
        <Select
          allowClear
          placeholder={t('rules.kind')}
          value={filters.kind}
          onChange={(kind?: string) => setFilters({ ...filters, kind })}
          style={{ width: 110 }}
          options={[
            { value: 'block', label: t('rule.kind.block') },
            { value: 'warn', label: t('rule.kind.warn') },
            { value: 'info', label: t('rule.kind.info') },
          ]}
        />
        <Typography.Text type="secondary">{t('common.total', { n: shown.length })}</Typography.Text>
      </Space>
      {rules.error && !rules.data ? (
        <ErrorView error={rules.error} />
      ) : (
        <Table<RuleView>
          rowKey="id"
          size="small"
          bordered
          loading={rules.isFetching}
          columns={columns}
          dataSource={shown}
          scroll={{ x: 1300 }}
          pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200] }}
        />
      )}
      <RuleDrawer rule={selected} unitId={unitId} onClose={() => setOpen(null)} />
    </>
  );
}
