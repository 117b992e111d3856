/**
 * Paper ballots typed by two clerks independently: a ballot counts only when both entries match;
 * a differing pair is listed for a third check. The code is spent when the matched entry is accepted.
 */
import { App, Alert, Button, Card, Flex, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  groupCode,
  normalizeCode,
  validateAnswers,
  type AnswerProblem,
  type Answers,
} from '../../../common/contracts/ballots.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { errorText, useBallotSession, useDiscardPaper, usePaperEntries, usePaperEntry } from './api.js';
import { BallotForm } from './BallotForm.js';

export default function PaperEntryPage() {
  const t = useT();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const session = useBallotSession(id);
  const entries = usePaperEntries(id);
  const enter = usePaperEntry(id);
  const discard = useDiscardPaper(id);
  const [code, setCode] = useState('');
  const [answers, setAnswers] = useState<Answers>({});
  const [problem, setProblem] = useState<AnswerProblem | null>(null);
  const [result, setResult] = useState<{ type: 'success' | 'info' | 'warning' | 'error'; text: string } | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const [discardCode, setDiscardCode] = useState('');

  const submit = async (q: Parameters<typeof validateAnswers>[0]) => {
    const p = validateAnswers(q, answers);
    setProblem(p);
    if (p) return;
    try {
      const r = await enter.mutateAsync({ code, answers });
      if (r.status === 'accepted') {
        setResult({ type: 'success', text: t('ballots.paper.accepted', { receipt: groupCode(r.receipt ?? '') }) });
      } else if (r.status === 'waiting') setResult({ type: 'info', text: t('ballots.paper.waiting') });
      else {
        setResult({
          type: 'warning',
          text: t('ballots.paper.mismatch', { questions: r.differingQuestions.join('、') }),
        });
      }
      setCode('');
      setAnswers({});
    } catch (e) {
      setResult({ type: 'error', text: errorText(e) });
    }
  };

  return (
    <QueryState query={session}>
      {(s) => (
        <>
          <PageHeader
            title={t('ballots.paper.title')}
            crumbs={[
              { title: t('nav.ballots'), to: '/ballots' },
              { title: s.title, to: `/ballots/${id}` },
              { title: t('ballots.paper.title') },
            ]}
            sub={t('ballots.paper.sub')}
          />
          <Flex gap={16} align="flex-start" wrap>
            <Flex vertical gap={8} style={{ flex: '2 1 520px' }}>
              <Input
                value={code}
                onChange={(e) => setCode(e.target.value)}
                placeholder={t('ballots.paper.code')}
                aria-label={t('ballots.paper.code')}
                style={{ fontFamily: 'monospace', maxWidth: 320 }}
              />
              <BallotForm
                compact
                questionnaire={s.questionnaire}
                value={answers}
                onChange={setAnswers}
                problem={problem}
              />
              {result ? <Alert type={result.type} showIcon title={result.text} data-testid="paper-result" /> : null}
              <div>
                <Button
                  type="primary"
                  loading={enter.isPending}
                  disabled={normalizeCode(code).length < 12 || !s.abilities.enterPaper}
                  onClick={() => void submit(s.questionnaire)}
                >
                  {t('ballots.paper.submit')}
                </Button>
              </div>
            </Flex>
            <Card
              size="small"
              title={t('ballots.paper.pending')}
              style={{ flex: '1 1 320px' }}
              extra={
                <Button size="small" onClick={() => setDiscarding(true)}>
                  {t('ballots.paper.discard')}
                </Button>
              }
            >
              <Table
                size="small"
                pagination={false}
                rowKey={(r) => `${r.codeHint}-${r.clerks.join()}`}
                dataSource={entries.data?.items ?? []}
                columns={[
                  {
                    title: t('ballots.paper.hint'),
                    dataIndex: 'codeHint',
                    key: 'h',
                    render: (h: string) => <Typography.Text code>…{h}</Typography.Text>,
                  },
                  {
                    title: t('ballots.col.status'),
                    key: 's',
                    render: (_, r) => (
                      <Tag color={r.status === 'mismatch' ? 'orange' : 'blue'}>
                        {t(r.status === 'mismatch' ? 'ballots.paper.statusMismatch' : 'ballots.paper.statusWaiting')}
                      </Tag>
                    ),
                  },
                  { title: t('ballots.paper.clerks'), key: 'c', render: (_, r) => r.clerks.join('、') },
                  { title: t('ballots.paper.differs'), key: 'd', render: (_, r) => r.differingQuestions.join('、') },
                ]}
              />
            </Card>
          </Flex>
          <Modal
            open={discarding}
            title={t('ballots.paper.discard')}
            onCancel={() => setDiscarding(false)}
            confirmLoading={discard.isPending}
            onOk={() =>
              void discard.mutateAsync(discardCode).then(
                () => {
                  message.success(t('ballots.paper.discarded'));
                  setDiscarding(false);
                  setDiscardCode('');
                },
                (e: unknown) => message.error(errorText(e)),
              )
            }
          >
            <Input
              value={discardCode}
              onChange={(e) => setDiscardCode(e.target.value)}
              placeholder={t('ballots.paper.code')}
              aria-label={t('ballots.paper.code')}
            />
          </Modal>
        </>
      )}
    </QueryState>
  );
}
