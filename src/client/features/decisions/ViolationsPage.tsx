/**
 * Violation detectors (DC-03, ZZ-03, PG-12): for the acting unit, or — for the personnel and
 * discipline offices above — across every unit they manage. Each finding cites its rule.
 */
import { Alert, DatePicker, Segmented, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Violation } from '../../../common/contracts/decisions.js';
import { CitationTag } from '../../components/CitationTag.js';
import { ExportButton } from '../../components/ExportButton.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { toDate } from '../../lib/format.js';
import { hasRole, useMe } from '../../session.js';
import { useViolations } from './api.js';

const DETECTORS = [
  'no_meeting',
  'no_vote',
  'below_quorum',
  'ad_hoc_personnel',
  'outcome_differs',
  'minutes_late',
] as const;

export default function ViolationsPage() {
  const t = useT();
  const { unitId, me } = useMe();
  const above = hasRole(me, 'personnel', unitId) || hasRole(me, 'discipline', unitId);
  const [scope, setScope] = useState<'unit' | 'below'>(above ? 'below' : 'unit');
  const [f, setF] = useState<{ from?: string; to?: string; ruleId?: string; violationUnitId?: string; page: number }>({
    page: 1,
  });
  const report = useViolations({ unitId, scope, ...f, pageSize: 50 });
  const data = report.data;
  const columns: TableProps<Violation>['columns'] = [
    { title: t('vio.date'), dataIndex: 'date', key: 'date', width: 105 },
    ...(scope === 'below' ? [{ title: t('vio.unit'), dataIndex: 'unitName', key: 'unit', width: 120 }] : []),
    { title: t('vio.rule'), key: 'rule', width: 80, render: (_, v) => <Tag color="geekblue">{v.ruleId}</Tag> },
    {
      title: t('vio.detector'),
      key: 'det',
      width: 130,
      render: (_, v) => t(`vio.det.${v.detector as (typeof DETECTORS)[number]}`),
    },
    {
      title: t('vio.finding'),
      key: 'finding',
      render: (_, v) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text>{v.finding.message_zh}</Typography.Text>
          <CitationTag citation={v.finding.citation} />
        </Space>
      ),
    },
    {
      title: t('vio.record'),
      key: 'rec',
      width: 90,
      render: (_, v) =>
        v.meetingId ? (
          <Link to={`/meetings/${v.meetingId}`}>{t('vio.meeting')}</Link>
        ) : v.itemId ? (
          <Link to={`/decisions/items/${v.itemId}`}>{t('vio.item')}</Link>
        ) : null,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('nav.violations')}
        crumbs={[{ title: t('nav.violations') }]}
        sub={t('vio.sub')}
        extra={
          above ? (
            <Segmented
              value={scope}
              onChange={(v) => {
                setScope(v as 'unit' | 'below');
                setF({ page: 1 });
              }}
              options={[
                { value: 'below', label: t('vio.below') },
                { value: 'unit', label: t('vio.unitOnly') },
              ]}
            />
          ) : null
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          onChange={(r) => setF({ ...f, from: toDate(r?.[0]) ?? undefined, to: toDate(r?.[1]) ?? undefined, page: 1 })}
        />
        <Select
          allowClear
          placeholder={t('vio.rule')}
          style={{ width: 120 }}
          value={f.ruleId}
          onChange={(v?: string) => setF({ ...f, ruleId: v, page: 1 })}
          options={['DC-03', 'ZZ-03', 'PG-06', 'PG-07', 'PG-12'].map((r) => ({ value: r, label: r }))}
        />
        {scope === 'below' ? (
          <Select
            allowClear
            placeholder={t('vio.unit')}
            style={{ width: 160 }}
            value={f.violationUnitId}
            onChange={(v?: string) => setF({ ...f, violationUnitId: v, page: 1 })}
            options={(data?.units ?? []).map((u) => ({ value: u.unitId, label: u.unitName }))}
          />
        ) : null}
        <ExportButton path="/api/decisions/violations/export.xlsx" query={{ unitId, scope, ...f }} disabled={!unitId} />
      </Space>
      {data?.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
      ))}
      {scope === 'below' && data ? (
        <Table
          size="small"
          bordered
          rowKey="unitId"
          pagination={false}
          style={{ marginBottom: 16 }}
          dataSource={data.units}
          scroll={{ x: 900 }}
          onRow={(u) => ({
            onClick: () => setF({ ...f, violationUnitId: u.unitId, page: 1 }),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('vio.unit'), dataIndex: 'unitName', key: 'n', width: 140 },
            {
              title: t('vio.total'),
              dataIndex: 'total',
              key: 't',
              width: 70,
              render: (n: number) =>
                n ? (
                  <Typography.Text type="danger" strong>
                    {n}
                  </Typography.Text>
                ) : (
                  0
                ),
            },
            ...DETECTORS.map((d) => ({
              title: t(`vio.det.${d}`),
              key: d,
              width: 110,
              render: (_: unknown, u: { byDetector: Record<string, number> }) => u.byDetector[d] ?? 0,
            })),
            { title: t('vio.lastMeeting'), dataIndex: 'lastMeetingDate', key: 'l', width: 110 },
          ]}
        />
      ) : null}
      {report.error && !data ? (
        <ErrorView error={report.error} />
      ) : (
        <Table<Violation>
          rowKey="key"
          size="small"
          bordered
          loading={report.isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={{
            current: f.page,
            pageSize: 50,
            total: data?.total ?? 0,
            onChange: (page) => setF({ ...f, page }),
            showTotal: (n) => t('common.total', { n }),
            showSizeChanger: false,
          }}
          locale={{ emptyText: t('vio.none') }}
        />
      )}
    </>
  );
}
