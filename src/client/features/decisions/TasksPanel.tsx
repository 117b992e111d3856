/** Follow-through of one decision (督办, ZD-09): tasks with deadlines and progress, and post-decision evaluations. */
import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { ItemDetail, Task } from '../../../common/contracts/decisions.js';
import { PersonPicker } from '../../components/PersonPicker.js';
import { useT } from '../../i18n.js';
import { toDate } from '../../lib/format.js';
import { useRun } from '../meetings/useRun.js';
import { useDecisionWrite, useEvaluations, useTasks } from './api.js';

export const TASK_COLOR: Record<string, string> = {
  not_started: 'default',
  in_progress: 'blue',
  done: 'green',
  overdue: 'red',
  suspended: 'purple',
};

export function TaskLine({ task, onReport }: { task: Task; onReport?: (t: Task) => void }) {
  const t = useT();
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }} data-testid={`task-${task.id}`}>
      <Space size={4} wrap>
        <Typography.Text strong>{task.title}</Typography.Text>
        <Tag color={TASK_COLOR[task.state]}>{task.stateLabel}</Tag>
      </Space>
      <Typography.Text type={task.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {t('task.owner')}：{task.ownerName ?? task.ownerUnit ?? '—'} · {t('task.deadline')}：{task.deadline}
      </Typography.Text>
      <Progress
        percent={task.percent}
        size="small"
        status={task.overdue ? 'exception' : task.state === 'done' ? 'success' : 'active'}
      />
      {task.progress.at(-1) ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {task.progress.at(-1)?.note}
        </Typography.Text>
      ) : null}
      {task.suspendedReason ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {task.suspendedReason}
        </Typography.Text>
      ) : null}
      {task.canReport && onReport ? (
        <Button size="small" onClick={() => onReport(task)}>
          {t('task.report')}
        </Button>
      ) : null}
    </Space>
  );
}

export function ProgressModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const { run } = useRun();
  const write = useDecisionWrite<Record<string, unknown>>(() => `/api/decisions/tasks/${task.id}/progress`);
  const submit = async () => {
    const v = await form.validateFields();
    const r = await run(() => write.mutateAsync(v), t('common.saved'));
    if (r !== undefined) onClose();
  };
  return (
    <Modal
      open
      title={t('task.reportFor', { title: task.title })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={write.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ percent: task.percent }}>
        <Form.Item name="percent" label={t('task.percent')} rules={[{ required: true }]}>
          <InputNumber min={task.percent} max={100} addonAfter="%" />
        </Form.Item>
        <Form.Item name="note" label={t('task.note')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TasksPanel({ it }: { it: ItemDetail }) {
  const t = useT();
  const tasks = useTasks({ unitId: it.unitId, itemId: it.id });
  const evals = useEvaluations(it.id);
  const [adding, setAdding] = useState<'task' | 'eval' | null>(null);
  const [reporting, setReporting] = useState<Task | null>(null);
  const [form] = Form.useForm();
  const { run } = useRun();
  const addTask = useDecisionWrite<Record<string, unknown>>(() => `/api/decisions/items/${it.id}/tasks`);
  const addEval = useDecisionWrite<Record<string, unknown>>(() => `/api/decisions/items/${it.id}/evaluations`);
  const submit = async () => {
    const v = await form.validateFields();
    const r =
      adding === 'task'
        ? await run(
            () => addTask.mutateAsync({ ...v, deadline: toDate(v.deadline), ownerPersonId: v.ownerPersonId ?? null }),
            t('common.saved'),
          )
        : await run(() => addEval.mutateAsync({ ...v, evaluatedOn: toDate(v.evaluatedOn) }), t('common.saved'));
    if (r !== undefined) setAdding(null);
  };
  return (
    <>
      <Card
        size="small"
        title={t('task.title')}
        style={{ marginBottom: 12 }}
        extra={
          it.abilities.tasks ? (
            <Button
              size="small"
              onClick={() => {
                form.resetFields();
                setAdding('task');
              }}
            >
              {t('task.add')}
            </Button>
          ) : null
        }
      >
        <List
          size="small"
          dataSource={tasks.data ?? []}
          locale={{ emptyText: t('task.none') }}
          renderItem={(x) => (
            <List.Item>
              <TaskLine task={x} onReport={setReporting} />
            </List.Item>
          )}
        />
      </Card>
      <Card
        size="small"
        title={t('eval.title')}
        extra={
          it.abilities.evaluate ? (
            <Button
              size="small"
              onClick={() => {
                form.resetFields();
                setAdding('eval');
              }}
            >
              {t('eval.add')}
            </Button>
          ) : null
        }
      >
        <List
          size="small"
          dataSource={evals.data ?? []}
          locale={{ emptyText: t('eval.none') }}
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta title={`${e.evaluatedOn} · ${e.conclusion}`} description={e.text} />
            </List.Item>
          )}
        />
      </Card>
      <Modal
        open={adding !== null}
        title={adding === 'task' ? t('task.add') : t('eval.add')}
        onCancel={() => setAdding(null)}
        onOk={() => void submit()}
      >
        <Form form={form} layout="vertical">
          {adding === 'task' ? (
            <>
              <Form.Item
                name="title"
                label={t('task.name')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input />
              </Form.Item>
              <Form.Item name="ownerUnit" label={t('task.ownerUnit')}>
                <Input />
              </Form.Item>
              <Form.Item name="ownerPersonId" label={t('task.ownerPerson')}>
                <PersonPicker unitId={it.unitId} />
              </Form.Item>
              <Form.Item
                name="deadline"
                label={t('task.deadline')}
                rules={[{ required: true, message: t('common.required') }]}
                extra={t('task.deadlineHint')}
              >
                <DatePicker />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item
                name="evaluatedOn"
                label={t('eval.on')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker />
              </Form.Item>
              <Form.Item
                name="conclusion"
                label={t('eval.conclusion')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Select options={['达到预期', '基本达到预期', '未达预期'].map((x) => ({ value: x, label: x }))} />
              </Form.Item>
              <Form.Item name="text" label={t('eval.text')} rules={[{ required: true, message: t('common.required') }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
      {reporting ? <ProgressModal task={reporting} onClose={() => setReporting(null)} /> : null}
    </>
  );
}
