/** Schedule a meeting (office): date and time, place, chair (default: the secretary), recorder (PG-12); or enter a paper meeting afterwards. */
import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import type { Finding } from '../../../common/rules/types.js';
import { useTeam } from '../../api/orgs.js';
import { useServerErrors } from '../../components/formErrors.js';
import { PersonPicker } from '../../components/PersonPicker.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';
import { toDate, todayBeijing } from '../../lib/format.js';
import { useSchedule } from './api.js';

interface Values {
  date: dayjs.Dayjs;
  startTime: string;
  location: string;
  chairPersonId?: string;
  recorderPersonId: string;
  entryMode: 'live' | 'retrospective';
  retrospectiveReason?: string;
  subject?: string;
}

export function ScheduleModal({ unitId, onClose }: { unitId: string; onClose: (id?: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { apply, onFieldsChange } = useServerErrors(form);
  const [findings, setFindings] = useState<Finding[]>([]);
  const team = useTeam(unitId, false);
  const schedule = useSchedule();
  const mode = Form.useWatch('entryMode', form);
  const members = (team.data?.members ?? []).filter((m) => m.isPartyGroupMember);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await schedule.mutateAsync({
        ...v,
        unitId,
        date: toDate(v.date),
        chairPersonId: v.chairPersonId ?? null,
        retrospectiveReason: v.retrospectiveReason ?? null,
      });
      if (r.findings.length) message.warning(r.findings.map((f) => f.message_zh).join('；'));
      onClose(r.id);
    } catch (e) {
      const shown = apply(e);
      setFindings(shown.findings);
      if (shown.message) message.error(shown.message);
    }
  };

  return (
    <Modal
      open
      title={t('mtg.schedule')}
      onCancel={() => onClose()}
      onOk={() => void submit()}
      okText={t('common.save')}
      confirmLoading={schedule.isPending}
      destroyOnHidden
    >
      <RuleFindings findings={findings} />
      <Form
        form={form}
        layout="vertical"
        onFieldsChange={onFieldsChange}
        initialValues={{ startTime: '09:00', location: '党组会议室', entryMode: 'live', date: todayBeijing() }}
      >
        <Form.Item name="entryMode" label={t('mtg.entryMode')}>
          <Radio.Group
            options={[
              { value: 'live', label: t('mtg.entryLive') },
              { value: 'retrospective', label: t('mtg.entryRetro') },
            ]}
          />
        </Form.Item>
        <Form.Item name="date" label={t('mtg.date')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="startTime"
          label={t('mtg.startTime')}
          rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:mm' }]}
        >
          <Input placeholder="09:00" />
        </Form.Item>
        <Form.Item name="subject" label={t('mtg.subject')} extra={t('mtg.subjectHint')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="location"
          label={t('mtg.location')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="chairPersonId" label={t('mtg.chair')} extra={t('mtg.chairHint')}>
          <Select
            allowClear
            options={members.map((m) => ({ value: m.personId, label: `${m.personName}（${m.teamPostLabel}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="recorderPersonId"
          label={t('mtg.recorder')}
          rules={[{ required: true, message: t('common.required') }]}
          extra={t('mtg.recorderHint')}
        >
          <PersonPicker unitId={unitId} />
        </Form.Item>
        {mode === 'retrospective' ? (
          <Form.Item
            name="retrospectiveReason"
            label={t('mtg.retroReason')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
