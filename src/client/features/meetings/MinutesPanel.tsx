/**
 * Minutes (PG-12): the recorder writes per item who said what, the dissent and the head's reason
 * when differing (ZD-07); the secretary approves and they lock; a correction is a new version.
 */
import { FileWordOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MeetingDetail, MinutesContent } from '../../../common/contracts/meetings.js';
import { downloadUrl } from '../../api/client.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { WRAP_TITLE } from './wrapTitle.js';
import { instant } from '../../lib/format.js';
import { useMeetingAction, useMinutes, useSaveMinutes } from './api.js';
import { MinutesApproveModal } from './MinutesApproveModal.js';
import { MinutesReadView } from './MinutesReadView.js';
import { dissentDraft, voteLine } from './minutesDraft.js';
import { useRun } from './useRun.js';

export function MinutesPanel({ m }: { m: MeetingDetail }) {
  const t = useT();
  const minutes = useMinutes(m.id);
  const save = useSaveMinutes(m.id);
  const approve = useMeetingAction<null, { findings: [] }>(m.id, () => `/api/meetings/${m.id}/minutes/approve`);
  const correct = useMeetingAction<{ reason: string }>(m.id, () => `/api/meetings/${m.id}/minutes/corrections`, {
    body: (b) => b,
  });
  const { run, findings, clear } = useRun();
  const [form] = Form.useForm<MinutesContent>();
  const [correcting, setCorrecting] = useState(false);
  const [reason, setReason] = useState('');
  const [approving, setApproving] = useState(false);
  const data = minutes.data;
  const latest = data?.versions.at(-1);
  const settled = m.items.filter((i) => i.state === 'closed' || i.state === 'deferred');

  useEffect(() => {
    const c = latest?.content;
    form.setFieldsValue({
      general: c?.general ?? '',
      items: settled.map(
        (it) =>
          c?.items.find((x) => x.meetingItemId === it.id) ?? {
            meetingItemId: it.id,
            discussion: [],
            dissent: dissentDraft(it),
            headReason: '',
            decision: '',
          },
      ),
    });
    // Re-fill when the version on the server changes, not on every live refresh of the meeting.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [latest?.id, latest?.writtenAt, settled.length]);

  if (m.status === 'draft' || m.status === 'published' || m.status === 'cancelled') {
    return <Typography.Text type="secondary">{t('min.notYet')}</Typography.Text>;
  }
  const editable = !!data?.abilities.write;
  const speakers = m.attendance.map((a) => ({ value: a.personId, label: a.name }));

  const submitSave = async () => {
    const v = await form.validateFields();
    const content: MinutesContent = {
      general: v.general ?? '',
      items: (v.items ?? []).map((x) => ({
        ...x,
        discussion: (x.discussion ?? []).map((d) => ({
          ...d,
          name: speakers.find((s) => s.value === d.personId)?.label ?? d.name ?? '',
        })),
      })),
    };
    await run(() => save.mutateAsync(content), t('common.saved'));
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {latest ? (
          <Tag color={latest.status === 'approved' ? 'green' : 'gold'}>
            {t('min.version', { n: latest.version })} ·{' '}
            {latest.status === 'approved' ? t('min.approved') : t('min.draft')}
          </Tag>
        ) : (
          <Tag>{t('mtg.minutes.none')}</Tag>
        )}
        {data?.deadline ? (
          <Typography.Text type="secondary">{t('min.deadline', { date: data.deadline })}</Typography.Text>
        ) : null}
        {data?.deadlineNote ? <Typography.Text type="warning">{data.deadlineNote}</Typography.Text> : null}
        {editable ? (
          <Button type="primary" loading={save.isPending} onClick={() => void submitSave()}>
            {t('min.save')}
          </Button>
        ) : null}
        {data?.abilities.approve ? (
          <Button type="primary" onClick={() => setApproving(true)}>
            {t('min.approve')}
          </Button>
        ) : null}
        {data?.abilities.correct ? (
          <Button
            onClick={() => {
              setReason('');
              setCorrecting(true);
            }}
          >
            {t('min.correct')}
          </Button>
        ) : null}
        {m.abilities.downloadSummary ? (
          <Button icon={<FileWordOutlined />} href={downloadUrl(`/api/meetings/${m.id}/summary.docx`)}>
            {t('mtg.summary')}
          </Button>
        ) : null}
      </Space>
      <RuleFindings findings={findings} onClose={clear} />
      {latest?.status === 'approved' ? (
        <Alert
          type="success"
          showIcon
          title={t('min.locked', { by: latest.approvedBy ?? '', at: instant(latest.approvedAt) })}
        />
      ) : null}
      {latest?.correctionReason ? (
        <Alert type="info" showIcon title={t('min.correction', { reason: latest.correctionReason })} />
      ) : null}
      {!editable && latest ? <MinutesReadView m={m} content={latest.content} /> : null}
      <Form form={form} layout="vertical" style={editable ? undefined : { display: 'none' }}>
        <Form.Item name="general" label={t('min.general')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.List name="items">
          {(fields) =>
            fields.map((f, i) => {
              const it = settled[i];
              if (!it) return null;
              return (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  styles={WRAP_TITLE}
                  title={`${it.seq}. ${it.title}`}
                >
                  <Typography.Paragraph type="secondary" data-testid={`vote-line-${it.seq}`}>
                    {t('min.voteResult')}：{voteLine(it)}
                    {it.voteMethod === 'secret' ? ` ${t('min.secretNoNames')}` : ''}
                  </Typography.Paragraph>
                  <Form.Item name={[f.name, 'meetingItemId']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'decision']} label={t('min.decision')}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Form.List name={[f.name, 'discussion']}>
                    {(rows, { add, remove }) => (
                      <>
                        {rows.map((r) => (
                          <Space key={r.key} align="baseline" style={{ display: 'flex' }}>
                            <Form.Item
                              name={[r.name, 'personId']}
                              rules={[{ required: true, message: t('common.required') }]}
                            >
                              <Select style={{ width: 140 }} options={speakers} placeholder={t('min.speaker')} />
                            </Form.Item>
                            <Form.Item
                              name={[r.name, 'text']}
                              style={{ flex: 1, minWidth: 360 }}
                              rules={[{ required: true, message: t('common.required') }]}
                            >
                              <Input placeholder={t('min.speech')} />
                            </Form.Item>
                            {editable ? <MinusCircleOutlined onClick={() => remove(r.name)} /> : null}
                          </Space>
                        ))}
                        {editable ? (
                          <Button
                            size="small"
                            icon={<PlusOutlined />}
                            onClick={() => add({ personId: null, name: '', text: '' })}
                            style={{ marginBottom: 12 }}
                          >
                            {t('min.addSpeech')}
                          </Button>
                        ) : null}
                      </>
                    )}
                  </Form.List>
                  <Form.Item name={[f.name, 'dissent']} label={t('min.dissent')} extra={t('min.dissentHint')}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  {dissentDraft(it) ? (
                    <Button
                      size="small"
                      style={{ marginTop: -8, marginBottom: 12 }}
                      onClick={() => form.setFieldValue(['items', f.name, 'dissent'], dissentDraft(it))}
                    >
                      {t('min.prefillDissent')}
                    </Button>
                  ) : null}
                  <Form.Item name={[f.name, 'headReason']} label={t('min.headReason')} extra={t('min.headReasonHint')}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                </Card>
              );
            })
          }
        </Form.List>
      </Form>
      {data && data.versions.length > 1 ? (
        <Collapse
          size="small"
          items={data.versions.slice(0, -1).map((v) => ({
            key: v.id,
            label: `${t('min.version', { n: v.version })} · ${v.approvedBy ?? ''} ${instant(v.approvedAt)}`,
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                {[v.content.general, ...v.content.items.map((x) => x.decision)].filter(Boolean).join('\n')}
              </Typography.Paragraph>
            ),
          }))}
        />
      ) : null}
      {approving ? (
        <MinutesApproveModal
          meetingId={m.id}
          busy={approve.isPending}
          onClose={() => setApproving(false)}
          onConfirm={() =>
            void run(() => approve.mutateAsync(null), t('min.approvedDone')).then((r) => {
              if (r !== undefined) setApproving(false);
            })
          }
        />
      ) : null}
      <Modal
        open={correcting}
        title={t('min.correct')}
        onCancel={() => setCorrecting(false)}
        onOk={() =>
          void run(() => correct.mutateAsync({ reason })).then((r) => {
            if (r !== undefined) setCorrecting(false);
          })
        }
      >
        <Typography.Paragraph type="secondary">{t('min.correctHint')}</Typography.Paragraph>
        <Input.TextArea
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-label={t('min.correctReason')}
        />
      </Modal>
    </Space>
  );
}
