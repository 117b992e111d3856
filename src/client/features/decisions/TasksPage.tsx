/** The follow-through board (督办) with the dashboard of the secretary and the office: overdue first. */
import { Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { TASK_STATE_LABELS, TASK_STATES, type Task } from '../../../common/contracts/decisions.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { hasRole, useMe } from '../../session.js';
import { useDashboard, useTasks } from './api.js';
import { ProgressModal, TASK_COLOR, TaskLine } from './TasksPanel.js';

export default function TasksPage() {
  const t = useT();
  const { unitId, me } = useMe();
  const tasks = useTasks({ unitId });
  // The dashboard is the secretary's and the office's (and the offices above); members see the board only.
  const dash = useDashboard(
    unitId,
    hasRole(me, 'office', unitId) ||
      hasRole(me, 'secretary', unitId) ||
      hasRole(me, 'personnel') ||
      hasRole(me, 'discipline'),
  );
  const [reporting, setReporting] = useState<Task | null>(null);
  const all = tasks.data ?? [];
  const d = dash.data;
  return (
    <>
      <PageHeader title={t('nav.tasks')} crumbs={[{ title: t('nav.tasks') }]} sub={t('task.sub')} />
      {d ? (
        <>
          <RuleFindings findings={d.findings} />
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col span={6}>
              <Card size="small">
                <Statistic
                  title={t('dash.overdue')}
                  value={d.overdueTasks.length}
                  styles={{ content: { color: d.overdueTasks.length ? '#cf1322' : undefined } }}
                />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('dash.dueSoon')} value={d.dueSoonTasks.length} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title={t('dash.awaiting')} value={d.awaitingApproval.length} />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic
                  title={t('dash.minutesOverdue')}
                  value={d.minutesOverdue.length}
                  styles={{ content: { color: d.minutesOverdue.length ? '#cf1322' : undefined } }}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col xs={24} md={12}>
              <Card size="small" title={t('dash.upcoming')}>
                <List
                  size="small"
                  dataSource={d.upcomingMeetings}
                  locale={{ emptyText: t('dash.none') }}
                  renderItem={(m) => (
                    <List.Item>
                      <Link to={`/meetings/${m.id}`}>{m.title}</Link>
                      <Typography.Text type="secondary">
                        {m.date} {m.startTime}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title={t('dash.awaiting')}>
                <List
                  size="small"
                  dataSource={d.awaitingApproval}
                  locale={{ emptyText: t('dash.none') }}
                  renderItem={(i) => (
                    <List.Item>
                      <Link to={`/decisions/items/${i.id}`}>{i.title}</Link>
                      <Tag>{i.kindLabel}</Tag>
                    </List.Item>
                  )}
                />
                {d.minutesOverdue.map((m) => (
                  <div key={m.meetingId}>
                    <Link to={`/meetings/${m.meetingId}`}>{m.title}</Link>{' '}
                    <Typography.Text type="danger">{t('mtg.deadlinePassed', { date: m.deadline })}</Typography.Text>
                  </div>
                ))}
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
      {tasks.error && !tasks.data ? (
        <ErrorView error={tasks.error} />
      ) : (
        <Row gutter={12} wrap={false} style={{ overflowX: 'auto' }}>
          {(['overdue', 'not_started', 'in_progress', 'done', 'suspended'] as const)
            .filter((s) => TASK_STATES.includes(s))
            .map((s) => {
              const col = all.filter((x) => x.state === s);
              return (
                <Col key={s} flex="260px">
                  <Card
                    size="small"
                    title={
                      <Space>
                        <Tag color={TASK_COLOR[s]}>{TASK_STATE_LABELS[s]}</Tag>
                        <span>{col.length}</span>
                      </Space>
                    }
                    styles={{ body: { padding: 8, maxHeight: 640, overflowY: 'auto' } }}
                    data-testid={`column-${s}`}
                  >
                    {col.length ? (
                      col.map((x) => (
                        <Card key={x.id} size="small" style={{ marginBottom: 8 }}>
                          <Link to={`/decisions/items/${x.itemId}`} style={{ fontSize: 12 }}>
                            {x.itemTitle}
                          </Link>
                          <TaskLine task={x} onReport={setReporting} />
                        </Card>
                      ))
                    ) : (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                    )}
                  </Card>
                </Col>
              );
            })}
        </Row>
      )}
      {reporting ? <ProgressModal task={reporting} onClose={() => setReporting(null)} /> : null}
    </>
  );
}
