/** Evaluation and recommendation sessions the user runs or may see, and those they may vote in while logged in. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, InputNumber, List, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { BALLOT_KIND_LABELS, SESSION_STATUS_LABELS, type SessionSummary } from '../../../common/contracts/ballots.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { instant } from '../../lib/format.js';
import { hasRole, useMe } from '../../session.js';
import { useMyBallots, useSessions } from './api.js';

export const STATUS_COLOR: Record<SessionSummary['status'], string> = {
  draft: 'default',
  open: 'green',
  closed: 'blue',
};

export default function SessionsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useMe();
  const [year, setYear] = useState<number | undefined>(undefined);
  const sessions = useSessions({ year });
  const mine = useMyBallots();
  const canCreate = hasRole(me, 'office') || hasRole(me, 'personnel');
  const canSee = canCreate || hasRole(me, 'discipline');

  const columns: TableProps<SessionSummary>['columns'] = [
    { title: t('ballots.col.title'), key: 'title', render: (_, r) => <Link to={`/ballots/${r.id}`}>{r.title}</Link> },
    { title: t('ballots.col.unit'), dataIndex: 'unitName', key: 'unit', width: 140 },
    { title: t('ballots.col.kind'), key: 'kind', width: 150, render: (_, r) => BALLOT_KIND_LABELS[r.kind] },
    { title: t('ballots.col.year'), dataIndex: 'year', key: 'year', width: 80 },
    {
      title: t('ballots.col.status'),
      key: 'status',
      width: 90,
      render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{SESSION_STATUS_LABELS[r.status]}</Tag>,
    },
    {
      title: t('ballots.col.window'),
      key: 'window',
      width: 280,
      render: (_, r) => `${instant(r.opensAt)} ～ ${instant(r.closesAt)}`,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.ballots')}
        crumbs={[{ title: t('nav.ballots') }]}
        sub={t('ballots.sub')}
        extra={
          <>
            <Space size={4}>
              <Typography.Text type="secondary">{t('ballots.col.year')}</Typography.Text>
              <InputNumber
                min={2000}
                max={2100}
                value={year}
                onChange={(v) => setYear(v ?? undefined)}
                placeholder={t('ballots.allYears')}
              />
            </Space>
            {canCreate ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/ballots/new')}>
                {t('ballots.new')}
              </Button>
            ) : null}
          </>
        }
      />
      {mine.data?.length ? (
        <Card size="small" title={t('ballots.mine')} style={{ marginBottom: 16 }}>
          <List
            size="small"
            dataSource={mine.data}
            renderItem={(s) => (
              <List.Item
                actions={[
                  s.voted ? (
                    <Tag key="v" color="green">
                      {t('ballots.voted')}
                    </Tag>
                  ) : s.accepting ? (
                    <Link key="g" to={`/ballots/${s.id}/member-vote`}>
                      {t('ballots.goVote')}
                    </Link>
                  ) : (
                    <Tag key="n">{SESSION_STATUS_LABELS[s.status]}</Tag>
                  ),
                ]}
              >
                {s.title}（{t('ballots.vote.youVoteAs', { category: s.categoryLabel })}）
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {sessions.error && !sessions.data ? (
        <ErrorView error={sessions.error} />
      ) : !canSee && !sessions.data?.length ? (
        mine.data?.length ? null : (
          <Empty description={t('ballots.nothing')} />
        )
      ) : (
        <Table<SessionSummary>
          rowKey="id"
          size="small"
          bordered
          loading={sessions.isFetching}
          columns={columns}
          dataSource={sessions.data ?? []}
          pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        />
      )}
    </>
  );
}
