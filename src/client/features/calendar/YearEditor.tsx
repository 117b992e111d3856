/** System admin: edit one year's holidays and make-up workdays (PUT /api/calendar/years/:year). */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { usePutCalendarYear, type CalendarDay } from '../../api/calendar.js';
import { useServerErrors } from '../../components/formErrors.js';
import { fromDate, toDate } from '../../lib/format.js';
import { useT } from '../../i18n.js';

interface Row {
  date?: Dayjs | null;
  kind?: CalendarDay['kind'];
  name?: string;
}

const cell = { style: { marginBottom: 0 } };

export function YearEditor({ year, days, onClose }: { year: number; days: CalendarDay[]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ days: Row[] }>();
  const server = useServerErrors(form);
  const [error, setError] = useState<string | null>(null);
  const put = usePutCalendarYear(year);
  const submit = (v: { days: Row[] }) => {
    const out = (v.days ?? []).map((d) => ({
      date: toDate(d.date) ?? '',
      kind: d.kind ?? 'holiday',
      name: d.name?.trim() ?? '',
    }));
    out.sort((a, b) => a.date.localeCompare(b.date));
    put.mutate(out, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (e) => setError(server.apply(e).message),
    });
  };
  return (
    <Modal
      open
      width={780}
      title={t('cal.editYear', { year })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={put.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('cal.editHint')} style={{ marginBottom: 12 }} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        onFieldsChange={server.onFieldsChange}
        onFinish={submit}
        initialValues={{ days: days.map((d) => ({ date: fromDate(d.date), kind: d.kind, name: d.name })) }}
      >
        <Form.List name="days">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small"
                bordered
                pagination={false}
                rowKey="key"
                dataSource={fields}
                scroll={{ y: 420 }}
                columns={[
                  {
                    title: t('cal.date'),
                    key: 'd',
                    width: 170,
                    render: (_, f) => (
                      <Form.Item
                        {...cell}
                        name={[f.name, 'date']}
                        rules={[
                          { required: true, message: t('common.required') },
                          {
                            validator: async (_r, v: Dayjs | null | undefined) => {
                              if (v && v.year() !== year) throw new Error(t('cal.wrongYear', { year }));
                            },
                          },
                        ]}
                      >
                        <DatePicker />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('cal.dayKind'),
                    key: 'k',
                    width: 180,
                    render: (_, f) => (
                      <Form.Item {...cell} name={[f.name, 'kind']} rules={[{ required: true }]}>
                        <Select
                          options={[
                            { value: 'holiday', label: t('cal.holiday') },
                            { value: 'workday', label: t('cal.workday') },
                          ]}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('cal.name'),
                    key: 'n',
                    render: (_, f) => (
                      <Form.Item
                        {...cell}
                        name={[f.name, 'name']}
                        rules={[{ required: true, message: t('common.required') }]}
                      >
                        <Input maxLength={40} placeholder={t('cal.nameHint')} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: '',
                    key: 'a',
                    width: 48,
                    render: (_, f) => (
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={t('common.delete')}
                      />
                    ),
                  },
                ]}
              />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'holiday' })}
                style={{ marginTop: 8 }}
              >
                {t('cal.addDay')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
