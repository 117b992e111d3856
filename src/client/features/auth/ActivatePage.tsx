/**
 * 首次登录 / 激活账户 (AC-02): the holder enters the user name, the activation code (both halves
 * where two admins handed one over each, in any order) and sets the password. Public, like login.
 */
import { KeyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useActivate, useSession } from '../../api/auth.js';
import { PasswordPolicy, passwordValidator } from '../../components/PasswordPolicy.js';
import { Loading } from '../../components/QueryState.js';
import { useServerErrors } from '../../components/formErrors.js';
import { useT } from '../../i18n.js';

interface Values {
  username: string;
  code: string;
  newPassword: string;
  confirm: string;
}

export default function ActivatePage() {
  const t = useT();
  const navigate = useNavigate();
  const session = useSession();
  const activate = useActivate();
  const [form] = Form.useForm<Values>();
  const server = useServerErrors(form);
  const [error, setError] = useState<string | null>(null);
  const pw = Form.useWatch('newPassword', form) ?? '';
  const username = Form.useWatch('username', form) ?? '';
  if (session.isPending) return <Loading />;

  const submit = (v: Values) => {
    setError(null);
    activate.mutate(
      { username: v.username.trim(), code: v.code, newPassword: v.newPassword },
      {
        onSuccess: () => void navigate('/login?activated=1', { replace: true }),
        // A refused code carries its rule (AC-02): the page still says in words what went wrong.
        onError: (e) => setError(server.apply(e).message ?? (e instanceof Error ? e.message : String(e))),
      },
    );
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f0f2f5',
      }}
    >
      <Card style={{ width: 440 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('activate.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('activate.intro')}</Typography.Paragraph>
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="activate-error" />
        ) : null}
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          onFieldsChange={server.onFieldsChange}
          requiredMark={false}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('activate.code')}
            rules={[{ required: true, message: t('activate.codeRequired') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 3 }}
              autoComplete="off"
              spellCheck={false}
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            rules={[
              { required: true, message: t('password.newRequired') },
              { validator: passwordValidator(() => username) },
            ]}
          >
            <Input.Password prefix={<KeyOutlined />} autoComplete="new-password" />
          </Form.Item>
          <PasswordPolicy password={pw} username={username} />
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
          <Button type="primary" htmlType="submit" block loading={activate.isPending}>
            {t('activate.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/login">{t('activate.back')}</Link>
        </div>
      </Card>
    </div>
  );
}
