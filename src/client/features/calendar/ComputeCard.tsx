/** Deadline calculator over the working-day calendar (GET /api/calendar/compute). */
import { Alert, Button, Card, DatePicker, Form, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { computeDeadline } from '../../api/calendar.js';
import { toDate, todayBeijing } from '../../lib/format.js';
import { useT, type MessageKey } from '../../i18n.js';

const KINDS = [
  'notice_working_days',
  'working_days_after',
  'calendar_days_after',
  'statutory_months',
  'count_working_days',
] as const;
type Kind = (typeof KINDS)[number];

interface Values {
  kind: Kind;
  from: Dayjs;
  n?: number;
  to?: Dayjs;
}
type Result = Awaited<ReturnType<typeof computeDeadline>>;

export function ComputeCard() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'notice_working_days';
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      setResult(
        await computeDeadline({
          kind: v.kind,
          from: toDate(v.from),
          n: v.kind === 'count_working_days' ? undefined : v.n,
          to: v.kind === 'count_working_days' ? toDate(v.to) : undefined,
        }),
      );
    } catch (e) {
      setResult(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('cal.compute')}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => void submit(v)}
        initialValues={{ kind: 'notice_working_days', from: todayBeijing(), n: 5, to: todayBeijing().add(30, 'day') }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="kind" label={t('cal.kind')}>
          <Select
            style={{ width: 230 }}
            options={KINDS.map((k) => ({ value: k, label: t(`cal.kind.${k}` as MessageKey) }))}
            onChange={() => setResult(null)}
          />
        </Form.Item>
        <Form.Item name="from" label={t('cal.from')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker />
        </Form.Item>
        {kind === 'count_working_days' ? (
          <Form.Item name="to" label={t('cal.to')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker />
          </Form.Item>
        ) : (
          <Form.Item
            name="n"
            label={kind === 'statutory_months' ? t('cal.nMonths') : t('cal.nDays')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={0} max={3650} style={{ width: 90 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('cal.calc')}
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        {error ? <Alert type="error" showIcon title={error} /> : null}
        {result ? (
          result.ok ? (
            <Alert
              type="success"
              showIcon
              data-testid="compute-result"
              title={
                result.date
                  ? t('cal.resultDate', { date: result.date })
                  : t('cal.resultCount', { n: result.count ?? 0 })
              }
              description={result.message_zh ?? undefined}
            />
          ) : (
            <Alert type="warning" showIcon title={result.message_zh ?? t('cal.uncovered')} />
          )
        ) : null}
      </div>
    </Card>
  );
}
