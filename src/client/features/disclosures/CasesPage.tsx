/**
 * 案件处理 — omissions and concealments (PM-09, PM-10): measures from the unit's mapping of
 * (classification, severity); closing ends a concealment restriction. Relatives' business cases
 * (FB-03, FB-04): the relative exits or the cadre is adjusted, by the deadline.
 */
import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  CLASSIFICATION_LABELS,
  FB_OUTCOME_LABELS,
  SEVERITY_LABELS,
  type caseSchema,
} from '../../../common/contracts/disclosures.js';
import type { z } from 'zod';
import { PageHeader } from '../../components/PageHeader.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { toDate, todayBeijing } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { findingsResultSchema, useBusinessCases, useCases, useDiscAction } from './api.js';
import { DisclosuresNav } from './common.js';
import { useRun } from './useRun.js';

type Case = z.infer<typeof caseSchema>;
interface Decision {
  severity: 'minor' | 'serious';
  measures: string[];
  note?: string;
  referDiscipline: boolean;
}

function DecideModal({ c, onClose }: { c: Case; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Decision>();
  const post = useDiscAction('POST', findingsResultSchema);
  const { run, findings } = useRun(form);
  const severity = Form.useWatch('severity', form) ?? 'minor';
  const allowed = c.allowedMeasures[severity] ?? [];
  const [done, setDone] = useState(false);
  const submit = async (v: Decision) => {
    const r = await run(
      () => post.mutateAsync({ path: `/api/disclosures/cases/${c.id}/decision`, body: v }),
      t('common.saved'),
    );
    if (r) {
      if (r.findings.some((f) => f.kind !== 'info')) setDone(true);
      else onClose();
    }
  };
  return (
    <Modal
      open
      title={t('disc.decide', { name: c.personName })}
      onCancel={onClose}
      onOk={() => (done ? onClose() : form.submit())}
      confirmLoading={post.isPending}
      okText={done ? t('disc.close') : t('disc.submit')}
    >
      <RuleFindings findings={findings} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          severity: c.classification === 'concealment' ? 'serious' : 'minor',
          measures: [],
          referDiscipline: false,
        }}
      >
        <Form.Item name="severity" label={t('disc.severity')}>
          <Radio.Group options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="measures"
          label={t('disc.measures')}
          rules={[{ required: true }]}
          extra={t('disc.measuresHint')}
        >
          <Select mode="tags" options={allowed.map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        <Form.Item name="note" label={t('disc.decisionNote')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="referDiscipline" label={t('disc.referDiscipline')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function CasesPage() {
  const t = useT();
  const cases = useCases();
  const business = useBusinessCases();
  const post = useDiscAction('POST');
  const { run } = useRun();
  const [deciding, setDeciding] = useState<Case | null>(null);
  const [resolving, setResolving] = useState<string | null>(null);
  const [form] = Form.useForm<{ outcome: 'relative_exit' | 'cadre_adjusted'; resolvedOn: Dayjs; note?: string }>();
  return (
    <>
      <PageHeader
        title={t('disc.tab.cases')}
        crumbs={[{ title: t('disc.title'), to: '/disclosures' }, { title: t('disc.tab.cases') }]}
        sub={t('disc.casesSub')}
      />
      <DisclosuresNav />
      <Card size="small" title={t('disc.pmCases')} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          bordered
          rowKey="id"
          loading={cases.isPending}
          dataSource={cases.data?.items ?? []}
          pagination={false}
          columns={[
            {
              title: t('disc.name'),
              dataIndex: 'personName',
              width: 120,
              render: (v: string, c) => <Link to={`/disclosures/checks/${c.checkId}`}>{v}</Link>,
            },
            { title: t('disc.unit'), dataIndex: 'unitName', width: 120 },
            { title: t('disc.year'), dataIndex: 'year', width: 70 },
            {
              title: t('disc.classification'),
              key: 'c',
              width: 100,
              render: (_, c) => (
                <Tag color={c.classification === 'concealment' ? 'red' : 'orange'}>
                  {CLASSIFICATION_LABELS[c.classification]}
                </Tag>
              ),
            },
            {
              title: t('disc.status'),
              key: 's',
              width: 90,
              render: (_, c) => (
                <Tag color={c.status === 'closed' ? 'default' : c.status === 'decided' ? 'blue' : 'gold'}>
                  {t(`disc.case.${c.status}`)}
                </Tag>
              ),
            },
            {
              title: t('disc.severity'),
              key: 'sv',
              width: 90,
              render: (_, c) => (c.severity ? SEVERITY_LABELS[c.severity] : '—'),
            },
            {
              title: t('disc.measures'),
              key: 'm',
              render: (_, c) => (
                <Space size={2} wrap>
                  {c.measures.map((m) => (
                    <Tag key={m}>{m}</Tag>
                  ))}
                  {c.referDiscipline ? <Tag color="purple">PM-10 {t('disc.referred')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('disc.restriction'),
              key: 'rs',
              width: 150,
              render: (_, c) =>
                c.restrictionActive ? (
                  <Link to={`/people/${c.personId}`}>
                    <Tag color="red">{t('disc.restrictionActive')}</Tag>
                  </Link>
                ) : (
                  '—'
                ),
            },
            {
              title: t('common.actions'),
              key: 'a',
              width: 90,
              render: (_, c) =>
                c.canDecide ? (
                  <Button size="small" type="link" onClick={() => setDeciding(c)}>
                    {t('disc.handle')}
                  </Button>
                ) : c.canClose ? (
                  <Button
                    size="small"
                    type="link"
                    onClick={() =>
                      void run(
                        () => post.mutateAsync({ path: `/api/disclosures/cases/${c.id}/close`, body: {} }),
                        t('disc.closedOk'),
                      )
                    }
                  >
                    {t('disc.closeCase')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('disc.fbCases')}>
        <Table
          size="small"
          bordered
          rowKey="id"
          loading={business.isPending}
          dataSource={business.data?.items ?? []}
          pagination={false}
          expandable={{
            rowExpandable: (b) => b.findings.length > 0,
            expandedRowRender: (b) => <RuleFindings findings={b.findings} />,
          }}
          columns={[
            { title: t('disc.name'), dataIndex: 'personName', width: 110 },
            {
              title: t('disc.relative'),
              key: 'r',
              width: 140,
              render: (_, b) => `${b.relationLabel} ${b.relativeName}`,
            },
            {
              title: t('disc.activity'),
              key: 'ac',
              render: (_, b) => (
                <>
                  <Tag color="geekblue">{b.ruleId}</Tag>
                  {b.activityLabel}：{b.detail}
                </>
              ),
            },
            {
              title: t('disc.deadline'),
              key: 'd',
              width: 120,
              render: (_, b) => (
                <Typography.Text type={b.overdue ? 'danger' : undefined}>{b.deadline ?? '—'}</Typography.Text>
              ),
            },
            {
              title: t('disc.outcome'),
              key: 'o',
              width: 180,
              render: (_, b) =>
                b.outcome ? (
                  `${FB_OUTCOME_LABELS[b.outcome]}（${b.resolvedOn ?? ''}）`
                ) : (
                  <Tag color={b.overdue ? 'red' : 'gold'}>{b.overdue ? t('disc.overdue') : t('disc.open')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'a',
              width: 80,
              render: (_, b) =>
                b.canResolve ? (
                  <Button size="small" type="link" onClick={() => setResolving(b.id)}>
                    {t('disc.resolve')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {deciding ? <DecideModal c={deciding} onClose={() => setDeciding(null)} /> : null}
      <Modal
        open={!!resolving}
        title={t('disc.resolve')}
        onCancel={() => setResolving(null)}
        onOk={() => form.submit()}
        confirmLoading={post.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ outcome: 'relative_exit', resolvedOn: todayBeijing() }}
          onFinish={(v) =>
            void run(
              () =>
                post.mutateAsync({
                  path: `/api/disclosures/business-cases/${resolving ?? ''}/resolve`,
                  body: { outcome: v.outcome, resolvedOn: toDate(v.resolvedOn), note: v.note ?? null },
                }),
              t('common.saved'),
            ).then((r) => {
              if (r !== undefined) setResolving(null);
            })
          }
        >
          <Form.Item name="outcome" label={t('disc.outcome')}>
            <Radio.Group options={Object.entries(FB_OUTCOME_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="resolvedOn" label={t('disc.resolvedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={t('disc.decisionNote')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
