/**
 * A questionnaire to fill in: big tap targets on a phone, one card per section. Ratings are a row
 * of buttons; a recommendation is a list of names to tick, with write-ins where allowed.
 * Used by the phone page, by logged-in voting and by the clerks typing paper ballots (compact).
 */
import { Alert, Card, Checkbox, Flex, Radio, Select, Space, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { sections } from '../../../common/ballot-answers.js';
import type { Answers, Question, Questionnaire, RecommendAnswer } from '../../../common/contracts/ballots.js';
import { useT } from '../../i18n.js';

export interface BallotFormProps {
  questionnaire: Questionnaire;
  value: Answers;
  onChange: (a: Answers) => void;
  /** The question the server or the review step found wrong */
  problem?: { questionId: string; message: string } | null;
  compact?: boolean;
}

function RecommendInput({
  q,
  value,
  onChange,
}: {
  q: Extract<Question, { type: 'recommend' }>;
  value: RecommendAnswer | undefined;
  onChange: (v: RecommendAnswer) => void;
}) {
  const t = useT();
  const v = value ?? { candidates: [], writeIns: [] };
  const chosen = v.candidates.length + v.writeIns.length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type={chosen > q.seats ? 'danger' : 'secondary'}>
        {t('ballots.vote.seats', { post: q.post, seats: q.seats, chosen })}
      </Typography.Text>
      <Checkbox.Group
        value={v.candidates}
        onChange={(c) => onChange({ ...v, candidates: c })}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
      >
        {q.candidates.map((c) => (
          <Checkbox key={c.id} value={c.id} style={{ fontSize: 16 }}>
            {c.name}
            {c.note ? <Typography.Text type="secondary">（{c.note}）</Typography.Text> : null}
          </Checkbox>
        ))}
      </Checkbox.Group>
      {q.allowWriteIn ? (
        <Select
          mode="tags"
          value={v.writeIns}
          onChange={(w: string[]) => onChange({ ...v, writeIns: w.map((x) => x.trim()).filter(Boolean) })}
          placeholder={t('ballots.vote.writeIn')}
          style={{ width: '100%' }}
          open={false}
          aria-label={t('ballots.vote.writeIn')}
        />
      ) : null}
    </Space>
  );
}

export function BallotForm({ questionnaire, value, onChange, problem, compact = false }: BallotFormProps) {
  const t = useT();
  const set = (id: string, a: Answers[string] | undefined) => {
    const next = { ...value };
    if (a === undefined) delete next[id];
    else next[id] = a;
    onChange(next);
  };
  return (
    <Flex vertical gap={compact ? 8 : 12}>
      {questionnaire.intro && !compact ? <Alert type="info" title={questionnaire.intro} /> : null}
      {sections(questionnaire).map((s, si) => (
        <Card
          key={`${s.title}-${si}`}
          size="small"
          title={s.title || undefined}
          styles={{ body: { padding: compact ? 8 : 12 } }}
        >
          {s.items.map(({ q, n }) => {
            const wrong = problem?.questionId === q.id;
            return (
              <Fragment key={q.id}>
                <div
                  id={`q-${q.id}`}
                  data-question={q.id}
                  style={{
                    padding: compact ? '4px 0' : '8px 0',
                    borderBottom: '1px solid #f0f0f0',
                    ...(wrong ? { background: '#fff1f0' } : {}),
                  }}
                >
                  <Flex justify="space-between" align="baseline" gap={8} wrap>
                    <Typography.Text strong={!compact} style={{ fontSize: compact ? 14 : 16 }}>
                      {n}. {q.text}
                      {q.required ? null : <Tag style={{ marginLeft: 6 }}>{t('ballots.vote.optional')}</Tag>}
                    </Typography.Text>
                  </Flex>
                  <div style={{ marginTop: 6 }}>
                    {q.type === 'rating' ? (
                      <Radio.Group
                        block={!compact}
                        optionType="button"
                        buttonStyle="solid"
                        size={compact ? 'small' : 'large'}
                        value={value[q.id]}
                        onChange={(e) => set(q.id, e.target.value as string)}
                        options={q.options.map((o) => ({ value: o, label: o }))}
                        aria-label={`${n}. ${q.text}`}
                      />
                    ) : (
                      <RecommendInput
                        q={q}
                        value={value[q.id] as RecommendAnswer | undefined}
                        onChange={(a) => set(q.id, a)}
                      />
                    )}
                  </div>
                  {wrong ? <Typography.Text type="danger">{problem?.message}</Typography.Text> : null}
                </div>
              </Fragment>
            );
          })}
        </Card>
      ))}
    </Flex>
  );
}
