/**
 * Statutory procedures of a major administrative decision as steps with evidence: legality review
 * (ZD-06), public participation (ZD-03), expert review with conflict declarations (ZD-04), risk
 * assessment (ZD-05). The server checks each step's own rules when it is recorded.
 */
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { PARTICIPATION_METHODS, type ItemDetail, type ProcedureKind } from '../../../common/contracts/decisions.js';
import { CitationTag } from '../../components/CitationTag.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { fromDate, toDate } from '../../lib/format.js';
import { useRun } from '../meetings/useRun.js';
import { useDecisionWrite } from './api.js';

type Proc = ItemDetail['procedures'][number];
const RESULT_TEXT: Record<string, string> = {
  lawful: '合法',
  unlawful: '不合法',
  exploratory: '探索性改革（明示法律风险）',
  controllable: '风险可控',
  uncontrollable: '风险不可控',
  done: '已完成',
};
const DATE_FIELDS = ['sentOn', 'completedOn', 'commentStart', 'commentEnd', 'hearingDate', 'hearingMaterialsSentOn'];

export function ProceduresPanel({ it }: { it: ItemDetail }) {
  const t = useT();
  const [editing, setEditing] = useState<Proc | null>(null);
  const [expertFor, setExpertFor] = useState(false);
  if (!it.procedures.length) return null;
  return (
    <Card size="small" title={t('proc.title')} data-testid="procedures">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {it.procedures.map((p) => (
          <Card
            key={p.kind}
            size="small"
            type="inner"
            title={
              <Space size={4}>
                <span>{p.label}</span>
                <Tag color="geekblue">{p.ruleId}</Tag>
                {p.required ? <Tag color="red">{t('proc.required')}</Tag> : <Tag>{t('proc.optional')}</Tag>}
              </Space>
            }
            extra={
              <Space size={4}>
                {p.done ? (
                  <Tag color={p.result === 'unlawful' || p.result === 'uncontrollable' ? 'red' : 'green'}>
                    {RESULT_TEXT[p.result ?? ''] ?? p.result}
                  </Tag>
                ) : (
                  <Tag color="orange">{t('proc.missing')}</Tag>
                )}
                {it.abilities.procedures ? (
                  <Button size="small" onClick={() => setEditing(p)}>
                    {p.done ? t('proc.update') : t('proc.record')}
                  </Button>
                ) : null}
              </Space>
            }
          >
            {p.done ? (
              <Typography.Text type="secondary">
                {t('proc.completedOn', { date: p.completedOn ?? '' })}
                {summary(p)}
              </Typography.Text>
            ) : null}
            {p.kind === 'expert_review' && p.done ? (
              <div style={{ marginTop: 6 }}>
                {p.experts.map((e) => (
                  <Tag key={e.id}>
                    {e.name}（{e.organization}）{e.opinionSigned ? t('proc.signed') : ''}
                  </Tag>
                ))}
                {it.abilities.procedures ? (
                  <Button size="small" onClick={() => setExpertFor(true)}>
                    {t('proc.addExpert')}
                  </Button>
                ) : null}
              </div>
            ) : null}
            <RuleFindings findings={p.findings} />
          </Card>
        ))}
        {it.procedures[0] ? (
          <CitationTag
            citation={{ doc: '《重大行政决策程序暂行条例》', version: '2019', article: '第十四条至第二十八条' }}
          />
        ) : null}
      </Space>
      {editing ? <StepModal it={it} p={editing} onClose={() => setEditing(null)} /> : null}
      {expertFor ? <ExpertModal it={it} onClose={() => setExpertFor(false)} /> : null}
    </Card>
  );
}

function summary(p: Proc): string {
  const d = p.data;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  if (p.kind === 'legality') return `；${str(d.reviewer)}，${str(d.sentOn)} 送审`;
  if (p.kind === 'public_participation') return `；${Array.isArray(d.methods) ? d.methods.join('、') : ''}`;
  return '';
}

