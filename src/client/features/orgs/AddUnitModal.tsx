/** Personnel of a unit adds a child unit (POST /api/orgs/units). */
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import {
  ORGAN_TYPES,
  ORGAN_TYPE_LABELS,
  UNIT_LEVELS,
  UNIT_LEVEL_LABELS,
  type Unit,
} from '../../../common/contracts/orgs.js';
import { useCreateUnit, type UnitBody } from '../../api/orgs.js';
import { useServerErrors } from '../../components/formErrors.js';
import { blankToNull } from '../../lib/format.js';
import { useT } from '../../i18n.js';

const CHILD_LEVEL: Record<Unit['level'], Unit['level']> = {
  gac: 'direct',
  direct: 'subordinate',
  subordinate: 'internal',
  internal: 'internal',
};

export function AddUnitModal({ parent, onClose }: { parent: Unit; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<UnitBody, 'parentId'>>();
  const server = useServerErrors(form);
  const create = useCreateUnit();
  const submit = (v: Omit<UnitBody, 'parentId'>) =>
    create.mutate(blankToNull({ ...v, parentId: parent.id }), {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (e) => {
        const shown = server.apply(e);
        if (shown.message) void message.error(shown.message);
      },
    });
  return (
    <Modal
      open
      title={t('orgs.addChild', { name: parent.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        onFieldsChange={server.onFieldsChange}
        layout="vertical"
        onFinish={submit}
        initialValues={{ level: CHILD_LEVEL[parent.level], organType: 'party_committee', sortOrder: 0 }}
      >
        <Form.Item name="name" label={t('orgs.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="shortName"
          label={t('orgs.shortName')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="level" label={t('orgs.level')} rules={[{ required: true }]}>
          <Select options={UNIT_LEVELS.map((l) => ({ value: l, label: UNIT_LEVEL_LABELS[l] }))} />
        </Form.Item>
        <Form.Item name="organType" label={t('orgs.organType')} rules={[{ required: true }]}>
          <Select options={ORGAN_TYPES.map((o) => ({ value: o, label: ORGAN_TYPE_LABELS[o] }))} />
        </Form.Item>
        <Form.Item name="code" label={t('orgs.code')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('orgs.sortOrder')}>
          <InputNumber min={0} max={100000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
