/** The hall screen (projector): how many of each category have voted, refreshed every two seconds; never what. */
import { Flex, Statistic, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { SESSION_STATUS_LABELS } from '../../../common/contracts/ballots.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { instant } from '../../lib/format.js';
import { useBallotSession, useParticipation } from './api.js';
import { ParticipationBars } from './SessionPage.js';
import { STATUS_COLOR } from './SessionsPage.js';

export default function HallPage() {
  const t = useT();
  const { id = '' } = useParams();
  const session = useBallotSession(id);
  const p = useParticipation(id, true);
  const of = (p.data?.categories ?? []).reduce((n, c) => n + (c.expected || c.issued + c.loginVoters), 0);
  return (
    <div style={{ minHeight: '100vh', background: '#fff', padding: '32px 48px' }}>
      <QueryState query={session}>
        {(s) => (
          <Flex vertical gap={24}>
            <Flex justify="space-between" align="center" wrap>
              <Typography.Title level={1} style={{ margin: 0 }}>
                {s.title}
              </Typography.Title>
              <Tag color={STATUS_COLOR[p.data?.status ?? s.status]} style={{ fontSize: 24, padding: '6px 16px' }}>
                {SESSION_STATUS_LABELS[p.data?.status ?? s.status]}
              </Tag>
            </Flex>
            <Flex gap={48} wrap>
              <Statistic
                title={<span style={{ fontSize: 22 }}>{t('ballots.hall.total')}</span>}
                value={p.data?.voted ?? 0}
                suffix={`/ ${of}`}
                valueStyle={{ fontSize: 72 }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 20, alignSelf: 'flex-end' }}>
                {t('ballots.hall.updated', { at: p.data ? instant(p.data.at) : '-' })}
              </Typography.Text>
            </Flex>
            <ParticipationBars id={id} live big />
            <Typography.Text type="secondary" style={{ fontSize: 20 }}>
              {t('ballots.hall.note', { url: s.voteUrl })}
            </Typography.Text>
          </Flex>
        )}
      </QueryState>
    </div>
  );
}
