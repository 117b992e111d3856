/** Voting while logged in: Banzi records that you voted, not how; the ballot itself is stored like any other. */
import { Alert, Flex, Result } from 'antd';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { AnonymityNotice } from './AnonymityNotice.js';
import { castMemberBallot, useMemberForm } from './api.js';
import { BallotFlow } from './BallotFlow.js';

export default function MemberVotePage() {
  const t = useT();
  const { id = '' } = useParams();
  const form = useMemberForm(id);
  return (
    <QueryState query={form}>
      {(f) => (
        <Flex vertical gap={12} style={{ maxWidth: 720 }}>
          <PageHeader
            title={f.session.title}
            crumbs={[{ title: t('nav.ballots'), to: '/ballots' }, { title: f.session.title }]}
          />
          <Alert type="info" showIcon title={t('ballots.member.note')} />
          {f.voted ? (
            <Result status="success" title={t('ballots.voted')} />
          ) : !f.session.accepting ? (
            <Alert type="info" showIcon title={t('ballots.vote.notAccepting')} />
          ) : (
            <BallotFlow
              sessionId={id}
              title={f.session.title}
              categoryLabel={f.categoryLabel}
              questionnaire={f.questionnaire}
              submit={async (a) => (await castMemberBallot(id, a)).receipt}
            />
          )}
          <AnonymityNotice minGroupSize={f.session.minGroupSize} />
        </Flex>
      )}
    </QueryState>
  );
}
