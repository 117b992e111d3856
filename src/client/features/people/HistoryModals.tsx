/** Add a rank (职务职级), a post (任职) or a transfer (调动) to a record. */
import { App, DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { RANKS } from '../../../common/ranks.js';
import type { Finding } from '../../../common/rules/types.js';
import { useAddHistory, type HistoryKind } from '../../api/people.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { useServerErrors } from '../../components/formErrors.js';
import { toDate, todayBeijing } from '../../lib/format.js';
import { useT, type MessageKey } from '../../i18n.js';

const TITLES: Record<HistoryKind, MessageKey> = {
  ranks: 'person.addRank',
  posts: 'person.addPost',
  transfer: 'person.transfer',
};

interface Values {
  rankCode?: string;
  note?: string;
  unitId?: string;
  title?: string;
  isLeading?: boolean;
  startDate: Dayjs;
}

export function HistoryModal({
  personId,
  unitId,
  kind,
  onClose,
}: {
  personId: string;
  unitId: string;
  kind: HistoryKind;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const server = useServerErrors(form);
  const [findings, setFindings] = useState<Finding[]>([]);
  const add = useAddHistory(personId, kind);
  const submit = (v: Values) => {
    const startDate = toDate(v.startDate) ?? '';
    const body =
      kind === 'ranks'
        ? { rankCode: v.rankCode, startDate, note: v.note?.trim() || null }
        : kind === 'posts'
          ? { unitId: v.unitId, title: v.title?.trim() ?? '', isLeading: v.isLeading ?? true, startDate }
          : { unitId: v.unitId, startDate };
    add.mutate(body, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (e) => {
        const shown = server.apply(e);
        setFindings(shown.findings);
        if (shown.message) void message.error(shown.message);
      },
    });
  };
  const req = [{ required: true, message: t('common.required') }];
  return (
    <Modal
      open
      title={t(TITLES[kind])}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <RuleFindings findings={findings} />
      <Form
        form={form}
        onFieldsChange={server.onFieldsChange}
        layout="vertical"
        onFinish={submit}
        initialValues={{ startDate: todayBeijing(), unitId: kind === 'posts' ? unitId : undefined, isLeading: true }}
      >
        {kind === 'ranks' ? (
          <>
            <Form.Item name="rankCode" label={t('person.rank')} rules={req}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={RANKS.map((r) => ({ value: r.code, label: r.zh }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('common.note')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="unitId" label={kind === 'transfer' ? t('person.toUnit') : t('person.unit')} rules={req}>
            <UnitSelect />
          </Form.Item>
        )}
        {kind === 'posts' ? (
          <>
            <Form.Item name="title" label={t('person.postTitle')} rules={req}>
              <Input maxLength={60} placeholder={t('person.postHint')} />
            </Form.Item>
            <Form.Item name="isLeading" label={t('person.isLeading')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="startDate" label={t('person.startDate')} rules={req}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
