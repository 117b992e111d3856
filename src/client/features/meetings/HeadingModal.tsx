/**
 * The office gives the meeting a title and, before publishing, may set its number (第N次); left to
 * the date, the number follows the meeting dates within the year. Published numbers never change.
 */
import { Alert, Form, Input, InputNumber, Modal, Radio } from 'antd';
import type { MeetingDetail } from '../../../common/contracts/meetings.js';
import { useT } from '../../i18n.js';
import { useMeetingAction } from './api.js';
import type { Run } from './useRun.js';

interface Values {
  subject: string;
  mode: 'auto' | 'office';
  seq: number;
}

export function HeadingModal({ m, run, onClose }: { m: MeetingDetail; run: Run; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const save = useMeetingAction<Record<string, unknown>>(m.id, () => `/api/meetings/${m.id}/heading`, {
    method: 'PUT',
    body: (b) => b,
  });
  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = { subject: v.subject?.trim() || null };
    if (m.status === 'draft') body.seq = v.mode === 'office' ? v.seq : null;
    const r = await run(() => save.mutateAsync(body), t('mtg.headingSaved'));
    if (r !== undefined) onClose();
  };
  const locked = m.status !== 'draft';
  return (
    <Modal open title={t('mtg.heading')} onCancel={onClose} onOk={() => void submit()} confirmLoading={save.isPending}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ subject: m.subject ?? '', mode: m.numberSetByOffice ? 'office' : 'auto', seq: m.seq }}
      >
        <Form.Item name="subject" label={t('mtg.subject')} extra={t('mtg.subjectHint')}>
          <Input maxLength={60} />
        </Form.Item>
        {locked ? (
          <Alert type="info" showIcon title={t('mtg.numberKept', { n: m.seq })} />
        ) : (
          <>
            <Form.Item name="mode" label={t('mtg.number')} extra={t('mtg.numberHint')}>
              <Radio.Group
                options={[
                  { value: 'auto', label: t('mtg.numberAuto') },
                  { value: 'office', label: t('mtg.numberByOffice') },
                ]}
              />
            </Form.Item>
            {mode === 'office' ? (
              <Form.Item name="seq" rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber min={1} max={999} addonBefore={`${m.year}年第`} addonAfter="次" />
              </Form.Item>
            ) : null}
          </>
        )}
      </Form>
    </Modal>
  );
}
