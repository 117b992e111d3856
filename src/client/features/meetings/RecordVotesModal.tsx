/**
 * The recorder's entry of oral and show-of-hands votes (the chair's is accepted last, PG-10),
 * marking members as not voting, and a paper meeting's counted result.
 */
import { Form, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import {
  CHOICE_LABELS,
  MAIN_QUESTION,
  ORDINARY_CHOICES,
  PERSONNEL_CHOICES,
  RESULT_LABELS,
  type Choice,
  type MeetingDetail,
  type MeetingItem,
} from '../../../common/contracts/meetings.js';
import { useT } from '../../i18n.js';
import { useMeetingAction } from './api.js';
import type { Run } from './useRun.js';

function questions(it: MeetingItem) {
  return it.candidates.length
    ? it.candidates.map((c) => ({ id: c.id, label: `${c.name}（${c.proposedPost}）` }))
    : [{ id: MAIN_QUESTION, label: it.title }];
}

export function RecordVotesModal({
  m,
  it,
  run,
  notVoting,
  onClose,
}: {
  m: MeetingDetail;
  it: MeetingItem;
  run: Run;
  notVoting: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const done = new Set((it.votes ?? []).map((v) => v.personId));
  const recused = new Set(it.recusals.map((r) => r.personId));
  const eligible = m.attendance.filter(
    (a) => a.role === 'member' && a.status === 'present' && !recused.has(a.personId) && !done.has(a.personId),
  );
  const qs = questions(it);
  const allowed = it.kind === 'personnel' ? PERSONNEL_CHOICES : ORDINARY_CHOICES;
  const [choices, setChoices] = useState<Record<string, Record<string, Choice | 'none'>>>({});
  const record = useMeetingAction<{ entries: unknown[] }>(m.id, () => `/api/meetings/items/${it.id}/recorded-votes`, {
    body: (b) => b,
  });
  const submit = async () => {
    const entries: { personId: string; notVoting?: boolean; choices?: { candidateId: string; choice: Choice }[] }[] =
      [];
    for (const a of eligible) {
      const c = choices[a.personId] ?? {};
      if (notVoting) {
        if (c[MAIN_QUESTION] === 'none') entries.push({ personId: a.personId, notVoting: true });
      } else if (qs.every((q) => c[q.id] && c[q.id] !== 'none')) {
        entries.push({
          personId: a.personId,
          choices: qs.map((q) => ({ candidateId: q.id, choice: c[q.id] as Choice })),
        });
      }
    }
    if (!entries.length) return onClose();
    const r = await run(() => record.mutateAsync({ entries }), t('common.saved'));
    if (r !== undefined) onClose();
  };
  const set = (personId: string, q: string, v: Choice | 'none') =>
    setChoices((s) => ({ ...s, [personId]: { ...(s[personId] ?? {}), [q]: v } }));

  return (
    <Modal
      open
      width={720}
      title={notVoting ? t('mtg.markNotVoting') : t('mtg.recordVotes')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={record.isPending}
    >
      <Typography.Paragraph type="secondary">
        {notVoting ? t('mtg.notVotingHint') : t('mtg.recordHint')}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="personId"
        pagination={false}
        dataSource={eligible}
        columns={[
          {
            title: t('mtg.name'),
            key: 'name',
            width: 160,
            render: (_, a) => `${a.name}${a.personId === m.chair?.personId ? `（${t('mtg.chairTag')}）` : ''}`,
          },
          ...(notVoting
            ? [
                {
                  title: t('mtg.notVoting'),
                  key: 'nv',
                  render: (_: unknown, a: (typeof eligible)[number]) => (
                    <Select
                      size="small"
                      style={{ width: 140 }}
                      allowClear
                      value={choices[a.personId]?.[MAIN_QUESTION]}
                      onChange={(v) => set(a.personId, MAIN_QUESTION, v ?? 'none')}
                      options={[{ value: 'none', label: t('mtg.notVoting') }]}
                    />
                  ),
                },
              ]
            : qs.map((q) => ({
                title: q.label,
                key: q.id,
                render: (_: unknown, a: (typeof eligible)[number]) => (
                  <Select
                    size="small"
                    style={{ width: 110 }}
                    value={choices[a.personId]?.[q.id] as Choice | undefined}
                    onChange={(v: Choice) => set(a.personId, q.id, v)}
                    options={allowed.map((c) => ({ value: c, label: CHOICE_LABELS[c] }))}
                    aria-label={`${a.name} ${q.label}`}
                  />
                ),
              }))),
        ]}
      />
    </Modal>
  );
}

export function PaperResultModal({
  m,
  it,
  run,
  onClose,
}: {
  m: MeetingDetail;
  it: MeetingItem;
  run: Run;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{
    counts: Record<string, { agree: number; disagree: number; abstain: number; defer: number }>;
    recordedOutcome: string;
  }>();
  const qs = questions(it);
  const paper = useMeetingAction<unknown>(m.id, () => `/api/meetings/items/${it.id}/paper-result`, { body: (b) => b });
  const submit = async () => {
    const v = await form.validateFields();
    const tallies = qs.map((q) => ({
      candidateId: q.id,
      agree: 0,
      disagree: 0,
      abstain: 0,
      defer: 0,
      ...(v.counts[q.id] ?? {}),
    }));
    const r = await run(() => paper.mutateAsync({ tallies, recordedOutcome: v.recordedOutcome }), t('common.saved'));
    if (r !== undefined) onClose();
  };
  return (
    <Modal
      open
      title={t('mtg.paperResult')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={paper.isPending}
    >
      <Typography.Paragraph type="secondary">{t('mtg.paperHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ recordedOutcome: 'passed' }}>
        {qs.map((q) => (
          <Form.Item key={q.id} label={q.label}>
            {(['agree', 'disagree', it.kind === 'personnel' ? 'defer' : 'abstain'] as const).map((c) => (
              <Form.Item key={c} name={['counts', q.id, c]} noStyle initialValue={0}>
                <InputNumber min={0} max={50} addonBefore={CHOICE_LABELS[c]} style={{ width: 130, marginRight: 8 }} />
              </Form.Item>
            ))}
          </Form.Item>
        ))}
        <Form.Item name="recordedOutcome" label={t('mtg.recordedOutcome')}>
          <Select
            options={(['passed', 'not_passed', 'partial'] as const).map((r) => ({ value: r, label: RESULT_LABELS[r] }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
