/** 随机抽查 — the year's draws of the office (and the published ones a reporter is on). */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DRAW_STATUS_LABELS } from '../../../common/contracts/disclosures.js';
import { PageHeader } from '../../components/PageHeader.js';
import { instant, thisYearBeijing } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { useMe } from '../../session.js';
import { createdSchema, useDiscAction, useDraws } from './api.js';
import { DisclosuresNav, UnitPicker, useOfficeUnits, yearOptions } from './common.js';
import { useRun } from './useRun.js';

export const DRAW_COLOR: Record<string, string> = { prepared: 'gold', published: 'blue', drawn: 'green' };

export default function DrawsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useMe();
  const draws = useDraws();
  const offices = useOfficeUnits('office').filter((u) =>
    me.roles.some((r) => r.role === 'personnel' && r.unitId === u.id),
  );
  const create = useDiscAction('POST', createdSchema);
  const [form] = Form.useForm<{ unitId: string; year: number; ratio: number }>();
  const { run } = useRun(form);
  const [open, setOpen] = useState(false);
  const prepare = async (v: { unitId: string; year: number; ratio: number }) => {
    const r = await run(() =>
      create.mutateAsync({
        path: '/api/disclosures/draws',
        body: { unitId: v.unitId, year: v.year, ratio: v.ratio / 100 },
      }),
    );
    if (r) void navigate(`/disclosures/draws/${r.id}`);
  };
  return (
    <>
      <PageHeader
        title={t('disc.tab.draws')}
        crumbs={[{ title: t('disc.title'), to: '/disclosures' }, { title: t('disc.tab.draws') }]}
        sub={t('disc.drawsSub')}
        extra={
          offices.length ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {t('disc.prepareDraw')}
            </Button>
          ) : undefined
        }
      />
      <DisclosuresNav />
      <Table
        size="small"
        bordered
        rowKey="id"
        loading={draws.isPending}
        dataSource={draws.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('disc.year'),
            dataIndex: 'year',
            width: 80,
            render: (v: number, d) => <Link to={`/disclosures/draws/${d.id}`}>{v}</Link>,
          },
          { title: t('disc.office'), dataIndex: 'unitName', width: 140 },
          {
            title: t('disc.status'),
            key: 's',
            width: 120,
            render: (_, d) => <Tag color={DRAW_COLOR[d.status]}>{DRAW_STATUS_LABELS[d.status]}</Tag>,
          },
          { title: t('disc.eligible'), dataIndex: 'eligibleCount', width: 90, align: 'right' },
          {
            title: t('disc.ratio'),
            key: 'r',
            width: 80,
            align: 'right',
            render: (_, d) => `${(d.ratio * 100).toFixed(2).replace(/\.?0+$/, '')}%`,
          },
          { title: t('disc.selectCount'), dataIndex: 'selectCount', width: 90, align: 'right' },
          {
            title: t('disc.commitment'),
            key: 'c',
            render: (_, d) => (
              <Typography.Text code style={{ fontSize: 11 }}>
                {d.commitment.slice(0, 16)}…
              </Typography.Text>
            ),
          },
          { title: t('disc.publishedAt'), key: 'p', width: 150, render: (_, d) => instant(d.publishedAt) },
          {
            title: t('disc.verified'),
            key: 'v',
            width: 90,
            render: (_, d) =>
              d.verifiedOk === null ? (
                '—'
              ) : (
                <Tag color={d.verifiedOk ? 'green' : 'red'}>{d.verifiedOk ? t('disc.match') : t('disc.mismatch')}</Tag>
              ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('disc.prepareDraw')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
      >
        <Typography.Paragraph type="secondary">{t('disc.prepareHint')}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void prepare(v)}
          initialValues={{ unitId: offices[0]?.id, year: thisYearBeijing(), ratio: 10 }}
        >
          <Form.Item name="unitId" label={t('disc.office')} rules={[{ required: true }]}>
            <UnitPicker units={offices} />
          </Form.Item>
          <Form.Item name="year" label={t('disc.year')} rules={[{ required: true }]}>
            <Select options={yearOptions()} />
          </Form.Item>
          <Form.Item name="ratio" label={t('disc.ratioPct')} rules={[{ required: true }]} extra={t('disc.ratioHint')}>
            <InputNumber min={0} max={100} precision={2} suffix="%" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
