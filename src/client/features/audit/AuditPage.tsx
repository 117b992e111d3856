/** The audit log for the auditor: filters, paged events, and a check of the hash chain. */
import { AUDIT_ENTITY_LABELS, auditActionLabel, auditActionOptions } from '../../../common/audit-actions.js';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditEvent } from '../../../common/contracts/audit.js';
import { useAuditEvents, useVerifyAudit, type AuditQuery } from '../../api/audit.js';
import { useUnits } from '../../api/orgs.js';
import { ExportButton } from '../../components/ExportButton.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { instant, show, toDate } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { VerifyResultView } from './VerifyResultView.js';

const ACTION_OPTIONS = auditActionOptions();

function EventDetails({ e }: { e: AuditEvent }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={2}
      bordered
      items={[
        { key: 'id', label: 'ID', children: <Typography.Text code>{e.id}</Typography.Text> },
        { key: 'req', label: t('audit.requestId'), children: show(e.requestId) },
        { key: 'ent', label: t('audit.entityId'), children: show(e.entityId) },
        {
          key: 'hash',
          label: t('audit.hash'),
          children: (
            <Typography.Text code copyable>
              {e.hash}
            </Typography.Text>
          ),
        },
        {
          key: 'before',
          label: t('audit.beforeMac'),
          children: e.beforeMac ? <Typography.Text code>{e.beforeMac.slice(0, 24)}…</Typography.Text> : '—',
        },
        {
          key: 'after',
          label: t('audit.afterMac'),
          children: e.afterMac ? <Typography.Text code>{e.afterMac.slice(0, 24)}…</Typography.Text> : '—',
        },
        {
          key: 'details',
          label: t('audit.details'),
          span: 2,
          children: (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(e.details, null, 2)}</pre>
          ),
        },
      ]}
    />
  );
}

export default function AuditPage() {
  const t = useT();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 50 });
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const events = useAuditEvents(query);
  const verify = useVerifyAudit();
  const units = useUnits();
  const set = (patch: Partial<AuditQuery>) => setQuery({ ...query, ...patch, page: patch.page ?? 1 });

  const columns: TableProps<AuditEvent>['columns'] = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 64 },
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 136,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{instant(v)}</span>,
    },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 130, render: show },
    { title: t('audit.unit'), dataIndex: 'unitName', width: 120, render: show },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 210,
      // The Chinese name; the code (for a developer or a query) only on hover
      render: (v: string) => <span title={v}>{auditActionLabel(v) ?? v}</span>,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 140,
      render: (_, e) => (
        <>
          <span title={e.entityType}>{AUDIT_ENTITY_LABELS[e.entityType] ?? e.entityType}</span>
          {e.entityId ? (
            <Typography.Text type="secondary" title={e.entityId}>
              {' '}
              …{e.entityId.slice(-6)}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('audit.fields'),
      dataIndex: 'changedFields',
      render: (f: string[]) => (f.length ? f.map((x) => <Tag key={x}>{x}</Tag>) : '—'),
    },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      width: 116,
      render: (h: string) => <Typography.Text code>{h.slice(0, 12)}</Typography.Text>,
    },
  ];

  const v = verify.data;
  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        crumbs={[{ title: t('nav.audit') }]}
        sub={t('audit.sub')}
        extra={
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.error ? <Alert type="error" showIcon title={verify.error.message} style={{ marginBottom: 12 }} /> : null}
      {v ? <VerifyResultView v={v} /> : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('audit.actorFilter')}
          onSearch={(actor) => set({ actor: actor || undefined })}
          style={{ width: 180 }}
        />
        {units.error ? (
          <Input.Search
            allowClear
            placeholder={t('audit.unitIdFilter')}
            onSearch={(unitId) => set({ unitId: unitId || undefined })}
            style={{ width: 200 }}
          />
        ) : (
          <UnitSelect value={query.unitId} onChange={(unitId) => set({ unitId })} style={{ width: 220 }} />
        )}
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.actionFilter')}
          options={ACTION_OPTIONS}
          value={query.action}
          onChange={(action?: string) => set({ action: action || undefined })}
          style={{ width: 240 }}
          aria-label={t('audit.actionFilter')}
        />
        <Input.Search
          allowClear
          placeholder={t('audit.entityFilter')}
          onSearch={(entityId) => set({ entityId: entityId || undefined })}
          style={{ width: 200 }}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(r) => {
            setRange(r);
            set({ from: toDate(r?.[0]) ?? undefined, to: toDate(r?.[1]) ?? undefined });
          }}
        />
        <ExportButton path="/api/audit/events/export.xlsx" query={query} />
      </Space>
      {events.error && !events.data ? (
        <ErrorView error={events.error} />
      ) : (
        <Table<AuditEvent>
          rowKey="seq"
          size="small"
          bordered
          loading={events.isFetching}
          columns={columns}
          dataSource={events.data?.items ?? []}
          expandable={{ expandedRowRender: (e) => <EventDetails e={e} /> }}
          scroll={{ x: 1100 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: events.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (n) => t('common.total', { n }),
            onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
          }}
        />
      )}
    </>
  );
}
