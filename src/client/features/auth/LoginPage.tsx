/**
 * Sign in. Every failure shows the server's one message (AC-03); first sign-in goes through
 * the activation page (AC-02).
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useSession } from '../../api/auth.js';
import { LangSwitch } from '../../components/LangSwitch.js';
import { Loading } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';

/** Only same-site paths are followed after login. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const next = safeNext(params.get('next'));

  if (session.isPending) return <Loading />;
  if (session.data?.authenticated && !login.isPending) return <Navigate to={next} replace />;

  const submit = (v: { username: string; password: string }) =>
    login.mutate(v, {
      onSuccess: (s) => void navigate(s.me?.mustChangePassword ? '/password' : next, { replace: true }),
    });

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
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          班子 Banzi
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {params.get('activated') && !login.error ? (
          <Alert type="success" showIcon title={t('activate.done')} style={{ marginBottom: 16 }} />
        ) : null}
        {login.error ? (
          <Alert
            type="error"
            showIcon
            title={login.error.message}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        ) : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Link to="/activate">{t('activate.title')}</Link>
          <LangSwitch />
        </div>
      </Card>
    </div>
  );
}
