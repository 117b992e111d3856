/** Add a team member, edit 分工 / admin post, end a membership. */
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Switch, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { TEAM_POSTS, teamPostLabel, type TeamMember, type Unit } from '../../../common/contracts/orgs.js';
import type { Finding } from '../../../common/rules/types.js';
import { useAddTeamMember, usePatchTeamMember } from '../../api/orgs.js';
import { PersonPicker } from '../../components/PersonPicker.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useServerErrors } from '../../components/formErrors.js';
import { toDate, todayBeijing } from '../../lib/format.js';
import { useT } from '../../i18n.js';

function useErrorHandling(form: FormInstance) {
  const { message } = App.useApp();
  const server = useServerErrors(form);
  const [findings, setFindings] = useState<Finding[]>([]);
  const onError = (e: unknown) => {
    const shown = server.apply(e);
    setFindings(shown.findings);
    if (shown.message) void message.error(shown.message);
  };
  return { findings, setFindings, onError, onFieldsChange: server.onFieldsChange };
}

interface AddValues {
  personId: string;
  teamPost: TeamMember['teamPost'];
  adminPost?: string;
  isPartyGroupMember: boolean;
  divisionOfWork?: string;
  startDate: Dayjs;
  sortOrder: number;
}

export function AddMemberModal({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const add = useAddTeamMember(unit.id);
  const { findings, onError, onFieldsChange } = useErrorHandling(form);
  const submit = (v: AddValues) =>
    add.mutate(
      {
        ...v,
        adminPost: v.adminPost || null,
        divisionOfWork: v.divisionOfWork || null,
        startDate: toDate(v.startDate) ?? '',
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError,
      },
    );
  return (
    <Modal
      open
      width={640}
      title={t('team.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <RuleFindings findings={findings} />
      <Form
        form={form}
        onFieldsChange={onFieldsChange}
        layout="vertical"
        onFinish={submit}
        initialValues={{ teamPost: 'member', isPartyGroupMember: true, sortOrder: 0, startDate: todayBeijing() }}
        onValuesChange={(changed: Partial<AddValues>) => {
          if (changed.teamPost) form.setFieldValue('isPartyGroupMember', changed.teamPost !== 'non_member_leader');
        }}
      >
        <Form.Item name="personId" label={t('team.person')} rules={[{ required: true, message: t('picker.person') }]}>
          <PersonPicker unitId={unit.id} />
        </Form.Item>
        <Form.Item name="teamPost" label={t('team.post')} rules={[{ required: true }]}>
          <Select options={TEAM_POSTS.map((p) => ({ value: p, label: teamPostLabel(p, unit.organType) }))} />
        </Form.Item>
        <Form.Item name="adminPost" label={t('team.adminPost')}>
          <Input maxLength={60} placeholder={t('team.adminPostHint')} />
        </Form.Item>
        <Form.Item name="isPartyGroupMember" label={t('team.partyMember')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="startDate"
          label={t('team.startDate')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="divisionOfWork" label={t('team.division')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('orgs.sortOrder')}>
          <InputNumber min={0} max={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EditValues {
  adminPost?: string;
  divisionOfWork?: string;
  sortOrder: number;
}

export function EditMemberModal({
  unitId,
  member,
  onClose,
}: {
  unitId: string;
  member: TeamMember;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const patch = usePatchTeamMember(unitId);
  const { findings, onError, onFieldsChange } = useErrorHandling(form);
  const submit = (v: EditValues) =>
    patch.mutate(
      {
        memberId: member.id,
        body: { adminPost: v.adminPost || null, divisionOfWork: v.divisionOfWork || null, sortOrder: v.sortOrder },
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError,
      },
    );
  return (
    <Modal
      open
      width={600}
      title={t('team.edit', { name: member.personName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={patch.isPending}
      destroyOnHidden
    >
      <RuleFindings findings={findings} />
      <Form
        form={form}
        onFieldsChange={onFieldsChange}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          adminPost: member.adminPost ?? '',
          divisionOfWork: member.divisionOfWork ?? '',
          sortOrder: member.sortOrder,
        }}
      >
        <Form.Item name="adminPost" label={t('team.adminPost')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="divisionOfWork" label={t('team.division')}>
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('orgs.sortOrder')}>
          <InputNumber min={0} max={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EndValues {
  endDate: Dayjs;
  endReason?: string;
}

export function EndMemberModal({
  unitId,
  member,
  onClose,
}: {
  unitId: string;
  member: TeamMember;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<EndValues>();
  const patch = usePatchTeamMember(unitId);
  const { findings, onError, onFieldsChange } = useErrorHandling(form);
  const submit = (v: EndValues) =>
    patch.mutate(
      { memberId: member.id, body: { endDate: toDate(v.endDate) ?? '', endReason: v.endReason || null } },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError,
      },
    );
  return (
    <Modal
      open
      title={t('team.end', { name: member.personName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true }}
      confirmLoading={patch.isPending}
      destroyOnHidden
    >
      <RuleFindings findings={findings} />
      <Form
        form={form}
        onFieldsChange={onFieldsChange}
        layout="vertical"
        onFinish={submit}
        initialValues={{ endDate: todayBeijing() }}
      >
        <Form.Item name="endDate" label={t('team.endDate')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="endReason"
          label={t('team.endReason')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={200} placeholder={t('team.endReasonHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
