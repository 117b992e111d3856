/** Editing a questionnaire and the voter categories of a draft session (templates fill them in first). */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, InputNumber, Select, Switch, Table, Typography } from 'antd';
import type { Category, Question, Questionnaire, RecommendQuestion } from '../../../common/contracts/ballots.js';
import { useT } from '../../i18n.js';

function nextId(prefix: string, taken: string[]): string {
  let i = taken.length + 1;
  while (taken.includes(`${prefix}${i}`)) i += 1;
  return `${prefix}${i}`;
}

function RecommendEditor({ q, onChange }: { q: RecommendQuestion; onChange: (q: RecommendQuestion) => void }) {
  const t = useT();
  return (
    <Card size="small" title={t('ballots.form.recommend')}>
      <Flex gap={8} wrap align="center">
        <Typography.Text>{t('ballots.form.post')}</Typography.Text>
        <Input
          value={q.post}
          onChange={(e) => onChange({ ...q, post: e.target.value })}
          style={{ width: 200 }}
          aria-label={t('ballots.form.post')}
        />
        <Typography.Text>{t('ballots.form.seats')}</Typography.Text>
        <InputNumber
          min={1}
          max={20}
          value={q.seats}
          onChange={(v) => onChange({ ...q, seats: v ?? 1 })}
          aria-label={t('ballots.form.seats')}
        />
        <Checkbox checked={q.allowWriteIn} onChange={(e) => onChange({ ...q, allowWriteIn: e.target.checked })}>
          {t('ballots.form.allowWriteIn')}
        </Checkbox>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 4px' }}>
        {t('ballots.form.candidates')}
      </Typography.Text>
      <Select
        mode="tags"
        style={{ width: '100%' }}
        open={false}
        aria-label={t('ballots.form.candidates')}
        value={q.candidates.map((c) => c.name)}
        onChange={(names: string[]) => {
          const out: RecommendQuestion['candidates'] = [];
          for (const name of names) {
            out.push(
              q.candidates.find((c) => c.name === name) ?? {
                id: nextId(
                  'c',
                  [...q.candidates, ...out].map((c) => c.id),
                ),
                name,
              },
            );
          }
          onChange({ ...q, candidates: out });
        }}
      />
    </Card>
  );
}

export function QuestionsEditor({ value, onChange }: { value: Questionnaire; onChange: (q: Questionnaire) => void }) {
  const t = useT();
  const set = (i: number, q: Question) =>
    onChange({ ...value, questions: value.questions.map((x, j) => (j === i ? q : x)) });
  const remove = (i: number) => onChange({ ...value, questions: value.questions.filter((_, j) => j !== i) });
  const addRating = () =>
    onChange({
      ...value,
      questions: [
        ...value.questions,
        {
          id: nextId(
            'q',
            value.questions.map((x) => x.id),
          ),
          type: 'rating',
          text: '',
          options: ['好', '较好', '一般', '差'],
          required: true,
        },
      ],
    });
  const ratings = value.questions.flatMap((q, i) => (q.type === 'rating' ? [{ q, i }] : []));
  return (
    <Flex vertical gap={8}>
      <Input.TextArea
        value={value.intro}
        onChange={(e) => onChange({ ...value, intro: e.target.value })}
        placeholder={t('ballots.form.intro')}
        autoSize={{ minRows: 1, maxRows: 4 }}
        aria-label={t('ballots.form.intro')}
      />
      {value.questions.map((q, i) =>
        q.type === 'recommend' ? <RecommendEditor key={q.id} q={q} onChange={(x) => set(i, x)} /> : null,
      )}
      {ratings.length ? (
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey={(x) => x.q.id}
          dataSource={ratings}
          columns={[
            { title: '#', key: 'n', width: 44, render: (_, x) => x.i + 1 },
            {
              title: t('ballots.form.section'),
              key: 'section',
              width: 180,
              render: (_, x) => (
                <Input
                  size="small"
                  value={x.q.section ?? ''}
                  onChange={(e) => set(x.i, { ...x.q, section: e.target.value || undefined })}
                />
              ),
            },
            {
              title: t('ballots.form.question'),
              key: 'text',
              render: (_, x) => (
                <Input size="small" value={x.q.text} onChange={(e) => set(x.i, { ...x.q, text: e.target.value })} />
              ),
            },
            {
              title: t('ballots.form.options'),
              key: 'options',
              width: 300,
              render: (_, x) => (
                <Select
                  size="small"
                  mode="tags"
                  open={false}
                  style={{ width: '100%' }}
                  value={x.q.options}
                  onChange={(o: string[]) => set(x.i, { ...x.q, options: o })}
                />
              ),
            },
            {
              title: t('ballots.form.required'),
              key: 'req',
              width: 60,
              render: (_, x) => (
                <Switch size="small" checked={x.q.required} onChange={(c) => set(x.i, { ...x.q, required: c })} />
              ),
            },
            {
              title: '',
              key: 'del',
              width: 44,
              render: (_, x) => (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(x.i)}
                  aria-label={t('common.delete')}
                />
              ),
            },
          ]}
        />
      ) : null}
      <div>
        <Button icon={<PlusOutlined />} onClick={addRating}>
          {t('ballots.form.addQuestion')}
        </Button>
      </div>
    </Flex>
  );
}

export function CategoriesEditor({
  value,
  onChange,
  people,
}: {
  value: Category[];
  onChange: (c: Category[]) => void;
  people: { value: string; label: string }[];
}) {
  const t = useT();
  const set = (i: number, c: Category) => onChange(value.map((x, j) => (j === i ? c : x)));
  return (
    <Flex vertical gap={8}>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        dataSource={value}
        columns={[
          {
            title: t('ballots.form.category'),
            key: 'label',
            width: 160,
            render: (_, c, i) => (
              <Input size="small" value={c.label} onChange={(e) => set(i, { ...c, label: e.target.value })} />
            ),
          },
          {
            title: t('ballots.form.expected'),
            key: 'expected',
            width: 110,
            render: (_, c, i) => (
              <InputNumber
                size="small"
                min={0}
                value={c.expected}
                onChange={(v) => set(i, { ...c, expected: v ?? 0 })}
              />
            ),
          },
          {
            title: t('ballots.form.loginVoters'),
            key: 'login',
            render: (_, c, i) => (
              <Select
                size="small"
                mode="multiple"
                allowClear
                style={{ width: '100%' }}
                options={people}
                value={c.loginPersonIds}
                onChange={(ids: string[]) => set(i, { ...c, loginPersonIds: ids })}
                placeholder={t('ballots.form.loginVotersHint')}
              />
            ),
          },
          {
            title: '',
            key: 'del',
            width: 44,
            render: (_, _c, i) => (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={t('common.delete')}
              />
            ),
          },
        ]}
      />
      <div>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            onChange([
              ...value,
              {
                key: nextId(
                  'cat',
                  value.map((c) => c.key),
                ),
                label: '',
                expected: 0,
                loginPersonIds: [],
              },
            ])
          }
        >
          {t('ballots.form.addCategory')}
        </Button>
      </div>
    </Flex>
  );
}
