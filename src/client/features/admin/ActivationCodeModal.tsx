/**
 * Shows an activation code, or one half of it, exactly once (AC-02): large, with a copy button
 * and the warning that it must reach its holder in person. Closing it drops the code.
 */
import { CopyOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Activation } from '../../../common/contracts/accounts.js';
import { useT } from '../../i18n.js';
import { instant } from '../../lib/format.js';

export function ActivationCodeModal({ activation, onClose }: { activation: Activation; onClose: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const split = activation.parts > 1;
  const copy = () =>
    void navigator.clipboard?.writeText(activation.code).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <Modal
      open
      closable={false}
      maskClosable={false}
      keyboard={false}
      title={
        <Space>
          <SafetyCertificateOutlined />
          {split
            ? t('activation.titlePart', { part: activation.part, parts: activation.parts })
            : t('activation.title')}
        </Space>
      }
      footer={
        <Button type="primary" onClick={onClose} data-testid="activation-close">
          {t('activation.close')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('activation.for', { username: activation.username })}</Typography.Paragraph>
      <Space align="center" style={{ marginBottom: 16 }}>
        <Typography.Text
          code
          data-testid="activation-code"
          style={{ fontSize: 26, letterSpacing: 2, fontFamily: 'monospace', userSelect: 'all' }}
        >
          {activation.code}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={copy}>
          {copied ? t('activation.copied') : t('activation.copy')}
        </Button>
      </Space>
      <Alert type="warning" showIcon title={t('activation.warning')} style={{ marginBottom: 12 }} />
      {split ? <Alert type="info" showIcon title={t('activation.twoParts')} style={{ marginBottom: 12 }} /> : null}
      <Typography.Text type="secondary">
        {activation.expiresAt
          ? t('activation.expires', { at: instant(activation.expiresAt) })
          : t('activation.waiting')}
      </Typography.Text>
    </Modal>
  );
}
