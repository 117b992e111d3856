/** 统计 — for the unit above: on-time rate, amendments, checks, consistency, omissions and concealments by item, per unit and year. */
import { Card, Col, Row, Select, Statistic, Table } from 'antd';
import { useMemo, useState } from 'react';
import { EChart, type ChartOption } from '../../components/EChart.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { thisYearBeijing } from '../../lib/format.js';
import { useStats } from './api.js';
import { DisclosuresNav, UnitPicker, useOfficeUnits, yearOptions } from './common.js';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export default function StatsPage() {
  const t = useT();
  const offices = useOfficeUnits('office');
  const [picked, setPicked] = useState<string>();
  const unitId = picked ?? offices[0]?.id;
  const [year, setYear] = useState(thisYearBeijing());
  const stats = useStats(unitId, year);
  const s = stats.data;
  const rateChart = useMemo<ChartOption | null>(() => {
    if (!s) return null;
    const rows = [...s.rows].sort((a, b) => (a.onTimeRate ?? 0) - (b.onTimeRate ?? 0)).slice(0, 30);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 64 },
      xAxis: { type: 'category', data: rows.map((r) => r.unitName), axisLabel: { rotate: 40, fontSize: 11 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('disc.onTimeRate'), type: 'bar', data: rows.map((r) => Math.round((r.onTimeRate ?? 0) * 1000) / 10) },
        {
          name: t('disc.consistencyRate'),
          type: 'bar',
          data: rows.map((r) => (r.consistencyRate === null ? null : Math.round(r.consistencyRate * 1000) / 10)),
        },
      ],
    };
  }, [s, t]);
  const itemChart = useMemo<ChartOption | null>(() => {
    if (!s) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 64 },
      xAxis: {
        type: 'category',
        data: s.byItem.map((b) => b.label.split(' ')[0]?.replace('.', '') ?? ''),
        name: t('disc.itemNo'),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('disc.omissions'),
          type: 'bar',
          stack: 'x',
          itemStyle: { color: '#fa8c16' },
          data: s.byItem.map((b) => b.omissions),
        },
        {
          name: t('disc.concealments'),
          type: 'bar',
          stack: 'x',
          itemStyle: { color: '#f5222d' },
          data: s.byItem.map((b) => b.concealments),
        },
      ],
    };
  }, [s, t]);
  return (
    <>
      <PageHeader
        title={t('disc.tab.stats')}
        crumbs={[{ title: t('disc.title'), to: '/disclosures' }, { title: t('disc.tab.stats') }]}
        sub={t('disc.statsSub')}
        extra={
          <>
            <UnitPicker units={offices} value={unitId} onChange={setPicked} />
            <Select value={year} onChange={setYear} options={yearOptions()} style={{ width: 120 }} />
          </>
        }
      />
      <DisclosuresNav />
      {stats.error ? (
        <ErrorView error={stats.error} />
      ) : s ? (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {[
              [t('disc.expected'), s.totals.expected],
              [t('disc.submitted'), s.totals.submitted],
              [t('disc.onTimeRate'), pct(s.totals.onTimeRate)],
              [t('disc.amendments'), s.totals.amendments],
              [t('disc.checked'), s.totals.checked],
              [t('disc.consistencyRate'), pct(s.totals.consistencyRate)],
              [t('disc.omissions'), s.totals.omissions],
              [t('disc.concealments'), s.totals.concealments],
            ].map(([label, value]) => (
              <Col key={String(label)} xs={12} md={3}>
                <Card size="small">
                  <Statistic title={label} value={value as string | number} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('disc.chartRates')}>
                {rateChart ? <EChart option={rateChart} height={280} /> : null}
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('disc.chartItems')}>
                {itemChart ? <EChart option={itemChart} height={280} /> : null}
              </Card>
            </Col>
          </Row>
          <Table
            size="small"
            bordered
            rowKey="unitId"
            dataSource={s.rows}
            pagination={{ pageSize: 50 }}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('disc.total')}</Table.Summary.Cell>
                {[
                  s.totals.expected,
                  s.totals.submitted,
                  pct(s.totals.onTimeRate),
                  s.totals.amendments,
                  s.totals.checked,
                  pct(s.totals.consistencyRate),
                  s.totals.omissions,
                  s.totals.concealments,
                ].map((v, i) => (
                  <Table.Summary.Cell key={i} index={i + 1} align="right">
                    {v}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
            columns={[
              { title: t('disc.unit'), dataIndex: 'unitName' },
              { title: t('disc.expected'), dataIndex: 'expected', align: 'right', width: 90 },
              { title: t('disc.submitted'), dataIndex: 'submitted', align: 'right', width: 90 },
              {
                title: t('disc.onTimeRate'),
                key: 'otr',
                align: 'right',
                width: 100,
                render: (_, r) => pct(r.onTimeRate),
                sorter: (a, b) => (a.onTimeRate ?? 0) - (b.onTimeRate ?? 0),
              },
              { title: t('disc.amendments'), dataIndex: 'amendments', align: 'right', width: 80 },
              { title: t('disc.checked'), dataIndex: 'checked', align: 'right', width: 80 },
              {
                title: t('disc.consistencyRate'),
                key: 'cr',
                align: 'right',
                width: 100,
                render: (_, r) => pct(r.consistencyRate),
              },
              { title: t('disc.omissions'), dataIndex: 'omissions', align: 'right', width: 80 },
              { title: t('disc.concealments'), dataIndex: 'concealments', align: 'right', width: 90 },
            ]}
          />
          <Card size="small" title={t('disc.byYear')} style={{ marginTop: 12 }}>
            <Table
              size="small"
              bordered
              rowKey="year"
              pagination={false}
              dataSource={s.years}
              columns={[
                { title: t('disc.year'), dataIndex: 'year' },
                { title: t('disc.submitted'), dataIndex: 'submitted', align: 'right' },
                { title: t('disc.onTime'), dataIndex: 'onTime', align: 'right' },
                { title: t('disc.checked'), dataIndex: 'checked', align: 'right' },
                { title: t('disc.consistent'), dataIndex: 'consistent', align: 'right' },
              ]}
            />
          </Card>
        </>
      ) : null}
    </>
  );
}
