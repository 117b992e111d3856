/**
 * A member's voting page (phone-friendly): the item being voted, one large choice per question,
 * the chair told to wait until everyone else has voted (PG-10), recusal (PG-13). Live.
 */
import { CheckCircleTwoTone } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Input, Modal, Radio, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  CHOICE_LABELS,
  MAIN_QUESTION,
  ORDINARY_CHOICES,
  PERSONNEL_CHOICES,
  VOTE_METHOD_LABELS,
  type Choice,
  type MeetingDetail,
  type MeetingItem,
} from '../../../common/contracts/meetings.js';
import { QueryState } from '../../components/QueryState.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { useMeeting, useMeetingAction } from './api.js';
import { useRun } from './useRun.js';

export default function VotePage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  return <QueryState query={meeting}>{(m) => <VoteView m={m} connected={meeting.connected} />}</QueryState>;
}

function VoteView({ m, connected }: { m: MeetingDetail; connected: boolean }) {
  const t = useT();
  const it = m.items.find((i) => i.id === m.currentItemId);
  return (
    <div style={{ maxWidth: 520, margin: '0 auto', padding: 12, minHeight: '100vh', background: '#fff' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {m.title}
        </Typography.Title>
        <Badge status={connected ? 'processing' : 'default'} text={connected ? t('mtg.live') : t('mtg.offline')} />
      </Space>
      {m.me.role !== 'member' ? (
        <Alert type="info" showIcon title={m.me.role === 'attendee' ? t('vote.attendee') : t('vote.notMember')} />
      ) : null}
      {m.me.role === 'member' && m.status === 'open' && m.me.status !== 'present' ? (
        <Alert type="warning" showIcon title={t('vote.notPresent')} style={{ marginBottom: 12 }} />
      ) : null}
      {it ? (
        <Ballot key={it.id} m={m} it={it} />
      ) : (
        <Result status="info" title={t('vote.nothing')} subTitle={t('vote.nothingSub')} />
      )}
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to={`/meetings/${m.id}`}>{t('vote.backToMeeting')}</Link>
      </div>
    </div>
  );
}

function Ballot({ m, it }: { m: MeetingDetail; it: MeetingItem }) {
  const t = useT();
  const { run, findings, clear } = useRun();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [recusing, setRecusing] = useState(false);
  const [reason, setReason] = useState('');
  const cast = useMeetingAction<{ choices: { candidateId: string; choice: Choice }[] }>(
    m.id,
    () => `/api/meetings/items/${it.id}/votes`,
    { body: (b) => b },
  );
  const recuse = useMeetingAction<{ reason: string }>(m.id, () => `/api/meetings/items/${it.id}/recusals`, {
    body: (b) => b,
  });
  const questions = it.candidates.length
    ? it.candidates.map((c) => ({ id: c.id, label: `${c.name}：${c.proposedPost}` }))
    : [{ id: MAIN_QUESTION, label: t('vote.onItem') }];
  const allowed = it.kind === 'personnel' ? PERSONNEL_CHOICES : ORDINARY_CHOICES;
  const selfCast = it.voteMethod === 'named' || it.voteMethod === 'secret';
  const recused = it.recusals.some((r) => r.personId === m.me.personId);
  const waitingForOthers = m.me.isChair && it.participation.done < it.participation.eligible - 1;
  const complete = questions.every((q) => choices[q.id]);

  const submit = () =>
    Modal.confirm({
      title: t('vote.confirm'),
      content: questions.map((q) => `${q.label}：${CHOICE_LABELS[choices[q.id] as Choice]}`).join('；'),
      okText: t('vote.submit'),
      onOk: () =>
        run(
          () =>
            cast.mutateAsync({
              choices: questions.map((q) => ({ candidateId: q.id, choice: choices[q.id] as Choice })),
            }),
          t('vote.done'),
        ),
    });

  return (
    <Card
      title={
        <Space orientation="vertical" size={0}>
          <Typography.Text type="secondary">{t('vote.now', { seq: it.seq })}</Typography.Text>
          <Typography.Text strong style={{ whiteSpace: 'normal' }}>
            {it.title}
          </Typography.Text>
        </Space>
      }
      extra={<Tag>{VOTE_METHOD_LABELS[it.voteMethod]}</Tag>}
    >
      <RuleFindings findings={findings} onClose={clear} />
      {it.voteMethod === 'secret' ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('vote.secretNote')} />
      ) : null}
      <Typography.Paragraph type="secondary">
        {t('vote.progress', { done: it.participation.done, eligible: it.participation.eligible })}
      </Typography.Paragraph>
      {it.myParticipation ? (
        <Result
          icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
          title={it.myParticipation === 'voted' ? t('vote.voted') : t('vote.markedNotVoting')}
          subTitle={t('vote.votedSub')}
        />
      ) : recused ? (
        <Alert type="warning" showIcon title={t('vote.recused')} />
      ) : !selfCast ? (
        <Alert type="info" showIcon title={t('vote.byRecorder', { method: VOTE_METHOD_LABELS[it.voteMethod] })} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          {waitingForOthers ? <Alert type="warning" showIcon title={t('vote.chairWait')} /> : null}
          {questions.map((q) => (
            <div key={q.id}>
              <Typography.Text strong>{q.label}</Typography.Text>
              <Radio.Group
                block
                optionType="button"
                buttonStyle="solid"
                size="large"
                style={{ marginTop: 8 }}
                value={choices[q.id]}
                onChange={(e) => setChoices((s) => ({ ...s, [q.id]: e.target.value as Choice }))}
                options={allowed.map((c) => ({ value: c, label: CHOICE_LABELS[c] }))}
              />
            </div>
          ))}
          <Button type="primary" size="large" block disabled={!complete} loading={cast.isPending} onClick={submit}>
            {t('vote.submit')}
          </Button>
          <Button type="link" onClick={() => setRecusing(true)}>
            {t('mtg.recuse')}
          </Button>
        </Space>
      )}
      <Modal
        open={recusing}
        title={t('mtg.recuse')}
        onCancel={() => setRecusing(false)}
        onOk={() =>
          void run(() => recuse.mutateAsync({ reason }), t('mtg.recused')).then((r) => {
            if (r !== undefined) setRecusing(false);
          })
        }
      >
        <Typography.Paragraph type="secondary">{t('mtg.recuseHint')}</Typography.Paragraph>
        <Input.TextArea
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-label={t('mtg.recuseReason')}
        />
      </Modal>
    </Card>
  );
}
