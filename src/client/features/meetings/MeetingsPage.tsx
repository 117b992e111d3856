/** Party Group meetings of the acting unit: a dense list or a month calendar, minutes deadlines, PG-05 cadence. */
import { CalendarOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Badge, Button, Calendar, Segmented, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { MEETING_STATUS_LABELS, type meetingListItemSchema } from '../../../common/contracts/meetings.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { todayBeijing } from '../../lib/format.js';
import { useMe } from '../../session.js';
import { useMeetings } from './api.js';
import { ScheduleModal } from './ScheduleModal.js';

type Row = z.infer<typeof meetingListItemSchema>;

const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  published: 'blue',
  open: 'green',
  closed: 'default',
  cancelled: 'red',
};

export default function MeetingsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { unitId } = useMe();
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [page, setPage] = useState(1);
  const [scheduling, setScheduling] = useState(false);
  const meetings = useMeetings({
    unitId,
    page: view === 'calendar' ? 1 : page,
    pageSize: view === 'calendar' ? 200 : 20,
  });
  const data = meetings.data;

  const columns: TableProps<Row>['columns'] = [
    { title: t('mtg.date'), key: 'date', width: 130, render: (_, r) => `${r.date} ${r.startTime}` },
    {
      title: t('mtg.title'),
      key: 'title',
      render: (_, r) => (
        <Space size={4}>
          <Link to={`/meetings/${r.id}`}>{r.title}</Link>
          {r.subject ? <span>{r.subject}</span> : null}
          {r.entryMode === 'retrospective' ? <Tag>{t('mtg.retrospective')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('mtg.location'), dataIndex: 'location', key: 'location', width: 140 },
    {
      title: t('mtg.status'),
      key: 'status',
      width: 100,
      render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{MEETING_STATUS_LABELS[r.status]}</Tag>,
    },
    { title: t('mtg.items'), dataIndex: 'itemCount', key: 'items', width: 70, align: 'right' },
    {
      title: t('mtg.presentOfMembers'),
      key: 'present',
      width: 100,
      align: 'right',
      render: (_, r) =>
        r.status === 'open' || r.status === 'closed' ? `${r.presentCount} / ${r.memberCount}` : r.memberCount,
    },
    {
      title: t('mtg.minutes'),
      key: 'minutes',
      width: 210,
      render: (_, r) => (
        <Space size={4}>
          <Tag color={r.minutesStatus === 'approved' ? 'green' : r.minutesStatus === 'draft' ? 'gold' : 'default'}>
            {t(`mtg.minutes.${r.minutesStatus}`)}
          </Tag>
          {r.minutesDeadline && r.minutesStatus !== 'approved' ? (
            <Typography.Text type={r.minutesOverdue ? 'danger' : 'secondary'}>
              {t(r.minutesOverdue ? 'mtg.deadlinePassed' : 'mtg.deadlineBy', { date: r.minutesDeadline })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
  ];

  const cell = (d: Dayjs) => {
    const day = d.format('YYYY-MM-DD');
    const list = (data?.items ?? []).filter((m) => m.date === day);
    return (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.map((m) => (
          <li key={m.id}>
            <Badge
              status={m.status === 'closed' ? 'default' : 'processing'}
              text={<Link to={`/meetings/${m.id}`}>{m.title.replace(/^\d+年/, '')}</Link>}
            />
          </li>
        ))}
      </ul>
    );
  };

  return (
    <>
      <PageHeader
        title={t('nav.meetings')}
        crumbs={[{ title: t('nav.meetings') }]}
        sub={t('mtg.sub')}
        extra={
          <>
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'list' | 'calendar')}
              options={[
                { value: 'list', icon: <UnorderedListOutlined />, label: t('mtg.viewList') },
                { value: 'calendar', icon: <CalendarOutlined />, label: t('mtg.viewCalendar') },
              ]}
            />
            {data?.canSchedule ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)}>
                {t('mtg.schedule')}
              </Button>
            ) : null}
          </>
        }
      />
      {data ? <RuleFindings findings={data.findings} /> : null}
      {meetings.error && !data ? (
        <ErrorView error={meetings.error} />
      ) : view === 'list' ? (
        <Table<Row>
          rowKey="id"
          size="small"
          bordered
          loading={meetings.isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => t('common.total', { n }),
          }}
        />
      ) : (
        <Calendar defaultValue={todayBeijing()} cellRender={(d, info) => (info.type === 'date' ? cell(d) : null)} />
      )}
      {scheduling && unitId ? (
        <ScheduleModal
          unitId={unitId}
          onClose={(id) => {
            setScheduling(false);
            if (id) void navigate(`/meetings/${id}`);
          }}
        />
      ) : null}
    </>
  );
}
