/** A unit's parameter override: new values, effective date and reason (POST /api/rules/:id/overrides). */
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { RuleView } from '../../../common/contracts/rules.js';
import type { Finding } from '../../../common/rules/types.js';
import { useCreateOverride } from '../../api/rules.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useServerErrors } from '../../components/formErrors.js';
import { toDate, todayBeijing } from '../../lib/format.js';
import { parseJsonParam, sameValue } from '../../lib/params.js';
import { useLang, useT } from '../../i18n.js';
import { GovernanceTag } from './GovernanceTag.js';

type Param = RuleView['params'][number];

/** The control for one parameter (returned as an element so Form.Item can bind value and onChange). */
function paramInput(p: Param, disabled: boolean) {
  if (p.governance.kind === 'free' && p.governance.options) {
    return (
      <Select
        disabled={disabled}
        style={{ width: 240 }}
        options={p.governance.options.map((o) => ({ value: o, label: o }))}
      />
    );
  }
  switch (p.type) {
    case 'boolean':
      return <Switch disabled={disabled} />;
    case 'integer':
      return <InputNumber precision={0} style={{ width: 180 }} disabled={disabled} />;
    case 'number':
      return <InputNumber style={{ width: 180 }} disabled={disabled} />;
    case 'ratio':
      return <InputNumber min={0} max={1} step={0.01} style={{ width: 180 }} disabled={disabled} />;
    case 'money_fen':
      return <InputNumber min={0} precision={0} style={{ width: 180 }} suffix="分" disabled={disabled} />;
    case 'string_list':
      return <Select mode="tags" style={{ width: '100%' }} disabled={disabled} />;
    case 'json':
      return <Input.TextArea rows={3} style={{ fontFamily: 'monospace' }} disabled={disabled} />;
    default:
      return <Input disabled={disabled} />;
  }
}

function initialOf(p: Param): unknown {
  return p.type === 'json' ? JSON.stringify(p.effective ?? null, null, 1) : p.effective;
}

export function OverrideForm({ rule, unitId, onDone }: { rule: RuleView; unitId: string; onDone: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ params: Record<string, unknown>; effectiveFrom: Dayjs; reason: string }>();
  const server = useServerErrors(form);
  const [findings, setFindings] = useState<Finding[]>([]);
  const create = useCreateOverride(rule.id);

  const submit = (v: { params: Record<string, unknown>; effectiveFrom: Dayjs; reason: string }) => {
    const params: Record<string, unknown> = {};
    try {
      for (const p of rule.params) {
        const raw = v.params[p.key];
        const value = p.type === 'json' && typeof raw === 'string' ? parseJsonParam(raw) : raw;
        if (p.governance.kind !== 'fixed' && !sameValue(value, p.effective)) params[p.key] = value;
      }
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
      return;
    }
    if (Object.keys(params).length === 0) {
      void message.warning(t('rules.noChange'));
      return;
    }
    create.mutate(
      { unitId, params, effectiveFrom: toDate(v.effectiveFrom) ?? '', reason: v.reason },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          form.resetFields();
          onDone();
        },
        onError: (e) => {
          const shown = server.apply(e);
          setFindings(shown.findings);
          if (shown.message) void message.error(shown.message);
        },
      },
    );
  };

  return (
    <Form
      form={form}
      onFieldsChange={server.onFieldsChange}
      layout="vertical"
      size="small"
      onFinish={submit}
      initialValues={{
        params: Object.fromEntries(rule.params.map((p) => [p.key, initialOf(p)])),
        effectiveFrom: todayBeijing(),
      }}
    >
      <RuleFindings findings={findings} />
      {rule.params.map((p) => (
        <Form.Item
          key={p.key}
          name={['params', p.key]}
          label={lang === 'en' ? p.label_en : p.label_zh}
          valuePropName={p.type === 'boolean' ? 'checked' : 'value'}
          extra={<GovernanceTag p={p} />}
          tooltip={p.governance.kind === 'fixed' ? t('rules.fixedReadOnly') : undefined}
        >
          {paramInput(p, p.governance.kind === 'fixed')}
        </Form.Item>
      ))}
      <Form.Item
        name="effectiveFrom"
        label={t('rules.effectiveFrom')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item name="reason" label={t('rules.reason')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('rules.saveOverride')}
      </Button>
    </Form>
  );
}
