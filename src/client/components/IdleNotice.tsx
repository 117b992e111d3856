/**
 * Warns before the server's idle timeout (me.idleMinutes since the last request) ends the
 * session, and offers to keep working; once it has passed, sends the user to sign in again.
 */
import { Modal } from 'antd';
import { useEffect, useState } from 'react';
import { lastApiActivity } from '../api/client.js';
import { useT } from '../i18n.js';

const WARN_BEFORE_MS = 2 * 60_000;

export function IdleNotice({
  idleMinutes,
  onKeepAlive,
  onExpired,
}: {
  idleMinutes: number;
  onKeepAlive: () => void;
  onExpired: () => void;
}) {
  const t = useT();
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    const limit = idleMinutes * 60_000;
    const timer = setInterval(() => {
      const remaining = limit - (Date.now() - lastApiActivity());
      if (remaining <= 0) {
        setLeft(null);
        onExpired();
      } else {
        setLeft(remaining <= WARN_BEFORE_MS ? remaining : null);
      }
    }, 5_000);
    return () => clearInterval(timer);
  }, [idleMinutes, onExpired]);
  return (
    <Modal
      open={left !== null}
      title={t('idle.title')}
      okText={t('idle.keep')}
      cancelButtonProps={{ style: { display: 'none' } }}
      closable={false}
      mask={{ closable: false }}
      onOk={() => {
        setLeft(null);
        onKeepAlive();
      }}
    >
      {t('idle.body', { minutes: Math.max(1, Math.ceil((left ?? 0) / 60_000)), idle: idleMinutes })}
    </Modal>
  );
}
