/** The agenda, item by item (PG-11): quorum at the moment of voting, participation, votes and totals, the result with its rule. */
import { Button, Card, Input, Modal, Popconfirm, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ITEM_KIND_LABELS, TZYD_LABELS } from '../../../common/contracts/decisions.js';
import {
  CHOICE_LABELS,
  ITEM_STATE_LABELS,
  RESULT_LABELS,
  VOTE_METHOD_LABELS,
  VOTE_METHODS,
  type MeetingDetail,
  type MeetingItem,
} from '../../../common/contracts/meetings.js';
import { CitationTag } from '../../components/CitationTag.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { useMeetingAction } from './api.js';
import { WRAP_TITLE } from './wrapTitle.js';
import { AgendaOrder } from './AgendaOrder.js';
import { PaperResultModal, RecordVotesModal } from './RecordVotesModal.js';
import type { Run } from './useRun.js';

const STATE_COLOR: Record<string, string> = {
  pending: 'default',
  voting: 'processing',
  closed: 'green',
  deferred: 'orange',
};

export function ItemsPanel({ m, run }: { m: MeetingDetail; run: Run }) {
  const t = useT();
  if (m.items.length === 0) return <Typography.Text type="secondary">{t('mtg.noItems')}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      {m.items.map((it) => (
        <ItemCard key={it.id} m={m} it={it} run={run} />
      ))}
      {m.abilities.manage && (m.status === 'draft' || m.status === 'published') && m.items.length > 1 ? (
        <AgendaOrder m={m} run={run} />
      ) : null}
    </Space>
  );
}

