/** One session: its fixed settings and digest, code slips, opening, the hall screen, paper entry, closing and results. */
import { DesktopOutlined, EditOutlined, FileTextOutlined, LockOutlined, PlayCircleOutlined } from '@ant-design/icons';
import {
  App,
  Alert,
  Button,
  Card,
  Collapse,
  Descriptions,
  Flex,
  InputNumber,
  Popconfirm,
  Progress,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  BALLOT_KIND_LABELS,
  SESSION_STATUS_LABELS,
  SMALL_GROUP_POLICY_LABELS,
  type SessionDetail,
} from '../../../common/contracts/ballots.js';
import { isLoopbackUrl } from '../../../common/urls.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { instant } from '../../lib/format.js';
import { AnonymityNotice } from './AnonymityNotice.js';
import { downloadCodes, errorText, useBallotSession, useParticipation, useSessionAction } from './api.js';
import { sections } from '../../../common/ballot-answers.js';
import { STATUS_COLOR } from './SessionsPage.js';

function CodesCard({ s }: { s: SessionDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const issue = async (key: string, n: number) => {
    setBusy(key);
    try {
      message.success(t('ballots.codes.saved', { name: await downloadCodes(s.id, key, n) }));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={t('ballots.codes.title')}>
      <Alert type="warning" showIcon title={t('ballots.codes.once')} style={{ marginBottom: 8 }} />
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={s.categories}
        columns={[
          { title: t('ballots.form.category'), dataIndex: 'label', key: 'label' },
          { title: t('ballots.form.expected'), dataIndex: 'expected', key: 'expected', width: 90 },
          { title: t('ballots.codes.issued'), dataIndex: 'issued', key: 'issued', width: 90 },
          { title: t('ballots.form.loginVoters'), key: 'login', width: 110, render: (_, c) => c.loginPersonIds.length },
          {
            title: t('ballots.codes.more'),
            key: 'more',
            width: 300,
            render: (_, c) => {
              const n = counts[c.key] ?? Math.max(1, c.expected - c.issued - c.loginPersonIds.length);
              return s.abilities.issueCodes ? (
                <Flex gap={8}>
                  <InputNumber
                    size="small"
                    min={1}
                    max={3000}
                    value={n}
                    onChange={(v) => setCounts({ ...counts, [c.key]: v ?? 1 })}
                    aria-label={`${c.label} ${t('ballots.codes.more')}`}
                  />
                  <Button
                    size="small"
                    icon={<FileTextOutlined />}
                    loading={busy === c.key}
                    onClick={() => void issue(c.key, n)}
                  >
                    {t('ballots.codes.print')}
                  </Button>
                </Flex>
              ) : null;
            },
          },
        ]}
      />
    </Card>
  );
}

export function ParticipationBars({ id, live, big = false }: { id: string; live: boolean; big?: boolean }) {
  const t = useT();
  const p = useParticipation(id, live);
  if (!p.data) return null;
  return (
    <Flex vertical gap={big ? 24 : 8}>
      {p.data.categories.map((c) => {
        const of = c.expected || c.issued + c.loginVoters;
        return (
          <div key={c.key}>
            <Flex justify="space-between">
              <Typography.Text style={{ fontSize: big ? 28 : 14 }}>{c.label}</Typography.Text>
              <Typography.Text strong style={{ fontSize: big ? 28 : 14 }} data-testid={`voted-${c.key}`}>
                {t('ballots.hall.voted', { n: c.voted, of })}
              </Typography.Text>
            </Flex>
            <Progress
              percent={of ? Math.round((c.voted / of) * 100) : 0}
              size={big ? ['100%', 24] : 'small'}
              showInfo={false}
            />
          </div>
        );
      })}
    </Flex>
  );
}

/** Closing asks first and shows the turnout, so an early close is a choice made knowingly. */
function CloseButton({ id, loading, onConfirm }: { id: string; loading: boolean; onConfirm: () => void }) {
  const t = useT();
  const p = useParticipation(id, true);
  const turnout = p.data
    ? t('ballots.closeTurnout', {
        voted: p.data.voted,
        of: p.data.expected,
        pct: p.data.expected ? Math.round((p.data.voted / p.data.expected) * 100) : 0,
      })
    : '';
  return (
    <Popconfirm title={t('ballots.closeConfirm')} description={turnout} onConfirm={onConfirm}>
      <Button danger icon={<LockOutlined />} loading={loading}>
        {t('ballots.close')}
      </Button>
    </Popconfirm>
  );
}

export default function SessionPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const session = useBallotSession(id);
  const open = useSessionAction(id, 'open');
  const close = useSessionAction(id, 'close');
  const act = async (m: typeof open, done: string) => {
    try {
      await m.mutateAsync();
      message.success(done);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <QueryState query={session}>
      {(s) => (
        <>
          <PageHeader
            title={
              <>
                {s.title} <Tag color={STATUS_COLOR[s.status]}>{SESSION_STATUS_LABELS[s.status]}</Tag>
              </>
            }
            crumbs={[{ title: t('nav.ballots'), to: '/ballots' }, { title: s.title }]}
            extra={
              <>
                {s.abilities.edit ? (
                  <Button icon={<EditOutlined />} onClick={() => void navigate(`/ballots/${id}/edit`)}>
                    {t('common.edit')}
                  </Button>
                ) : null}
                {s.abilities.open ? (
                  <Popconfirm title={t('ballots.openConfirm')} onConfirm={() => void act(open, t('ballots.opened'))}>
                    <Button type="primary" icon={<PlayCircleOutlined />} loading={open.isPending}>
                      {t('ballots.open')}
                    </Button>
                  </Popconfirm>
                ) : null}
                {s.status !== 'draft' ? (
                  <Link to={`/ballots/${id}/hall`} target="_blank">
                    <Button icon={<DesktopOutlined />}>{t('ballots.hall.title')}</Button>
                  </Link>
                ) : null}
                {s.abilities.enterPaper ? (
                  <Button onClick={() => void navigate(`/ballots/${id}/paper`)}>{t('ballots.paper.title')}</Button>
                ) : null}
                {s.abilities.close ? (
                  <CloseButton
                    id={id}
                    loading={close.isPending}
                    onConfirm={() => void act(close, t('ballots.closed'))}
                  />
                ) : null}
                {s.abilities.viewResults ? (
                  <Button type="primary" onClick={() => void navigate(`/ballots/${id}/results`)}>
                    {t('ballots.results.title')}
                  </Button>
                ) : null}
              </>
            }
          />
          <RuleFindings findings={s.findings.filter((f) => f.kind !== 'info')} />
          {s.status !== 'closed' && (!s.publicUrlSet || isLoopbackUrl(s.voteUrl)) ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('ballots.publicUrl.title', { url: s.voteUrl })}
              description={t('ballots.publicUrl.how')}
              data-testid="public-url-warning"
            />
          ) : null}
          <Flex vertical gap={12}>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'u', label: t('ballots.col.unit'), children: s.unitName },
                { key: 'k', label: t('ballots.col.kind'), children: `${BALLOT_KIND_LABELS[s.kind]}（${s.year}）` },
                {
                  key: 'w',
                  label: t('ballots.col.window'),
                  children: `${instant(s.opensAt)} ～ ${instant(s.closesAt)}`,
                },
                {
                  key: 'm',
                  label: t('ballots.minGroup'),
                  children: `${s.minGroupSize}（C-01）：${SMALL_GROUP_POLICY_LABELS[s.smallGroupPolicy]}`,
                },
                {
                  key: 'v',
                  label: t('ballots.voteUrl'),
                  children: <Typography.Text copyable>{s.voteUrl}</Typography.Text>,
                },
                {
                  key: 'r',
                  label: t('ballots.receipts.title'),
                  children: (
                    <Link to={`/vote/${id}/receipts`} target="_blank">
                      {t('ballots.receipts.open')}
                    </Link>
                  ),
                },
                {
                  key: 'd',
                  label: t('ballots.digest'),
                  span: 2,
                  children: (
                    <Typography.Text code style={{ wordBreak: 'break-all' }}>
                      {s.settingsDigest ?? t('ballots.digestPending')}
                    </Typography.Text>
                  ),
                },
              ]}
            />
            {s.status === 'draft' ? <CodesCard s={s} /> : null}
            {s.status !== 'draft' ? (
              <Card size="small" title={t('ballots.hall.participation')}>
                <ParticipationBars id={id} live={s.status === 'open'} />
              </Card>
            ) : null}
            <Collapse
              size="small"
              items={[
                {
                  key: 'q',
                  label: t('ballots.form.questionnaire', { n: s.questionnaire.questions.length }),
                  children: (
                    <>
                      {sections(s.questionnaire).map((sec, i) => (
                        <div key={`${sec.title}-${i}`} style={{ marginBottom: 8 }}>
                          {sec.title ? <Typography.Text strong>{sec.title}</Typography.Text> : null}
                          <ol start={sec.items[0]?.n} style={{ margin: 0 }}>
                            {sec.items.map(({ q }) => (
                              <li key={q.id}>
                                {q.text}：
                                {q.type === 'rating'
                                  ? q.options.join(' / ')
                                  : `${q.post}，${q.seats} 名；${q.candidates.map((c) => c.name).join('、')}`}
                              </li>
                            ))}
                          </ol>
                        </div>
                      ))}
                    </>
                  ),
                },
              ]}
            />
            <AnonymityNotice minGroupSize={s.minGroupSize} />
          </Flex>
        </>
      )}
    </QueryState>
  );
}
