/** The unit's collective decisions: decided matters (with follow-through) and agenda items by state. */
import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import {
  AMEND_KIND_LABELS,
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  ITEM_STATUS_LABELS,
  ITEM_STATUSES,
  TZYD_CATEGORIES,
  TZYD_LABELS,
  type decisionListItemSchema,
  type ItemListEntry,
} from '../../../common/contracts/decisions.js';
import { RESULT_LABELS, type Result } from '../../../common/contracts/meetings.js';
import { ExportButton } from '../../components/ExportButton.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { hasRole, useMe } from '../../session.js';
import { useDecisions, useItems } from './api.js';
import { ItemFormModal } from './ItemFormModal.js';

type Decision = z.infer<typeof decisionListItemSchema>;

export default function DecisionsPage() {
  const t = useT();
  const { unitId, me } = useMe();
  const [modal, setModal] = useState<'item' | 'outside' | null>(null);
  const office = hasRole(me, 'office', unitId);
  const member = hasRole(me, 'member', unitId);
  return (
    <>
      <PageHeader
        title={t('nav.decisions')}
        crumbs={[{ title: t('nav.decisions') }]}
        sub={t('dec.sub')}
        extra={
          <>
            {office || member ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('item')}>
                {t('dec.propose')}
              </Button>
            ) : null}
            {office ? <Button onClick={() => setModal('outside')}>{t('dec.registerOutside')}</Button> : null}
            <Link to="/decisions/catalogue">
              <Button>{t('nav.catalogue')}</Button>
            </Link>
          </>
        }
      />
      <Tabs
        items={[
          { key: 'decided', label: t('dec.tabDecided'), children: <DecidedTable unitId={unitId} /> },
          { key: 'items', label: t('dec.tabItems'), children: <ItemsTable unitId={unitId} /> },
        ]}
      />
      {modal && unitId ? (
        <ItemFormModal unitId={unitId} outside={modal === 'outside'} isOffice={office} onClose={() => setModal(null)} />
      ) : null}
    </>
  );
}