function StepModal({ it, p, onClose }: { it: ItemDetail; p: Proc; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const { run, findings, clear } = useRun();
  const write = useDecisionWrite<Record<string, unknown>, { findings: [] }>(
    () => `/api/decisions/items/${it.id}/procedures`,
  );
  const methods = Form.useWatch('methods', form) as string[] | undefined;
  const initial = Object.fromEntries(
    Object.entries({
      ...p.data,
      completedOn: p.completedOn,
      ...(p.kind === 'legality' ? { result: p.result } : {}),
      ...(p.kind === 'risk_assessment' ? { conclusion: p.result } : {}),
    }).map(([k, v]) => [k, DATE_FIELDS.includes(k) && typeof v === 'string' ? fromDate(v) : v]),
  );
  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = { kind: p.kind };
    for (const [k, val] of Object.entries(v)) body[k] = DATE_FIELDS.includes(k) ? toDate(val as never) : val;
    const r = await run(() => write.mutateAsync(body), t('common.saved'));
    if (r !== undefined) onClose();
  };
  const date = (name: string, label: string, required = true) => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: t('common.required') }] : []}>
      <DatePicker />
    </Form.Item>
  );
  const text = (name: string, label: string, rows = 2) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('common.required') }]}>
      <Input.TextArea rows={rows} />
    </Form.Item>
  );
  const forms: Record<ProcedureKind, React.ReactNode> = {
    legality: (
      <>
        <Form.Item
          name="reviewer"
          label={t('proc.reviewer')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input />
        </Form.Item>
        <Space>
          {date('sentOn', t('proc.sentOn'))}
          {date('completedOn', t('proc.doneOn'))}
        </Space>
        <Form.Item name="result" label={t('proc.result')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group
            options={['lawful', 'unlawful', 'exploratory'].map((x) => ({ value: x, label: RESULT_TEXT[x] }))}
          />
        </Form.Item>
        {text('opinion', t('proc.opinion'))}
        <Form.Item name="legalRiskNote" label={t('proc.legalRisk')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="lawyerOpinion" label={t('proc.lawyer')} valuePropName="checked" initialValue>
          <Switch />
        </Form.Item>
      </>
    ),
    public_participation: (
      <>
        <Form.Item name="methods" label={t('proc.methods')} rules={[{ required: true, message: t('common.required') }]}>
          <Checkbox.Group options={PARTICIPATION_METHODS.map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        {methods?.includes('向社会公开征求意见') ? (
          <>
            <Space>
              {date('commentStart', t('proc.commentStart'))}
              {date('commentEnd', t('proc.commentEnd'))}
            </Space>
            <Form.Item name="shortenedReason" label={t('proc.shortened')}>
              <Input />
            </Form.Item>
          </>
        ) : null}
        {methods?.includes('听证会') ? (
          <Space>
            {date('hearingDate', t('proc.hearingDate'))}
            {date('hearingMaterialsSentOn', t('proc.materialsSent'))}
          </Space>
        ) : null}
        {text('adoptionReport', t('proc.adoption'), 3)}
        {date('completedOn', t('proc.doneOn'))}
      </>
    ),
    expert_review: (
      <>
        <Form.Item name="method" label={t('proc.method')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={['论证会', '书面咨询', '委托咨询论证'].map((x) => ({ value: x, label: x }))} />
        </Form.Item>
        {text('conclusion', t('proc.conclusion'), 3)}
        {date('completedOn', t('proc.doneOn'))}
      </>
    ),
    risk_assessment: (
      <>
        {text('riskPoints', t('proc.riskPoints'))}
        {text('measures', t('proc.measures'))}
        {text('contingencyPlan', t('proc.contingency'))}
        <Form.Item
          name="conclusion"
          label={t('proc.result')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Radio.Group options={['controllable', 'uncontrollable'].map((x) => ({ value: x, label: RESULT_TEXT[x] }))} />
        </Form.Item>
        <Form.Item name="assessor" label={t('proc.assessor')}>
          <Input />
        </Form.Item>
        {date('completedOn', t('proc.doneOn'))}
      </>
    ),
  };
  return (
    <Modal
      open
      width={680}
      title={`${p.label}（${p.ruleId}）`}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={write.isPending}
      okText={t('common.save')}
    >
      <RuleFindings findings={findings} onClose={clear} />
      <Form form={form} layout="vertical" initialValues={initial}>
        {forms[p.kind]}
      </Form>
    </Modal>
  );
}

function ExpertModal({ it, onClose }: { it: ItemDetail; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const { run, findings, clear } = useRun();
  const write = useDecisionWrite<Record<string, unknown>>(() => `/api/decisions/items/${it.id}/experts`);
  const submit = async () => {
    const v = await form.validateFields();
    const r = await run(
      () => write.mutateAsync({ ...v, hasInterest: !!v.hasInterest, opinionSigned: !!v.opinionSigned }),
      t('common.saved'),
    );
    if (r !== undefined) onClose();
  };
  return (
    <Modal
      open
      title={t('proc.addExpert')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={write.isPending}
    >
      <RuleFindings findings={findings} onClose={clear} />
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('proc.expertName')} rules={[{ required: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="organization"
          label={t('proc.expertOrg')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="field" label={t('proc.expertField')}>
          <Input />
        </Form.Item>
        <Form.Item name="hasInterest" valuePropName="checked" extra={t('proc.interestHint')}>
          <Checkbox>{t('proc.hasInterest')}</Checkbox>
        </Form.Item>
        <Form.Item name="opinionSigned" valuePropName="checked">
          <Checkbox>{t('proc.opinionSigned')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
