/** Create an account; reset a password; link an account to a person. */
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ADMIN_ROLES, ROLE_LABELS } from '../../../common/roles.js';
import { useCreateUser, useResetPassword, useUpdateUser, type CreateUserBody } from '../../api/accounts.js';
import type { User } from '../../../common/contracts/accounts.js';
import { PasswordPolicy, passwordValidator } from '../../components/PasswordPolicy.js';
import { useServerErrors } from '../../components/formErrors.js';
import { pick, useLang, useT } from '../../i18n.js';
import { AccountPersonPicker } from './AccountPersonPicker.js';

const NONE = 'none';
type Values = Omit<CreateUserBody, 'adminRole'> & { adminRole: NonNullable<CreateUserBody['adminRole']> | typeof NONE };

export function CreateUserModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const server = useServerErrors(form);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateUser();
  const pw = Form.useWatch('password', form) ?? '';
  const username = Form.useWatch('username', form) ?? '';
  const adminRole = Form.useWatch('adminRole', form) ?? NONE;
  const submit = (v: Values) =>
    create.mutate(
      {
        ...v,
        adminRole: v.adminRole === NONE ? null : v.adminRole,
        personId: v.adminRole === NONE ? (v.personId ?? null) : null,
      },
      {
        onSuccess: () => {
          void message.success(t('users.created'));
          onClose();
        },
        onError: (e) => setError(server.apply(e).message),
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
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
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
        <Form.Item name="adminRole" label={t('users.adminRole')} extra={t('users.adminRoleHint')}>
          <Select
            options={[
              { value: NONE, label: t('users.businessAccount') },
              ...ADMIN_ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r], lang) })),
            ]}
          />
        </Form.Item>
        <Form.Item name="personId" label={t('users.person')}>
          <AccountPersonPicker disabled={adminRole !== NONE} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          rules={[{ required: true, message: t('common.required') }, { validator: passwordValidator(() => username) }]}
          extra={t('users.mustChange')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordPolicy password={pw} username={username} />
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const server = useServerErrors(form);
  const [error, setError] = useState<string | null>(null);
  const reset = useResetPassword();
  const pw = Form.useWatch('newPassword', form) ?? '';
  return (
    <Modal
      open
      title={t('users.resetFor', { name: user.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        onFieldsChange={server.onFieldsChange}
        layout="vertical"
        onFinish={(v) =>
          reset.mutate(
            { id: user.id, newPassword: v.newPassword },
            {
              onSuccess: () => {
                void message.success(t('users.resetDone'));
                onClose();
              },
              onError: (e) => setError(server.apply(e).message),
            },
          )
        }
      >
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[
            { required: true, message: t('common.required') },
            { validator: passwordValidator(() => user.username) },
          ]}
          extra={t('users.mustChange')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordPolicy password={pw} username={user.username} />
      </Form>
    </Modal>
  );
}

export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ displayName: string; personId: string | null }>();
  const server = useServerErrors(form);
  const [error, setError] = useState<string | null>(null);
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
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        onFieldsChange={server.onFieldsChange}
        layout="vertical"
        initialValues={{ displayName: user.displayName, personId: user.personId }}
        onFinish={(v) =>
          update.mutate(
            { id: user.id, displayName: v.displayName, ...(user.adminRole ? {} : { personId: v.personId ?? null }) },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
              onError: (e) => setError(server.apply(e).message),
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
          extra={user.adminRole ? t('users.adminNoPerson') : undefined}
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
