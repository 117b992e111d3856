/** 个人有关事项报告 — the reporter's own page: duty, deadline, reports, checks, cases, and who read them. */
import { EyeOutlined, FileAddOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  CLASSIFICATION_LABELS,
  FAMILY_ITEM_KEYS,
  ITEM_LABELS,
  emptyItems,
  type FamilyItemKey,
} from '../../../common/contracts/disclosures.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { instant, thisYearBeijing, toDate } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { useMe } from '../../session.js';
import { createdSchema, useDiscAction, useMyDisclosures, useMyReads, usePublication } from './api.js';
import { DeadlineTag, DisclosuresNav, KindTag } from './common.js';
import { ClassTag } from './ItemsView.js';
import { useRun } from './useRun.js';

function ChangeReportModal({ year, onClose }: { year: number; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useDiscAction('POST', createdSchema);
  const { run } = useRun();
  const [form] = Form.useForm<{ eventDate: Dayjs; item: FamilyItemKey }>();
  const submit = async (v: { eventDate: Dayjs; item: FamilyItemKey }) => {
    const r = await run(() =>
      create.mutateAsync({
        path: '/api/disclosures/reports',
        body: { year, kind: 'change', eventDate: toDate(v.eventDate), items: { [v.item]: emptyItems()[v.item] } },
      }),
    );
    if (r) void navigate(`/disclosures/reports/${r.id}`);
  };
  return (
    <Modal
      open
      title={t('disc.changeReport')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t('disc.create')}
    >
      <Typography.Paragraph type="secondary">{t('disc.changeHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="eventDate" label={t('disc.eventDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="item" label={t('disc.changedItem')} rules={[{ required: true }]}>
          <Select options={FAMILY_ITEM_KEYS.map((k) => ({ value: k, label: ITEM_LABELS[k] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function MyDisclosuresPage() {
  const t = useT();
  const navigate = useNavigate();
  const { unitId } = useMe();
  const data = useMyDisclosures();
  const reads = useMyReads();
  const create = useDiscAction('POST', createdSchema);
  const { run } = useRun();
  const [changing, setChanging] = useState(false);
  const year = data.data?.year ?? thisYearBeijing();
  const publication = usePublication(unitId, year);
  const startAnnual = async () => {
    const r = await run(() =>
      create.mutateAsync({ path: '/api/disclosures/reports', body: { year, kind: 'annual', prefill: true } }),
    );
    if (r) void navigate(`/disclosures/reports/${r.id}`);
  };
  return (
    <>
      <PageHeader title={t('disc.title')} crumbs={[{ title: t('disc.title') }]} sub={t('disc.sub')} />
      <DisclosuresNav />
      <QueryState query={data}>
        {(d) => {
          const current = d.reports.find((r) => r.year === d.year && r.kind !== 'change');
          return (
            <>
              <Card
                size="small"
                title={t('disc.duty')}
                style={{ marginBottom: 12 }}
                extra={
                  d.subject.isSubject ? (
                    <Space>
                      {current ? (
                        <Button type="primary" onClick={() => void navigate(`/disclosures/reports/${current.id}`)}>
                          {t('disc.openYear', { year: d.year })}
                        </Button>
                      ) : (
                        <Button
                          type="primary"
                          icon={<FileAddOutlined />}
                          loading={create.isPending}
                          onClick={() => void startAnnual()}
                        >
                          {t('disc.startYear', { year: d.year })}
                        </Button>
                      )}
                      <Button onClick={() => setChanging(true)}>{t('disc.changeReport')}</Button>
                    </Space>
                  ) : null
                }
              >
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 3 }}
                  items={[
                    {
                      key: 'who',
                      label: t('disc.reporter'),
                      children: `${d.personName ?? '—'}（${d.unitName ?? '—'}）`,
                    },
                    {
                      key: 's',
                      label: t('disc.subject'),
                      children: d.subject.isSubject ? (
                        <Space size={4}>
                          <Tag color="blue">
                            {d.subject.basis === 'special' ? t('disc.basis.special') : t('disc.basis.rank')}
                          </Tag>
                          {t('disc.since', { date: d.subject.since ?? '—' })}
                          {d.subject.reason ? `（${d.subject.reason}）` : ''}
                        </Space>
                      ) : (
                        <Tag>{t('disc.notSubject')}</Tag>
                      ),
                    },
                    {
                      key: 'd',
                      label: t('disc.deadlineThisYear', { year: d.year }),
                      children: <DeadlineTag d={d.deadline} />,
                    },
                  ]}
                />
                {d.pendingExplanations ? (
                  <Alert
                    style={{ marginTop: 8 }}
                    type="warning"
                    showIcon
                    title={t('disc.explainPending', { n: d.pendingExplanations })}
                  />
                ) : null}
              </Card>
              <Card size="small" title={t('disc.myReports')} style={{ marginBottom: 12 }}>
                <Table
                  size="small"
                  bordered
                  rowKey="id"
                  pagination={false}
                  dataSource={d.reports}
                  columns={[
                    { title: t('disc.year'), dataIndex: 'year', width: 80 },
                    { title: t('disc.kind'), key: 'k', width: 150, render: (_, r) => <KindTag kind={r.kind} /> },
                    {
                      title: t('disc.status'),
                      key: 's',
                      width: 90,
                      render: (_, r) => (
                        <Tag color={r.status === 'submitted' ? 'green' : 'gold'}>
                          {r.status === 'submitted' ? t('disc.submitted') : t('disc.draft')}
                        </Tag>
                      ),
                    },
                    { title: t('disc.deadline'), key: 'd', render: (_, r) => <DeadlineTag d={r.deadline} /> },
                    { title: t('disc.submittedAt'), key: 'at', width: 150, render: (_, r) => instant(r.submittedAt) },
                    { title: t('disc.amendments'), dataIndex: 'amendmentCount', width: 80, align: 'right' },
                    {
                      title: t('common.actions'),
                      key: 'a',
                      width: 80,
                      render: (_, r) => <Link to={`/disclosures/reports/${r.id}`}>{t('disc.open')}</Link>,
                    },
                  ]}
                />
              </Card>
              {d.checks.length ? (
                <Card size="small" title={t('disc.myChecks')} style={{ marginBottom: 12 }}>
                  <Table
                    size="small"
                    bordered
                    rowKey="id"
                    pagination={false}
                    dataSource={d.checks}
                    columns={[
                      { title: t('disc.year'), dataIndex: 'year', width: 80 },
                      { title: t('disc.kind'), key: 'k', width: 120, render: (_, c) => <KindTag kind={c.kind} /> },
                      {
                        title: t('disc.result'),
                        key: 'r',
                        width: 100,
                        render: (_, c) =>
                          c.status === 'pending' ? <Tag>{t('disc.pending')}</Tag> : <ClassTag c={c.result} />,
                      },
                      {
                        title: t('common.actions'),
                        key: 'a',
                        render: (_, c) => <Link to={`/disclosures/checks/${c.id}`}>{t('disc.open')}</Link>,
                      },
                    ]}
                  />
                </Card>
              ) : null}
              {d.cases.length || d.businessCases.length ? (
                <Card size="small" title={t('disc.myCases')} style={{ marginBottom: 12 }}>
                  {d.cases.map((c) => (
                    <div key={c.id}>
                      <Space>
                        <Tag color="red">{CLASSIFICATION_LABELS[c.classification]}</Tag>
                        {c.year}
                        <Tag>{t(`disc.case.${c.status}`)}</Tag>
                        {c.measures.join('、')}
                      </Space>
                    </div>
                  ))}
                  {d.businessCases.map((b) => (
                    <div key={b.id}>
                      <Space>
                        <Tag color="orange">{b.ruleId}</Tag>
                        {b.relationLabel} {b.relativeName}：{b.activityLabel}（{b.detail}）
                        <Tag color={b.overdue ? 'red' : 'default'}>
                          {b.status === 'open' ? t('disc.dueBy', { date: b.deadline ?? '—' }) : t('disc.resolved')}
                        </Tag>
                      </Space>
                    </div>
                  ))}
                </Card>
              ) : null}
            </>
          );
        }}
      </QueryState>
      <Card
        size="small"
        title={
          <Space>
            <EyeOutlined />
            {t('disc.whoRead')}
          </Space>
        }
        style={{ marginBottom: 12 }}
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('disc.whoReadHint')}
        </Typography.Paragraph>
        <Table
          size="small"
          bordered
          rowKey={(r) => `${r.at}-${r.reportId}-${r.actorName}`}
          loading={reads.isPending}
          dataSource={reads.data?.items ?? []}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('disc.readAt'), key: 'at', width: 150, render: (_, r) => instant(r.at) },
            {
              title: t('disc.reader'),
              key: 'who',
              render: (_, r) => (r.self ? <Tag>{t('disc.self')}</Tag> : r.actorName),
            },
            { title: t('disc.purpose'), dataIndex: 'purpose', width: 120 },
            { title: t('disc.year'), dataIndex: 'year', width: 80 },
          ]}
        />
      </Card>
      {publication.data?.enabled ? (
        <Card size="small" title={t('disc.publication', { year })}>
          <Table
            size="small"
            bordered
            rowKey={(_, i) => String(i)}
            pagination={false}
            dataSource={publication.data.rows}
            columns={[
              { title: t('disc.reporter'), dataIndex: 'personName' },
              { title: t('disc.relation'), dataIndex: 'relationLabel' },
              { title: t('disc.employer'), dataIndex: 'employer' },
              { title: t('disc.post'), dataIndex: 'post' },
              { title: t('disc.employerType'), dataIndex: 'employerTypeLabel' },
            ]}
          />
        </Card>
      ) : null}
      {changing ? <ChangeReportModal year={year} onClose={() => setChanging(false)} /> : null}
    </>
  );
}
