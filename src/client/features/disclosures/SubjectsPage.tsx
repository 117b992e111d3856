/** 报告人员 — who reports in a managed unit (PM-01), this year's report and deadline of each; special cases. */
import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { thisYearBeijing, todayBeijing, toDate } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { useDiscAction, useSubjects } from './api.js';
import { DeadlineTag, DisclosuresNav, UnitPicker, useOfficeUnits, yearOptions } from './common.js';
import { useRun } from './useRun.js';

export default function SubjectsPage() {
  const t = useT();
  const units = useOfficeUnits('managed');
  const [picked, setPicked] = useState<string>();
  const unitId = picked ?? units[0]?.id;
  const [year, setYear] = useState(thisYearBeijing());
  const [all, setAll] = useState(false);
  const subjects = useSubjects(unitId, year, true);
  const post = useDiscAction('POST');
  const [form] = Form.useForm<{ personId: string; reason: string; startDate: Dayjs }>();
  const { run } = useRun(form);
  const [adding, setAdding] = useState(false);
  const rows = (subjects.data?.items ?? []).filter((r) => all || r.isSubject);
  const candidates = (subjects.data?.items ?? []).filter((r) => !r.isSubject);
  const add = async (v: { personId: string; reason: string; startDate: Dayjs }) => {
    const ok = await run(
      () =>
        post.mutateAsync({
          path: '/api/disclosures/special-subjects',
          body: { personId: v.personId, reason: v.reason, startDate: toDate(v.startDate) },
        }),
      t('common.saved'),
    );
    if (ok !== undefined) setAdding(false);
  };
  return (
    <>
      <PageHeader
        title={t('disc.tab.subjects')}
        crumbs={[{ title: t('disc.title'), to: '/disclosures' }, { title: t('disc.tab.subjects') }]}
        sub={t('disc.subjectsSub')}
        extra={
          <>
            <UnitPicker units={units} value={unitId} onChange={setPicked} />
            <Select value={year} onChange={setYear} options={yearOptions()} style={{ width: 120 }} />
            <Space size={4}>
              <Switch size="small" checked={all} onChange={setAll} />
              <Typography.Text>{t('disc.showAll')}</Typography.Text>
            </Space>
            {subjects.data?.canManage ? (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('disc.addSpecial')}
              </Button>
            ) : null}
          </>
        }
      />
      <DisclosuresNav />
      {subjects.error ? (
        <ErrorView error={subjects.error} />
      ) : (
        <Table
          size="small"
          bordered
          rowKey="personId"
          loading={subjects.isFetching}
          dataSource={rows}
          pagination={{ pageSize: 50, showTotal: (n) => t('common.total', { n }) }}
          columns={[
            {
              title: t('disc.name'),
              dataIndex: 'personName',
              width: 140,
              render: (v: string, r) => <Link to={`/people/${r.personId}`}>{v}</Link>,
            },
            { title: t('disc.post'), dataIndex: 'post', width: 140 },
            { title: t('disc.rank'), dataIndex: 'rankLabel', width: 170 },
            {
              title: t('disc.basis'),
              key: 'b',
              width: 150,
              render: (_, r) =>
                r.isSubject ? (
                  <Tooltip title={r.specialReason}>
                    <Tag color={r.basis === 'special' ? 'purple' : 'blue'}>
                      {r.basis === 'special' ? t('disc.basis.special') : t('disc.basis.rank')}
                    </Tag>
                  </Tooltip>
                ) : (
                  <Tag>{t('disc.notSubject')}</Tag>
                ),
            },
            { title: t('disc.sinceCol'), dataIndex: 'since', width: 110 },
            {
              title: t('disc.reportStatus'),
              key: 'rs',
              width: 120,
              render: (_, r) =>
                r.report ? (
                  <Link to={`/disclosures/reports/${r.report.id}`}>
                    {r.report.status === 'submitted' ? t('disc.submitted') : t('disc.draft')}
                  </Link>
                ) : r.isSubject ? (
                  <Tag color="default">{t('disc.notStarted')}</Tag>
                ) : (
                  '—'
                ),
            },
            {
              title: t('disc.deadline'),
              key: 'd',
              render: (_, r) => (r.isSubject ? <DeadlineTag d={r.deadline} /> : '—'),
            },
            {
              title: t('common.actions'),
              key: 'a',
              width: 90,
              render: (_, r) =>
                r.specialId && subjects.data?.canManage ? (
                  <Popconfirm
                    title={t('disc.endSpecialConfirm')}
                    onConfirm={() =>
                      void run(
                        () =>
                          post.mutateAsync({
                            path: `/api/disclosures/special-subjects/${r.specialId}/end`,
                            body: { endDate: todayBeijing().format('YYYY-MM-DD') },
                          }),
                        t('common.saved'),
                      )
                    }
                  >
                    <Button size="small" type="link">
                      {t('disc.endSpecial')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      )}
      <Modal
        open={adding}
        title={t('disc.addSpecial')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={post.isPending}
      >
        <Form form={form} layout="vertical" onFinish={(v) => void add(v)} initialValues={{ startDate: todayBeijing() }}>
          <Form.Item name="personId" label={t('disc.name')} rules={[{ required: true }]}>
            <Select
              showSearch={{ filterOption: (q, o) => String(o?.label ?? '').includes(q) }}
              options={candidates.map((c) => ({
                value: c.personId,
                label: `${c.personName}${c.post ? `（${c.post}）` : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('disc.specialReason')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="startDate" label={t('disc.startDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