function ItemCard({ m, it, run }: { m: MeetingDetail; it: MeetingItem; run: Run }) {
  const t = useT();
  const [recording, setRecording] = useState<'votes' | 'notVoting' | 'paper' | null>(null);
  const [deferring, setDeferring] = useState(false);
  const [recusing, setRecusing] = useState(false);
  const [reason, setReason] = useState('');
  const post = useMeetingAction<{ path: string; body?: unknown }>(
    m.id,
    (b) => `/api/meetings/items/${it.id}/${b.path}`,
    { body: (b) => b.body },
  );
  const patch = useMeetingAction<{ voteMethod: string }>(m.id, () => `/api/meetings/items/${it.id}`, {
    method: 'PATCH',
    body: (b) => b,
  });
  const remove = useMeetingAction<null>(m.id, () => `/api/meetings/items/${it.id}`, { method: 'DELETE' });
  const act = (path: string, done?: string, body?: unknown) =>
    run(() => post.mutateAsync({ path, ...(body !== undefined ? { body } : {}) }), done);
  const running = m.abilities.run;
  const office = m.abilities.manage;
  const decided = it.findings.find((f) => f.kind === 'info' && (f.ruleId === 'PG-09' || f.ruleId === 'SE-09'));
  const closeVote = it.findings.some((f) => f.ruleId === 'PG-18');
  const warnings = it.findings.filter((f) => f.kind !== 'info');
  const secretOpen = it.voteMethod === 'secret' && it.state === 'voting';
  const iRecused = it.recusals.some((r) => r.personId === m.me.personId);
  const retro = m.entryMode === 'retrospective';

  return (
    <Card
      size="small"
      data-testid={`item-${it.seq}`}
      styles={WRAP_TITLE}
      style={it.state === 'voting' ? { borderColor: '#1677ff', boxShadow: '0 0 0 2px #e6f4ff' } : undefined}
      title={
        <Space size={4} wrap>
          <span>
            {it.seq}. {it.title}
          </span>
          <Tag color={it.kind === 'ordinary' ? 'default' : 'volcano'}>{ITEM_KIND_LABELS[it.kind]}</Tag>
          {it.tzydCategory ? <Tag color="red">{TZYD_LABELS[it.tzydCategory]}</Tag> : null}
          {it.majorDecision ? <Tag color="magenta">{t('mtg.majorDecision')}</Tag> : null}
          {!it.isPrior && it.kind === 'personnel' ? <Tag color="red">{t('mtg.adHoc')}</Tag> : null}
          {it.isReconsideration ? <Tag color="purple">{t('mtg.reconsideration')}</Tag> : null}
        </Space>
      }
      extra={
        <Space size={4}>
          <Tag>{VOTE_METHOD_LABELS[it.voteMethod]}</Tag>
          <Tag color={STATE_COLOR[it.state]} data-testid={`state-${it.seq}`}>
            {ITEM_STATE_LABELS[it.state]}
          </Tag>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        <Space size={16} wrap>
          {m.status === 'open' || it.state === 'closed' ? (
            <Typography.Text type={it.quorum.ok ? undefined : 'danger'}>
              {t('mtg.itemQuorum', {
                rule: it.quorum.ruleId,
                present: it.quorum.present,
                required: it.quorum.required,
                members: it.quorum.members,
              })}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">
              {t('mtg.itemQuorumNeeded', { rule: it.quorum.ruleId, required: it.quorum.required })}
            </Typography.Text>
          )}
          {it.expected !== null ? (
            <Typography.Text type="secondary">{t('mtg.expectedFor', { n: it.expected })}</Typography.Text>
          ) : null}
          {it.state === 'voting' || it.state === 'closed' ? (
            <Space size={4}>
              <Typography.Text>{t('mtg.participation')}</Typography.Text>
              <Progress
                percent={
                  it.participation.eligible ? Math.round((100 * it.participation.done) / it.participation.eligible) : 0
                }
                size="small"
                style={{ width: 120 }}
                format={() => `${it.participation.done}/${it.participation.eligible}`}
              />
            </Space>
          ) : null}
        </Space>
        {it.recusals.length ? (
          <Typography.Text type="secondary">
            {t('mtg.recusals')}：{it.recusals.map((r) => `${r.name}（${r.reason}）`).join('；')}
          </Typography.Text>
        ) : null}
        {secretOpen ? <Typography.Text type="secondary">{t('mtg.secretHidden')}</Typography.Text> : null}
        {it.tallies ? (
          <Table
            size="small"
            pagination={false}
            rowKey="candidateId"
            dataSource={it.tallies}
            columns={[
              { title: t('mtg.question'), dataIndex: 'label', key: 'label' },
              { title: CHOICE_LABELS.agree, dataIndex: 'agree', key: 'agree', width: 70, align: 'right' },
              { title: CHOICE_LABELS.disagree, dataIndex: 'disagree', key: 'disagree', width: 70, align: 'right' },
              {
                title: it.kind === 'personnel' ? CHOICE_LABELS.defer : CHOICE_LABELS.abstain,
                key: 'third',
                width: 70,
                align: 'right',
                render: (_, x) => (it.kind === 'personnel' ? x.defer : x.abstain),
              },
              {
                title: t('mtg.result'),
                key: 'result',
                width: 90,
                render: (_, x) =>
                  x.result ? <Tag color={x.result === 'passed' ? 'green' : 'red'}>{RESULT_LABELS[x.result]}</Tag> : '—',
              },
            ]}
          />
        ) : null}
        {it.votes && it.votes.length ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {it.votes
              .map(
                (v) =>
                  `${v.name}：${
                    v.notVoting
                      ? t('mtg.notVoting')
                      : Object.values(v.choices)
                          .map((c) => CHOICE_LABELS[c])
                          .join('/')
                  }`,
              )
              .join('；')}
          </Typography.Text>
        ) : null}
        {it.result ? (
          <Space size={6} wrap data-testid={`result-${it.seq}`}>
            <Tag
              color={it.result === 'passed' ? 'green' : it.result === 'deferred' ? 'orange' : 'red'}
              style={{ fontSize: 14, padding: '2px 8px' }}
            >
              {RESULT_LABELS[it.result]}
            </Tag>
            {it.recordedOutcome && it.recordedOutcome !== it.result ? (
              <Tag color="red">{t('mtg.recordedDiffers', { outcome: RESULT_LABELS[it.recordedOutcome] })}</Tag>
            ) : null}
            {decided ? (
              <>
                <Tag color="geekblue">{decided.ruleId}</Tag>
                <Typography.Text>{decided.message_zh}</Typography.Text>
                <CitationTag citation={decided.citation} />
              </>
            ) : null}
          </Space>
        ) : null}
        {it.deferReason ? (
          <Typography.Text type="warning">{t('mtg.deferredFor', { reason: it.deferReason })}</Typography.Text>
        ) : null}
        <RuleFindings findings={warnings} />
        <Space size={6} wrap>
          {running && it.state === 'pending' ? (
            <Button type="primary" size="small" onClick={() => void act('start-voting', t('mtg.votingOpened'))}>
              {t('mtg.startVoting')}
            </Button>
          ) : null}
          {running &&
          it.state === 'voting' &&
          (it.voteMethod === 'oral' || it.voteMethod === 'hands' || (retro && it.voteMethod === 'named')) ? (
            <Button size="small" onClick={() => setRecording('votes')}>
              {t('mtg.recordVotes')}
            </Button>
          ) : null}
          {running && it.state === 'voting' ? (
            <Button size="small" onClick={() => setRecording('notVoting')}>
              {t('mtg.markNotVoting')}
            </Button>
          ) : null}
          {running && it.state === 'voting' ? (
            <Popconfirm
              title={t('mtg.closeVotingConfirm')}
              onConfirm={() => void act('close-voting', t('mtg.votingClosed'))}
            >
              <Button type="primary" size="small" danger>
                {t('mtg.closeVoting')}
              </Button>
            </Popconfirm>
          ) : null}
          {running && retro && (it.state === 'pending' || it.state === 'voting') ? (
            <Button size="small" onClick={() => setRecording('paper')}>
              {t('mtg.paperResult')}
            </Button>
          ) : null}
          {office && it.state === 'pending' ? (
            <Select
              size="small"
              value={it.voteMethod}
              style={{ width: 120 }}
              onChange={(v: string) => void run(() => patch.mutateAsync({ voteMethod: v }))}
              options={VOTE_METHODS.map((v) => ({ value: v, label: VOTE_METHOD_LABELS[v] }))}
            />
          ) : null}
          {office && (it.state === 'pending' || (it.state === 'closed' && closeVote && m.status === 'open')) ? (
            <Button
              size="small"
              onClick={() => {
                setReason('');
                setDeferring(true);
              }}
            >
              {t('mtg.defer')}
            </Button>
          ) : null}
          {office && it.state === 'pending' ? (
            <Popconfirm title={t('mtg.removeConfirm')} onConfirm={() => void run(() => remove.mutateAsync(null))}>
              <Button size="small">{t('mtg.remove')}</Button>
            </Popconfirm>
          ) : null}
          {m.abilities.recuse && (it.state === 'pending' || it.state === 'voting') && !iRecused ? (
            <Button
              size="small"
              onClick={() => {
                setReason('');
                setRecusing(true);
              }}
            >
              {t('mtg.recuse')}
            </Button>
          ) : null}
        </Space>
      </Space>
      <Modal
        open={deferring || recusing}
        title={deferring ? t('mtg.defer') : t('mtg.recuse')}
        onCancel={() => {
          setDeferring(false);
          setRecusing(false);
        }}
        onOk={() =>
          void act(deferring ? 'defer' : 'recusals', deferring ? t('mtg.deferred') : t('mtg.recused'), { reason }).then(
            (r) => {
              if (r !== undefined) {
                setDeferring(false);
                setRecusing(false);
              }
            },
          )
        }
      >
        <Typography.Paragraph type="secondary">
          {deferring ? t('mtg.deferHint') : t('mtg.recuseHint')}
        </Typography.Paragraph>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-label={deferring ? t('mtg.deferReason') : t('mtg.recuseReason')}
        />
      </Modal>
      {recording === 'paper' ? (
        <PaperResultModal m={m} it={it} run={run} onClose={() => setRecording(null)} />
      ) : recording ? (
        <RecordVotesModal
          m={m}
          it={it}
          run={run}
          notVoting={recording === 'notVoting'}
          onClose={() => setRecording(null)}
        />
      ) : null}
    </Card>
  );
}
