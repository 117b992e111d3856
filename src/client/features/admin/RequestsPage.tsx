/**
 * 待确认: requests that a second admin confirms (AC-01). Every admin sees them; the one who may
 * confirm gets Confirm and Reject (a confirmed request that opens access shows the second half of
 * the activation code once); the requester may withdraw.
 */
import { App, Button, Checkbox, Input, Modal, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { AccountRequest, Activation } from '../../../common/contracts/accounts.js';
import type { Finding } from '../../../common/rules/types.js';
import { ROLE_LABELS } from '../../../common/roles.js';
import { useAccountRequests, useCancelRequest, useConfirmRequest, useRejectRequest } from '../../api/accounts.js';
import { isApiError } from '../../api/client.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { RuleFindings } from '../../components/RuleFindings.js';
import { instant } from '../../lib/format.js';
import { pick, useLang, useT } from '../../i18n.js';
import { AccountBatches } from './AccountBatches.js';
import { ActivationCodeModal } from './ActivationCodeModal.js';

const STATUS_COLOR: Record<AccountRequest['status'], string> = {
  pending: 'blue',
  confirmed: 'green',
  rejected: 'red',
  cancelled: 'default',
};

export default function RequestsPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [all, setAll] = useState(false);
  const requests = useAccountRequests(all ? 'all' : 'pending');
  const confirm = useConfirmRequest();
  const reject = useRejectRequest();
  const cancel = useCancelRequest();
  const [code, setCode] = useState<Activation | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [rejecting, setRejecting] = useState<AccountRequest | null>(null);
  const [reason, setReason] = useState('');
  const failed = (e: Error) => {
    if (isApiError(e) && e.findings.length) setFindings(e.findings);
    else void message.error(e.message);
  };
  const kindOf = (r: AccountRequest) => t(`requests.kind.${r.kind}`);

  const columns: TableProps<AccountRequest>['columns'] = [
    { title: t('requests.kind'), key: 'kind', width: 150, render: (_, r) => <Tag color="purple">{kindOf(r)}</Tag> },
    {
      title: t('requests.account'),
      key: 'account',
      render: (_, r) => (
        <Space size={4} wrap>
          <Typography.Text code>{r.username}</Typography.Text>
          {r.displayName}
          {r.adminRole ? <Tag>{pick(ROLE_LABELS[r.adminRole], lang)}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('requests.person'),
      key: 'person',
      render: (_, r) => (r.personName ? `${r.personName}（${r.unitName ?? ''}）` : '—'),
    },
    { title: t('requests.requestedBy'), dataIndex: 'requestedByName', width: 120 },
    { title: t('requests.requestedAt'), dataIndex: 'requestedAt', width: 140, render: instant },
    {
      title: t('requests.status'),
      key: 'status',
      width: 220,
      render: (_, r) => (
        <Space size={2} wrap>
          <Tag color={STATUS_COLOR[r.status]}>{t(`requests.status.${r.status}`)}</Tag>
          {r.decidedByName ? (
            <Typography.Text type="secondary">
              {r.decidedByName} {instant(r.decidedAt)}
            </Typography.Text>
          ) : null}
          {r.reason ? <Typography.Text type="secondary">{r.reason}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, r) =>
        r.status !== 'pending' ? null : (
          <Space size={0} wrap>
            {r.canConfirm ? (
              <>
                <Popconfirm
                  title={t('requests.confirmQ', { kind: kindOf(r), username: r.username })}
                  onConfirm={() =>
                    confirm.mutate(r.id, {
                      onSuccess: (res) => {
                        void message.success(t('requests.confirmed'));
                        if (res.activation) setCode(res.activation);
                      },
                      onError: failed,
                    })
                  }
                >
                  <Button type="link" size="small">
                    {t('requests.confirm')}
                  </Button>
                </Popconfirm>
                <Button type="link" size="small" danger onClick={() => setRejecting(r)}>
                  {t('requests.reject')}
                </Button>
              </>
            ) : null}
            {r.canCancel ? (
              <Popconfirm
                title={t('requests.cancelQ')}
                onConfirm={() =>
                  cancel.mutate(r.id, {
                    onSuccess: () => void message.success(t('requests.cancelled')),
                    onError: failed,
                  })
                }
              >
                <Button type="link" size="small">
                  {t('requests.cancel')}
                </Button>
              </Popconfirm>
            ) : null}
            {!r.canConfirm && !r.canCancel ? (
              <Typography.Text type="secondary">{t('requests.otherAdmin')}</Typography.Text>
            ) : null}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.requests')}
        crumbs={[{ title: t('nav.requests') }]}
        sub={t('requests.sub')}
        extra={
          <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
            {t('requests.showAll')}
          </Checkbox>
        }
      />
      <RuleFindings findings={findings} onClose={() => setFindings([])} />
      {requests.error && !requests.data ? (
        <ErrorView error={requests.error} />
      ) : (
        <Table<AccountRequest>
          rowKey="id"
          size="small"
          bordered
          loading={requests.isFetching}
          columns={columns}
          dataSource={requests.data ?? []}
          scroll={{ x: 1100 }}
          pagination={{ defaultPageSize: 50, showTotal: (n) => t('common.total', { n }) }}
        />
      )}
      <AccountBatches onFindings={setFindings} />
      {rejecting ? (
        <Modal
          open
          title={t('requests.rejectTitle', { kind: kindOf(rejecting), username: rejecting.username })}
          okButtonProps={{ danger: true }}
          okText={t('requests.reject')}
          confirmLoading={reject.isPending}
          onCancel={() => setRejecting(null)}
          onOk={() =>
            reject.mutate(
              { id: rejecting.id, ...(reason.trim() ? { reason: reason.trim() } : {}) },
              {
                onSuccess: () => {
                  void message.success(t('requests.rejected'));
                  setRejecting(null);
                  setReason('');
                },
                onError: failed,
              },
            )
          }
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('requests.reasonPlaceholder')}
          />
        </Modal>
      ) : null}
      {code ? <ActivationCodeModal activation={code} onClose={() => setCode(null)} /> : null}
    </>
  );
}
