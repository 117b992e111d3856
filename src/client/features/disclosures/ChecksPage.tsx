/** 查核 — random checks (from draws), targeted checks and check-before-promotion, kept in separate lists. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Radio, Select, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CHECK_KIND_LABELS, TRIGGER_LABELS } from '../../../common/contracts/disclosures.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PersonPicker } from '../../components/PersonPicker.js';
import { instant, thisYearBeijing } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { createdSchema, useChecks, useDiscAction } from './api.js';
import { DisclosuresNav, yearOptions } from './common.js';
import { ClassTag } from './ItemsView.js';
import { useRun } from './useRun.js';

type Kind = 'random' | 'targeted' | 'pre_promotion';
interface NewCheck {
  personId: string;
  year: number;
  kind: 'targeted' | 'pre_promotion';
  trigger?: string;
  reason: string;
}

export default function ChecksPage() {
  const t = useT();
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind>('random');
  const [year, setYear] = useState<number | undefined>(undefined);
  const checks = useChecks({ kind, year });
  const create = useDiscAction('POST', createdSchema);
  const [form] = Form.useForm<NewCheck>();
  const { run } = useRun(form);
  const [open, setOpen] = useState(false);
  const newKind = Form.useWatch('kind', form);
  const add = async (v: NewCheck) => {
    const r = await run(() =>
      create.mutateAsync({
        path: '/api/disclosures/checks',
        body: { ...v, trigger: v.kind === 'pre_promotion' ? v.trigger : null },
      }),
    );
    if (r) void navigate(`/disclosures/checks/${r.id}`);
  };
  return (
    <>
      <PageHeader
        title={t('disc.tab.checks')}
        crumbs={[{ title: t('disc.title'), to: '/disclosures' }, { title: t('disc.tab.checks') }]}
        sub={t('disc.checksSub')}
        extra={
          <>
            <Select
              allowClear
              placeholder={t('disc.allYears')}
              value={year}
              onChange={setYear}
              options={yearOptions()}
              style={{ width: 120 }}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {t('disc.openCheck')}
            </Button>
          </>
        }
      />
      <DisclosuresNav />
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as Kind)}
        items={(['random', 'targeted', 'pre_promotion'] as const).map((k) => ({ key: k, label: CHECK_KIND_LABELS[k] }))}
      />
      <Table
        size="small"
        bordered
        rowKey="id"
        loading={checks.isFetching}
        dataSource={checks.data?.items ?? []}
        pagination={{ pageSize: 50, showTotal: (n) => t('common.total', { n }) }}
        columns={[
          {
            title: t('disc.name'),
            dataIndex: 'personName',
            width: 140,
            render: (v: string, c) => <Link to={`/disclosures/checks/${c.id}`}>{v}</Link>,
          },
          { title: t('disc.unit'), dataIndex: 'unitName', width: 140 },
          { title: t('disc.year'), dataIndex: 'year', width: 80 },
          ...(kind === 'pre_promotion'
            ? [
                {
                  title: t('disc.trigger'),
                  key: 'tr',
                  width: 180,
                  render: (_: unknown, c: { trigger: keyof typeof TRIGGER_LABELS | null }) =>
                    c.trigger ? TRIGGER_LABELS[c.trigger] : '—',
                },
              ]
            : []),
          {
            title: t('disc.status'),
            key: 's',
            width: 90,
            render: (_, c) => (
              <Tag color={c.status === 'classified' ? 'green' : 'gold'}>
                {c.status === 'classified' ? t('disc.classified') : t('disc.pending')}
              </Tag>
            ),
          },
          {
            title: t('disc.result'),
            key: 'r',
            width: 100,
            render: (_, c) => (c.status === 'classified' ? <ClassTag c={c.result} /> : '—'),
          },
          {
            title: 'PM-07',
            key: 'a',
            width: 90,
            render: (_, c) => (c.assetsFlag ? <Tag color="red">{t('disc.assetsFlag')}</Tag> : '—'),
          },
          { title: t('disc.checkedAt'), key: 'at', width: 150, render: (_, c) => instant(c.checkedAt) },
        ]}
      />
      <Modal
        open={open}
        title={t('disc.openCheck')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void add(v)}
          initialValues={{ kind: 'targeted', year: thisYearBeijing() }}
        >
          <Form.Item name="kind" label={t('disc.kind')}>
            <Radio.Group
              options={[
                { value: 'targeted', label: CHECK_KIND_LABELS.targeted },
                { value: 'pre_promotion', label: CHECK_KIND_LABELS.pre_promotion },
              ]}
            />
          </Form.Item>
          {newKind === 'pre_promotion' ? (
            <Form.Item name="trigger" label={t('disc.trigger')} rules={[{ required: true }]}>
              <Select options={Object.entries(TRIGGER_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="personId" label={t('disc.name')} rules={[{ required: true }]}>
            <PersonPicker />
          </Form.Item>
          <Form.Item name="year" label={t('disc.year')} rules={[{ required: true }]}>
            <Select options={yearOptions()} />
          </Form.Item>
          <Form.Item name="reason" label={t('disc.checkReason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
