/**
 * "审定并锁定" asks first: it shows what will be locked (the version, each item's decision) and the
 * checks approval runs (ZD-07 the head's reason and dissent, PG-12 the deadline) with their rule
 * ids; a blocking finding disables the confirmation.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, List, Modal, Space, Typography } from 'antd';
import { minutesCheckSchema } from '../../../common/contracts/meetings.js';
import { apiFetch } from '../../api/client.js';
import { QueryState } from '../../components/QueryState.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { useT } from '../../i18n.js';

export function MinutesApproveModal({
  meetingId,
  onConfirm,
  onClose,
  busy,
}: {
  meetingId: string;
  onConfirm: () => void;
  onClose: () => void;
  busy: boolean;
}) {
  const t = useT();
  const check = useQuery({
    queryKey: ['minutes-check', meetingId],
    queryFn: () => apiFetch(`/api/meetings/${meetingId}/minutes/check`, { schema: minutesCheckSchema }),
    gcTime: 0,
  });
  const blocking = check.data?.blocking ?? true;
  return (
    <Modal
      open
      width={720}
      title={t('min.checkTitle')}
      okText={t('min.confirmLock')}
      okButtonProps={{ disabled: blocking || !check.data, danger: false, loading: busy }}
      onOk={onConfirm}
      onCancel={onClose}
    >
      <QueryState query={check}>
        {(c) => (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="minutes-check">
            <Typography.Paragraph>{t('min.willLock', { n: c.version ?? 1 })}</Typography.Paragraph>
            <List
              size="small"
              bordered
              dataSource={c.items}
              renderItem={(it) => (
                <List.Item>
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{`${it.seq}. ${it.title}`}</Typography.Text>
                    <Typography.Text>{it.decision || t('min.empty')}</Typography.Text>
                    <Typography.Text type="secondary">{t('min.speeches', { n: it.speeches })}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
            {c.findings.length ? (
              <RuleFindings findings={c.findings} />
            ) : (
              <Alert type="success" showIcon title={t('min.noFindings')} />
            )}
            {c.blocking ? <Alert type="error" showIcon title={t('min.blocking')} /> : null}
          </Space>
        )}
      </QueryState>
    </Modal>
  );
}
