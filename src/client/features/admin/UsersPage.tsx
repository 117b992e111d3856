/**
 * System admin: accounts. Creating and resetting show an activation code once (AC-02); linking a
 * person and changes to admin accounts become requests for a second admin (AC-01); unlocking
 * clears an account's lockouts from every address (AC-03).
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import type { AccountChangeResult, Activation, User } from '../../../common/contracts/accounts.js';
import { ROLE_LABELS } from '../../../common/roles.js';
import { useResetUser, useUnlockUser, useUpdateUser, useUsers } from '../../api/accounts.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { instant, show } from '../../lib/format.js';
import { pick, useLang, useT } from '../../i18n.js';
import { ActivationCodeModal } from './ActivationCodeModal.js';
import { CreateUserModal, EditUserModal } from './UserModals.js';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | null;

const CREDENTIAL_COLOR: Record<User['credential'], string> = {
  password: 'green',
  code_issued: 'gold',
  code_expired: 'red',
  none: 'default',
};

export default function UsersPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const users = useUsers();
  const update = useUpdateUser();
  const reset = useResetUser();
  const unlock = useUnlockUser();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [code, setCode] = useState<Activation | null>(null);
  const [q, setQ] = useState('');
  const shown = useMemo(
    () =>
      (users.data ?? []).filter(
        (u) => !q || u.username.includes(q) || u.displayName.includes(q) || (u.personName ?? '').includes(q),
      ),
    [users.data, q],
  );
  /** After any change: show the code (or half) once, or say it waits for a second admin. */
  const handle = (r: AccountChangeResult) => {
    setDialog(null);
    if (r.activation) setCode(r.activation);
    else void message.success(r.status === 'done' ? t('common.saved') : t('users.requested'));
  };
  const failed = (e: Error) => void message.error(e.message);

  const columns: TableProps<User>['columns'] = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 140,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 110 },
    {
      title: t('users.role'),
      dataIndex: 'adminRole',
      width: 120,
      render: (r: User['adminRole']) =>
        r ? <Tag color="purple">{pick(ROLE_LABELS[r], lang)}</Tag> : <Tag>{t('users.businessAccount')}</Tag>,
    },
    {
      title: t('users.person'),
      key: 'person',
      render: (_, u) => (u.personName ? `${u.personName}（${show(u.unitName)}）` : '—'),
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 220,
      render: (_, u) => (
        <Space size={2} wrap>
          {u.status === 'active' ? (
            <Tag color="green">{t('users.active')}</Tag>
          ) : (
            <Tag color="default">{t('users.disabled')}</Tag>
          )}
          <Tag color={CREDENTIAL_COLOR[u.credential]}>
            {t(`users.credential.${u.credential}`)}
            {u.credential === 'code_issued' && u.activationExpiresAt ? ` · ${instant(u.activationExpiresAt)}` : ''}
          </Tag>
          {u.pendingRequest ? (
            <Tag color="blue">{t('users.pendingRequest', { kind: t(`requests.kind.${u.pendingRequest}`) })}</Tag>
          ) : null}
          {u.lockedUntil ? (
            <Tag color="red">{t('users.lockedUntil', { n: u.lockedAddresses, at: instant(u.lockedUntil) })}</Tag>
          ) : null}
        </Space>
      ),
    },
    { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 140, render: instant },
    { title: t('users.createdAt'), dataIndex: 'createdAt', width: 140, render: instant },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 240,
      fixed: 'right',
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('users.resetConfirm', { name: u.username })}
            onConfirm={() => reset.mutate(u.id, { onSuccess: handle, onError: failed })}
          >
            <Button type="link" size="small">
              {t('users.reset')}
            </Button>
          </Popconfirm>
          {u.lockedUntil ? (
            <Button
              type="link"
              size="small"
              onClick={() =>
                unlock.mutate(u.id, { onSuccess: () => void message.success(t('common.saved')), onError: failed })
              }
            >
              {t('users.unlock')}
            </Button>
          ) : null}
          <Popconfirm
            title={
              u.status === 'active'
                ? t('users.disableConfirm', { name: u.username })
                : t('users.enableConfirm', { name: u.username })
            }
            onConfirm={() =>
              update.mutate(
                { id: u.id, status: u.status === 'active' ? 'disabled' : 'active' },
                { onSuccess: handle, onError: failed },
              )
            }
          >
            <Button type="link" size="small" danger={u.status === 'active'}>
              {u.status === 'active' ? t('users.disable') : t('users.enable')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        crumbs={[{ title: t('nav.users') }]}
        sub={t('users.sub')}
        extra={
          <>
            <Input.Search allowClear placeholder={t('users.search')} onSearch={setQ} style={{ width: 200 }} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('users.create')}
            </Button>
          </>
        }
      />
      {users.error && !users.data ? (
        <ErrorView error={users.error} />
      ) : (
        <Table<User>
          rowKey="id"
          size="small"
          bordered
          loading={users.isFetching}
          columns={columns}
          dataSource={shown}
          scroll={{ x: 1300 }}
          pagination={{ defaultPageSize: 50, showTotal: (n) => t('common.total', { n }) }}
        />
      )}
      {dialog?.kind === 'create' ? <CreateUserModal onClose={() => setDialog(null)} onResult={handle} /> : null}
      {dialog?.kind === 'edit' ? (
        <EditUserModal user={dialog.user} onClose={() => setDialog(null)} onResult={handle} />
      ) : null}
      {code ? <ActivationCodeModal activation={code} onClose={() => setCode(null)} /> : null}
    </>
  );
}
