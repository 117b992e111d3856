/**
 * 批量开设账户 (issue 16 §1): the system admin requests accounts for the people of a unit who have
 * none; the security admin confirms or rejects the whole batch. Each takes their halves of the
 * activation codes once, as a .xlsx list (the first before confirmation, the second after it).
 */
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import type { AccountBatch } from '../../../common/contracts/account-batches.js';
import type { Finding } from '../../../common/rules/types.js';
import {
  useAccountBatch,
  useAccountBatches,
  useCancelBatch,
  useConfirmBatch,
  useRejectBatch,
  useRequestBatch,
  useTakeHalves,
} from '../../api/account-batches.js';
import { isApiError } from '../../api/client.js';
import { ErrorView } from '../../components/QueryState.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { instant } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { useMe } from '../../session.js';

const STATUS_COLOR: Record<AccountBatch['status'], string> = {
  pending: 'blue',
  confirmed: 'green',
  rejected: 'red',
  cancelled: 'default',
};

export function AccountBatches({ onFindings }: { onFindings: (f: Finding[]) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { me } = useMe();
  const batches = useAccountBatches();
  const request = useRequestBatch();
  const confirm = useConfirmBatch();
  const reject = useRejectBatch();
  const cancel = useCancelBatch();
  const take = useTakeHalves();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [viewing, setViewing] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<AccountBatch | null>(null);
  const [reason, setReason] = useState('');
  const detail = useAccountBatch(viewing);
  const failed = (e: Error) => {
    if (isApiError(e) && e.findings.length) onFindings(e.findings);
    else void message.error(e.message);
  };
  const takeHalves = (b: AccountBatch, half: 1 | 2) =>
    take.mutate(b.id, {
      onSuccess: (name) => void message.success(t('batches.taken', { half, name })),
      onError: failed,
    });

  const columns: TableProps<AccountBatch>['columns'] = [
    { title: t('batches.scope'), dataIndex: 'scope' },
    {
      title: t('batches.people'),
      key: 'people',
      width: 150,
      render: (_, b) =>
        b.status === 'confirmed' ? t('batches.createdSkipped', { created: b.created, skipped: b.skipped }) : b.count,
    },
    { title: t('requests.requestedBy'), dataIndex: 'requestedByName', width: 120 },
    { title: t('requests.requestedAt'), dataIndex: 'requestedAt', width: 140, render: instant },
    {
      title: t('requests.status'),
      key: 'status',
      width: 230,
      render: (_, b) => (
        <Space size={2} wrap>
          <Tag color={STATUS_COLOR[b.status]}>{t(`requests.status.${b.status}`)}</Tag>
          {b.decidedByName ? (
            <Typography.Text type="secondary">
              {b.decidedByName} {instant(b.decidedAt)}
            </Typography.Text>
          ) : null}
          {b.reason ? <Typography.Text type="secondary">{b.reason}</Typography.Text> : null}
          <Typography.Text type="secondary">
            {t('batches.halves', {
              first: b.firstIssuedAt ? t('batches.takenYes') : t('batches.takenNo'),
              second: b.secondIssuedAt ? t('batches.takenYes') : t('batches.takenNo'),
            })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 260,
      render: (_, b) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setViewing(b.id)}>
            {t('batches.view')}
          </Button>
          {b.canTakeHalf === 1 ? (
            <Button type="link" size="small" onClick={() => takeHalves(b, 1)}>
              {t('batches.takeFirst')}
            </Button>
          ) : null}
          {b.canTakeHalf === 2 ? (
            <Button type="link" size="small" onClick={() => takeHalves(b, 2)}>
              {t('batches.takeSecond')}
            </Button>
          ) : null}
          {b.canConfirm ? (
            <>
              <Popconfirm
                title={t('batches.confirmQ', { n: b.count })}
                onConfirm={() =>
                  confirm.mutate(b.id, { onSuccess: (r) => r.canTakeHalf === 2 && takeHalves(r, 2), onError: failed })
                }
              >
                <Button type="link" size="small">
                  {t('batches.confirm')}
                </Button>
              </Popconfirm>
              <Button type="link" size="small" danger onClick={() => setRejecting(b)}>
                {t('requests.reject')}
              </Button>
            </>
          ) : null}
          {b.canCancel ? (
            <Popconfirm title={t('requests.cancelQ')} onConfirm={() => cancel.mutate(b.id, { onError: failed })}>
              <Button type="link" size="small">
                {t('requests.cancel')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t('batches.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('batches.sub')}</Typography.Paragraph>
      {me.adminRole === 'system_admin' ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <UnitSelect value={unitId} onChange={setUnitId} placeholder={t('batches.unit')} style={{ width: 300 }} />
          <Button
            type="primary"
            disabled={!unitId}
            loading={request.isPending}
            onClick={() =>
              request.mutate(
                { unitIds: unitId ? [unitId] : [] },
                {
                  onSuccess: (r) => {
                    void message.success(t('batches.requested', { n: r.batch.count, excluded: r.excluded.length }));
                    setViewing(r.batch.id);
                  },
                  onError: failed,
                },
              )
            }
          >
            {t('batches.request')}
          </Button>
        </Space>
      ) : null}
      {batches.error && !batches.data ? (
        <ErrorView error={batches.error} />
      ) : (
        <Table<AccountBatch>
          rowKey="id"
          size="small"
          bordered
          loading={batches.isFetching}
          columns={columns}
          dataSource={batches.data ?? []}
          scroll={{ x: 1100 }}
          pagination={{ defaultPageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        />
      )}
      {viewing ? (
        <Modal open width={760} title={t('batches.list')} footer={null} onCancel={() => setViewing(null)}>
          {detail.data ? (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('batches.listNote')} />
              <Table
                rowKey="seq"
                size="small"
                bordered
                pagination={{ defaultPageSize: 20 }}
                dataSource={detail.data.items}
                columns={[
                  { title: t('batches.seq'), dataIndex: 'seq', width: 60 },
                  { title: t('requests.person'), dataIndex: 'personName', width: 120 },
                  { title: t('batches.unitName'), dataIndex: 'unitName' },
                  { title: t('requests.account'), dataIndex: 'username', width: 140 },
                  {
                    title: t('requests.status'),
                    key: 'outcome',
                    width: 200,
                    render: (_, i) =>
                      i.note ? `${t(`batches.outcome.${i.outcome}`)}：${i.note}` : t(`batches.outcome.${i.outcome}`),
                  },
                ]}
              />
            </>
          ) : null}
        </Modal>
      ) : null}
      {rejecting ? (
        <Modal
          open
          title={t('batches.rejectTitle', { n: rejecting.count })}
          okButtonProps={{ danger: true }}
          okText={t('requests.reject')}
          confirmLoading={reject.isPending}
          onCancel={() => setRejecting(null)}
          onOk={() =>
            reject.mutate(
              { id: rejecting.id, ...(reason.trim() ? { reason: reason.trim() } : {}) },
              {
                onSuccess: () => {
                  setRejecting(null);
                  setReason('');
                },
                onError: failed,
              },
            )
          }
        >
          <Input.TextArea rows={3} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Modal>
      ) : null}
    </Card>
  );
}
