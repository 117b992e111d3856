/**
 * Answer, review, submit, receipt: the steps every voter goes through, whether they hold a code
 * slip (public page) or vote logged in. The receipt is shown once; the voter notes it down and
 * finds it in the published list after closing.
 */
import { CheckCircleTwoTone } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Result, Typography } from 'antd';
import { useState } from 'react';
import {
  groupCode,
  validateAnswers,
  type Answers,
  type AnswerProblem,
  type Questionnaire,
} from '../../../common/contracts/ballots.js';
import { isApiError } from '../../api/client.js';
import { useT } from '../../i18n.js';
import { answerText } from '../../../common/ballot-answers.js';
import { BallotForm } from './BallotForm.js';

export interface BallotFlowProps {
  sessionId: string;
  title: string;
  categoryLabel: string;
  questionnaire: Questionnaire;
  submit: (answers: Answers) => Promise<string>;
}

function scrollTo(questionId: string) {
  document.getElementById(`q-${questionId}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
}

export function BallotFlow({ sessionId, title, categoryLabel, questionnaire, submit }: BallotFlowProps) {
  const t = useT();
  const [answers, setAnswers] = useState<Answers>({});
  const [step, setStep] = useState<'answer' | 'review' | 'done'>('answer');
  const [problem, setProblem] = useState<AnswerProblem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState('');

  const review = () => {
    const p = validateAnswers(questionnaire, answers);
    setProblem(p);
    if (p) {
      scrollTo(p.questionId);
      return;
    }
    setStep('review');
    window.scrollTo({ top: 0 });
  };

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      setReceipt(await submit(answers));
      setStep('done');
      window.scrollTo({ top: 0 });
    } catch (e) {
      const field = isApiError(e) ? e.field : undefined;
      if (field?.startsWith('answers.')) {
        setProblem({ questionId: field.slice(8), message: e instanceof Error ? e.message : String(e) });
        setStep('answer');
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (step === 'done') {
    return (
      <Result
        icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
        title={t('ballots.vote.done')}
        subTitle={t('ballots.vote.receiptHint')}
        extra={[
          <Card key="r" size="small" style={{ display: 'inline-block' }}>
            <Typography.Text type="secondary">{t('ballots.vote.receipt')}</Typography.Text>
            <Typography.Title
              level={3}
              copyable={{ text: receipt }}
              style={{ margin: '4px 0 0', fontFamily: 'monospace', letterSpacing: 1 }}
              data-testid="receipt"
            >
              {groupCode(receipt)}
            </Typography.Title>
          </Card>,
          <div key="l" style={{ marginTop: 12 }}>
            {/* the receipt page is the light public entry: a full page load, not a console route */}
            <a href={`/vote/${sessionId}/receipts`}>{t('ballots.vote.checkLater')}</a>
          </div>,
        ]}
      />
    );
  }

  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('ballots.vote.youVoteAs', { category: categoryLabel })}</Typography.Text>
      {step === 'answer' ? (
        <>
          <BallotForm
            questionnaire={questionnaire}
            value={answers}
            onChange={(a) => {
              setAnswers(a);
              if (problem) setProblem(null);
            }}
            problem={problem}
          />
          {problem ? <Alert type="error" showIcon title={problem.message} /> : null}
          <Button type="primary" size="large" block onClick={review}>
            {t('ballots.vote.toReview')}
          </Button>
        </>
      ) : (
        <>
          <Alert type="info" showIcon title={t('ballots.vote.reviewHint', { title })} />
          <Descriptions
            size="small"
            column={1}
            bordered
            items={questionnaire.questions.map((q, i) => ({
              key: q.id,
              label: `${i + 1}. ${q.section ? `${q.section} · ` : ''}${q.text}`,
              children: answerText(q, answers[q.id], t('ballots.vote.unanswered')),
            }))}
          />
          {error ? <Alert type="error" showIcon title={error} /> : null}
          <Flex gap={8}>
            <Button size="large" style={{ flex: 1 }} onClick={() => setStep('answer')} disabled={busy}>
              {t('ballots.vote.back')}
            </Button>
            <Button type="primary" size="large" style={{ flex: 2 }} loading={busy} onClick={() => void send()}>
              {t('ballots.vote.submit')}
            </Button>
          </Flex>
        </>
      )}
    </Flex>
  );
}
