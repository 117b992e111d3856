/** Annual grades: my own grades, the grading batches of the units I hold authority over, and the follow-up tasks (KH-07). */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  ASSESSMENT_TYPES,
  ASSESSMENT_TYPE_LABELS,
  type AssessmentType,
} from '../../../common/contracts/assessments.js';
import { PageHeader } from '../../components/PageHeader.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { useT } from '../../i18n.js';
import { thisYearBeijing } from '../../lib/format.js';
import { hasRole, useMe } from '../../session.js';
import { useBatches, useCompleteTask, useCreateBatch, useMyGrades, useTasks } from './api.js';

function NewBatchModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreateBatch();
  const [form] = Form.useForm<{ unitId: string; year: number; type: AssessmentType }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await create.mutateAsync(v);
      void navigate(`/assessments/${r.id}`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal
      open
      title={t('grades.newBatch')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ year: thisYearBeijing() - 1, type: 'annual' }}>
        <Form.Item
          name="unitId"
          label={t('ballots.col.unit')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <UnitSelect filter={(u) => u.canManage} />
        </Form.Item>
        <Form.Item name="year" label={t('ballots.col.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="type" label={t('grades.type')}>
          <Select options={ASSESSMENT_TYPES.map((x) => ({ value: x, label: ASSESSMENT_TYPE_LABELS[x] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TasksCard() {
  const t = useT();
  const { message } = App.useApp();
  const tasks = useTasks('open');
  const complete = useCompleteTask();
  const [doing, setDoing] = useState<{ id: string; note: string } | null>(null);
  if (!tasks.data?.length) return null;
  return (
    <Card size="small" title={t('grades.tasks')} style={{ marginTop: 16 }}>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={tasks.data}
        columns={[
          { title: t('grades.person'), key: 'p', render: (_, r) => `${r.personName}（${r.unitName}）` },
          { title: t('ballots.col.year'), dataIndex: 'year', key: 'y', width: 70 },
          { title: t('grades.task'), dataIndex: 'title', key: 't' },
          {
            title: t('common.actions'),
            key: 'a',
            width: 90,
            render: (_, r) => (
              <Button size="small" onClick={() => setDoing({ id: r.id, note: '' })}>
                {t('grades.complete')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={Boolean(doing)}
        title={t('grades.complete')}
        onCancel={() => setDoing(null)}
        confirmLoading={complete.isPending}
        onOk={() =>
          doing &&
          void complete.mutateAsync(doing).then(
            () => setDoing(null),
            (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
          )
        }
      >
        <Input.TextArea
          value={doing?.note}
          onChange={(e) => doing && setDoing({ ...doing, note: e.target.value })}
          placeholder={t('grades.completeNote')}
          aria-label={t('grades.completeNote')}
        />
      </Modal>
    </Card>
  );
}

export default function GradesPage() {
  const t = useT();
  const { me } = useMe();
  const batches = useBatches();
  const mine = useMyGrades();
  const [creating, setCreating] = useState(false);
  const canCreate = hasRole(me, 'personnel') && me.managedUnitIds.length > 0;
  return (
    <>
      <PageHeader
        title={t('nav.grades')}
        crumbs={[{ title: t('nav.grades') }]}
        sub={t('grades.sub')}
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('grades.newBatch')}
            </Button>
          ) : null
        }
      />
      {mine.data?.length ? (
        <Card size="small" title={t('grades.mine')} style={{ marginBottom: 16 }}>
          <Table
            size="small"
            pagination={false}
            rowKey="batchId"
            dataSource={mine.data}
            columns={[
              { title: t('ballots.col.year'), dataIndex: 'year', key: 'y', width: 70 },
              { title: t('grades.batch'), dataIndex: 'title', key: 't' },
              {
                title: t('grades.grade'),
                key: 'g',
                render: (_, r) =>
                  r.gradeLabel ? (
                    <Tag color={r.grade === 'excellent' ? 'gold' : r.grade === 'incompetent' ? 'red' : 'blue'}>
                      {r.gradeLabel}
                    </Tag>
                  ) : (
                    t('grades.pending')
                  ),
              },
              {
                title: t('grades.teamGrade'),
                dataIndex: 'teamGrade',
                key: 'tg',
                render: (v: string | null) => v ?? t('grades.pending'),
              },
              {
                title: t('grades.reviewBy'),
                dataIndex: 'reviewDeadline',
                key: 'rd',
                render: (v: string | null) => v ?? '—',
              },
            ]}
          />
        </Card>
      ) : null}
      {me.managedUnitIds.length === 0 &&
      !batches.data?.length &&
      !mine.data?.length &&
      !mine.isFetching &&
      !batches.isFetching ? (
        <Card size="small">
          <Empty description={t('grades.none')} />
        </Card>
      ) : null}
      {me.managedUnitIds.length === 0 && !batches.data?.length ? null : (
        <Table
          size="small"
          bordered
          rowKey="id"
          loading={batches.isFetching}
          dataSource={batches.data ?? []}
          columns={[
            {
              title: t('grades.batch'),
              key: 't',
              render: (_, r) => <Link to={`/assessments/${r.id}`}>{r.title}</Link>,
            },
            { title: t('ballots.col.unit'), dataIndex: 'unitName', key: 'u', width: 140 },
            { title: t('ballots.col.year'), dataIndex: 'year', key: 'y', width: 70 },
            { title: t('grades.type'), key: 'ty', width: 100, render: (_, r) => ASSESSMENT_TYPE_LABELS[r.type] },
            {
              title: t('grades.teamGrade'),
              dataIndex: 'teamGrade',
              key: 'tg',
              width: 100,
              render: (v: string | null) => v ?? '—',
            },
            { title: t('grades.progress'), key: 'p', width: 100, render: (_, r) => `${r.graded} / ${r.members}` },
          ]}
        />
      )}
      <TasksCard />
      {creating ? <NewBatchModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