function DecidedTable({ unitId }: { unitId: string | undefined }) {
  const t = useT();
  const [f, setF] = useState<{ year?: number; tzyd?: string; kind?: string; q?: string; page: number }>({ page: 1 });
  const list = useDecisions({ unitId, ...f, pageSize: 50 });
  const columns: TableProps<Decision>['columns'] = [
    { title: t('dec.decidedOn'), dataIndex: 'decidedOn', key: 'date', width: 110 },
    {
      title: t('dec.title'),
      key: 'title',
      render: (_, r) => (
        <Space size={4} wrap>
          <Link to={`/decisions/items/${r.id}`}>{r.title}</Link>
          {r.amendKind ? <Tag color="purple">{AMEND_KIND_LABELS[r.amendKind]}</Tag> : null}
        </Space>
      ),
    },
    { title: t('dec.kind'), key: 'kind', width: 90, render: (_, r) => ITEM_KIND_LABELS[r.kind] },
    {
      title: t('dec.tzyd'),
      key: 'tzyd',
      width: 120,
      render: (_, r) => (r.tzydCategory ? <Tag color="red">{TZYD_LABELS[r.tzydCategory]}</Tag> : '—'),
    },
    {
      title: t('dec.via'),
      key: 'via',
      width: 200,
      render: (_, r) =>
        r.origin === 'outside_meeting' ? (
          <Tag color="red">{t('dec.outside')}</Tag>
        ) : r.meetingId ? (
          <Link to={`/meetings/${r.meetingId}`}>{r.meetingTitle}</Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('dec.outcome'),
      key: 'outcome',
      width: 90,
      render: (_, r) =>
        r.outcome ? (
          <Tag color={r.outcome === 'passed' ? 'green' : 'red'}>{RESULT_LABELS[r.outcome as Result] ?? r.outcome}</Tag>
        ) : (
          '—'
        ),
    },
    {
      title: t('dec.tasks'),
      key: 'tasks',
      width: 170,
      render: (_, r) =>
        r.tasks.total ? (
          <Space size={4}>
            <Progress
              percent={Math.round((100 * r.tasks.done) / r.tasks.total)}
              size="small"
              style={{ width: 80 }}
              format={() => `${r.tasks.done}/${r.tasks.total}`}
            />
            {r.tasks.overdue ? <Tag color="red">{t('dec.overdueN', { n: r.tasks.overdue })}</Tag> : null}
          </Space>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber
          placeholder={t('dec.year')}
          min={2000}
          max={2100}
          value={f.year}
          onChange={(v) => setF({ ...f, year: v ?? undefined, page: 1 })}
        />
        <Select
          allowClear
          placeholder={t('dec.tzyd')}
          style={{ width: 150 }}
          value={f.tzyd}
          onChange={(v?: string) => setF({ ...f, tzyd: v, page: 1 })}
          options={TZYD_CATEGORIES.map((c) => ({ value: c, label: TZYD_LABELS[c] }))}
        />
        <Select
          allowClear
          placeholder={t('dec.kind')}
          style={{ width: 120 }}
          value={f.kind}
          onChange={(v?: string) => setF({ ...f, kind: v, page: 1 })}
          options={ITEM_KINDS.map((k) => ({ value: k, label: ITEM_KIND_LABELS[k] }))}
        />
        <Input.Search
          allowClear
          placeholder={t('dec.search')}
          style={{ width: 200 }}
          onSearch={(q) => setF({ ...f, q: q || undefined, page: 1 })}
        />
        <ExportButton path="/api/decisions/export.xlsx" query={{ unitId, ...f }} disabled={!unitId} />
      </Space>
      {list.error && !list.data ? (
        <ErrorView error={list.error} />
      ) : (
        <Table<Decision>
          rowKey="id"
          size="small"
          bordered
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: f.page,
            pageSize: 50,
            total: list.data?.total ?? 0,
            onChange: (page) => setF({ ...f, page }),
            showTotal: (n) => t('common.total', { n }),
            showSizeChanger: false,
          }}
        />
      )}
    </>
  );
}

function ItemsTable({ unitId }: { unitId: string | undefined }) {
  const t = useT();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const items = useItems({ unitId, status, page, pageSize: 50 });
  const columns: TableProps<ItemListEntry>['columns'] = [
    {
      title: t('dec.title'),
      key: 'title',
      render: (_, r) => (
        <Space size={4} wrap>
          <Link to={`/decisions/items/${r.id}`}>{r.title}</Link>
          {r.majorDecision ? <Tag color="magenta">{t('mtg.majorDecision')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('dec.kind'), dataIndex: 'kindLabel', key: 'kind', width: 90 },
    { title: t('dec.catalogue'), dataIndex: 'catalogueName', key: 'cat', width: 220, ellipsis: true },
    {
      title: t('dec.tzyd'),
      key: 'tzyd',
      width: 120,
      render: (_, r) => (r.tzydCategory ? <Tag color="red">{TZYD_LABELS[r.tzydCategory]}</Tag> : '—'),
    },
    {
      title: t('dec.status'),
      key: 'status',
      width: 170,
      render: (_, r) => (
        <Space size={4}>
          <Tag>{r.statusLabel}</Tag>
          {r.status === 'approved' ? (
            r.ready ? (
              <Tag color="green">{t('dec.ready')}</Tag>
            ) : (
              <Tag color="red">{t('mtg.notReady')}</Tag>
            )
          ) : null}
          {r.deferredCount ? <Tag color="orange">{t('mtg.deferredTimes', { n: r.deferredCount })}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('dec.approvedOn'),
      key: 'approvedOn',
      width: 110,
      render: (_, r) =>
        r.approvedOn ?? <Typography.Text type="secondary">{t('dec.awaitingSecretary')}</Typography.Text>,
    },
  ];
  return (
    <>
      <Select
        allowClear
        placeholder={t('dec.status')}
        style={{ width: 160, marginBottom: 12 }}
        value={status}
        onChange={(v?: string) => {
          setStatus(v);
          setPage(1);
        }}
        options={ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] }))}
      />
      {items.error && !items.data ? (
        <ErrorView error={items.error} />
      ) : (
        <Table<ItemListEntry>
          rowKey="id"
          size="small"
          bordered
          loading={items.isFetching}
          columns={columns}
          dataSource={items.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 50,
            total: items.data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => t('common.total', { n }),
          }}
        />
      )}
    </>
  );
}
