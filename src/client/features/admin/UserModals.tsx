/**
 * Create an account; change its name or the person it is linked to. No password is chosen here
 * (AC-02): the result carries an activation code, or the first half of one while a second admin
 * has to confirm (AC-01), and the page shows it once.
 */
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { AccountChangeResult, User } from '../../../common/contracts/accounts.js';
import type { Finding } from '../../../common/rules/types.js';
import { ADMIN_ROLES, ROLE_LABELS } from '../../../common/roles.js';
import { useCreateUser, useUpdateUser, type CreateUserBody } from '../../api/accounts.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useServerErrors } from '../../components/formErrors.js';
import { pick, useLang, useT } from '../../i18n.js';
import { AccountPersonPicker } from './AccountPersonPicker.js';

const NONE = 'none';
type Values = Omit<CreateUserBody, 'adminRole'> & { adminRole: NonNullable<CreateUserBody['adminRole']> | typeof NONE };

/** The form's error state: a message for the page, or rule findings with their citations. */
function useFormError(server: ReturnType<typeof useServerErrors>) {
  const [error, setError] = useState<string | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const show = (e: Error) => {
    const shown = server.apply(e);
    setError(shown.message);
    setFindings(shown.findings);
  };
  const view = (
    <>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <RuleFindings findings={findings} />
    </>
  );
  return { show, view };
}

export function CreateUserModal({
  onClose,
  onResult,
}: {
  onClose: () => void;
  onResult: (r: AccountChangeResult) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const server = useServerErrors(form);
  const err = useFormError(server);
  const create = useCreateUser();
  const adminRole = Form.useWatch('adminRole', form) ?? NONE;
  const submit = (v: Values) =>
    create.mutate(
      {
        username: v.username,
        displayName: v.displayName,
        adminRole: v.adminRole === NONE ? null : v.adminRole,
        personId: v.adminRole === NONE ? (v.personId ?? null) : null,
      },
      {
        onSuccess: (r) => {
          void message.success(r.status === 'done' ? t('users.created') : t('users.requested'));
          onResult(r);
        },
        onError: err.show,
      },
    );
  return (
    <Modal
      open
      title={t('users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {err.view}
      <Alert type="info" showIcon title={t('users.noPassword')} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        onFieldsChange={server.onFieldsChange}
        layout="vertical"
        onFinish={submit}
        initialValues={{ adminRole: NONE, personId: null }}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: /^[a-zA-Z0-9._-]{3,64}$/, message: t('users.usernameRule') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="adminRole"
          label={t('users.adminRole')}
          extra={adminRole === NONE ? t('users.adminRoleHint') : t('users.adminRequestHint')}
        >
          <Select
            options={[
              { value: NONE, label: t('users.businessAccount') },
              ...ADMIN_ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r], lang) })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="personId"
          label={t('users.person')}
          extra={adminRole === NONE ? t('users.linkHint') : undefined}
        >
          <AccountPersonPicker disabled={adminRole !== NONE} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EditUserModal({
  user,
  onClose,
  onResult,
}: {
  user: User;
  onClose: () => void;
  onResult: (r: AccountChangeResult) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ displayName: string; personId: string | null }>();
  const server = useServerErrors(form);
  const err = useFormError(server);
  const update = useUpdateUser();
  return (
    <Modal
      open
      title={t('users.edit', { name: user.username })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {err.view}
      <Form
        form={form}
        onFieldsChange={server.onFieldsChange}
        layout="vertical"
        initialValues={{ displayName: user.displayName, personId: user.personId }}
        onFinish={(v) =>
          update.mutate(
            { id: user.id, displayName: v.displayName, ...(user.adminRole ? {} : { personId: v.personId ?? null }) },
            {
              onSuccess: (r) => {
                void message.success(r.status === 'done' ? t('common.saved') : t('users.requested'));
                onResult(r);
              },
              onError: err.show,
            },
          )
        }
      >
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="personId"
          label={t('users.person')}
          extra={user.adminRole ? t('users.adminNoPerson') : t('users.linkHint')}
        >
          <AccountPersonPicker
            disabled={Boolean(user.adminRole)}
            initialLabel={user.personName ? `${user.personName}（${user.unitName ?? ''}）` : undefined}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
