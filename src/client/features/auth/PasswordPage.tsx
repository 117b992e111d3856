/** Change one's own password; forced when the account must change its initial password. */
import { App, Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useChangePassword } from '../../api/auth.js';
import { PageHeader } from '../../components/PageHeader.js';
import { PasswordPolicy, passwordValidator } from '../../components/PasswordPolicy.js';
import { useServerErrors } from '../../components/formErrors.js';
import { useT } from '../../i18n.js';
import { useMe } from '../../session.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function PasswordPage() {
  const t = useT();
  const { me } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const change = useChangePassword();
  const [form] = Form.useForm<Values>();
  const server = useServerErrors(form);
  const [error, setError] = useState<string | null>(null);
  const pw = Form.useWatch('newPassword', form) ?? '';

  const submit = (v: Values) => {
    setError(null);
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          void navigate('/', { replace: true });
        },
        onError: (e) => setError(server.apply(e).message),
      },
    );
  };

  return (
    <div style={{ maxWidth: 480 }}>
      <PageHeader title={t('password.title')} crumbs={[{ title: t('password.title') }]} />
      {me.mustChangePassword ? (
        <Alert type="warning" showIcon title={t('password.forced')} style={{ marginBottom: 16 }} />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} onFieldsChange={server.onFieldsChange} layout="vertical" onFinish={submit}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[
            { required: true, message: t('password.newRequired') },
            { validator: passwordValidator(() => me.username) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <PasswordPolicy password={pw} username={me.username} />
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_, v: string | undefined) => {
                if (v && v !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('password.submit')}
        </Button>
      </Form>
    </div>
  );
}
