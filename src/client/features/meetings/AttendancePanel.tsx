/** Who is expected, present, on leave (PG-08, with a written opinion that is not a vote) or attending without a vote (PG-14). */
import { Button, Card, Form, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { ATTENDANCE_LABELS, type MeetingDetail } from '../../../common/contracts/meetings.js';
import { useT } from '../../i18n.js';
import { useMeetingAction } from './api.js';
import type { Run } from './useRun.js';

type Att = MeetingDetail['attendance'][number];
const COLOR: Record<string, string> = { present: 'green', leave: 'gold', absent: 'red', invited: 'default' };

export function AttendancePanel({ m, run }: { m: MeetingDetail; run: Run }) {
  const t = useT();
  const [leaveFor, setLeaveFor] = useState<Att | null>(null);
  const set = useMeetingAction<{ personId: string; status: string; reason?: string }>(
    m.id,
    () => `/api/meetings/${m.id}/attendance`,
    { body: (b) => b },
  );
  const leave = useMeetingAction<{ personId?: string; reason: string; writtenOpinion?: string }>(
    m.id,
    () => `/api/meetings/${m.id}/leave`,
    { body: (b) => b },
  );
  const canMark =
    m.abilities.manage && (m.status === 'published' || m.status === 'open' || m.entryMode === 'retrospective');
  const [form] = Form.useForm<{ reason: string; writtenOpinion?: string }>();

  const mark = (a: Att, status: 'present' | 'absent') =>
    void run(() => set.mutateAsync({ personId: a.personId, status }));
  const submitLeave = async () => {
    const v = await form.validateFields();
    const self = leaveFor?.personId === m.me.personId;
    const r = await run(
      () =>
        leave.mutateAsync({
          ...(self ? {} : { personId: leaveFor?.personId }),
          reason: v.reason,
          ...(v.writtenOpinion ? { writtenOpinion: v.writtenOpinion } : {}),
        }),
      t('mtg.leaveDone'),
    );
    if (r !== undefined) setLeaveFor(null);
  };

  return (
    <Card size="small" title={t('mtg.attendance')} styles={{ body: { padding: 0 } }}>
      <Table<Att>
        rowKey="personId"
        size="small"
        pagination={false}
        dataSource={m.attendance}
        columns={[
          {
            title: t('mtg.name'),
            key: 'name',
            render: (_, a) => (
              <Space size={2} orientation="vertical">
                <span>
                  {a.name}
                  {a.personId === m.chair?.personId ? (
                    <Tag color="purple" style={{ marginLeft: 4 }}>
                      {t('mtg.chairTag')}
                    </Tag>
                  ) : null}
                  {a.role === 'attendee' ? <Tag style={{ marginLeft: 4 }}>{t('mtg.attendeeTag')}</Tag> : null}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.post}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('mtg.status'),
            key: 'status',
            width: 110,
            render: (_, a) => (
              <Space size={2} orientation="vertical">
                <Tag color={COLOR[a.status]} data-testid={`att-${a.name}`}>
                  {ATTENDANCE_LABELS[a.status]}
                </Tag>
                {a.leaveReason ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.leaveReason}
                  </Typography.Text>
                ) : null}
                {a.writtenOpinion ? (
                  <Tooltip title={t('mtg.writtenOpinionHint')}>
                    <Typography.Text type="warning" style={{ fontSize: 12 }}>
                      {t('mtg.writtenOpinion')}：{a.writtenOpinion}
                    </Typography.Text>
                  </Tooltip>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'act',
            width: 150,
            render: (_, a) => (
              <Space size={4} wrap>
                {canMark && a.status !== 'present' ? (
                  <Button size="small" onClick={() => mark(a, 'present')}>
                    {t('mtg.markPresent')}
                  </Button>
                ) : null}
                {canMark && a.status !== 'absent' ? (
                  <Button size="small" onClick={() => mark(a, 'absent')}>
                    {t('mtg.markAbsent')}
                  </Button>
                ) : null}
                {(a.personId === m.me.personId
                  ? m.abilities.requestLeave
                  : m.abilities.manage && m.status !== 'open' && a.role === 'member') && a.status !== 'leave' ? (
                  <Button
                    size="small"
                    onClick={() => {
                      form.resetFields();
                      setLeaveFor(a);
                    }}
                  >
                    {t('mtg.askLeave')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!leaveFor}
        title={t('mtg.leaveTitle', { name: leaveFor?.name ?? '' })}
        onCancel={() => setLeaveFor(null)}
        onOk={() => void submitLeave()}
        confirmLoading={leave.isPending}
        okText={t('mtg.askLeave')}
      >
        <Typography.Paragraph type="secondary">{t('mtg.leaveHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('mtg.leaveReason')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="writtenOpinion" label={t('mtg.writtenOpinion')} extra={t('mtg.writtenOpinionHint')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
