/** The password policy of common/password.ts, checked live as the user types. */
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, checkPassword, passwordClasses } from '../../common/password.js';
import { useT } from '../i18n.js';

export function policyState(pw: string, username?: string) {
  const n = [...pw].length;
  return {
    length: n >= PASSWORD_MIN_LENGTH && n <= PASSWORD_MAX_LENGTH,
    classes: passwordClasses(pw) >= 3,
    username: !(username && username.length >= 3 && pw.toLowerCase().includes(username.toLowerCase())),
  };
}

/** A form validator: the server's own wording of the first problem. */
export function passwordValidator(username?: () => string | undefined) {
  return async (_: unknown, value: string | undefined) => {
    if (!value) return;
    const problems = checkPassword(value, username?.());
    if (problems.length > 0) throw new Error(problems[0]);
  };
}

function Line({ ok, text }: { ok: boolean; text: string }) {
  return (
    <Space size={6}>
      {ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
      <Typography.Text type={ok ? 'success' : 'secondary'}>{text}</Typography.Text>
    </Space>
  );
}

export function PasswordPolicy({ password, username }: { password: string; username?: string }) {
  const t = useT();
  const s = policyState(password, username);
  return (
    <Space orientation="vertical" size={2} style={{ marginBottom: 12 }}>
      <Line ok={s.length} text={t('password.rule.length', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })} />
      <Line ok={s.classes} text={t('password.rule.classes')} />
      <Line ok={s.username} text={t('password.rule.username')} />
    </Space>
  );
}
