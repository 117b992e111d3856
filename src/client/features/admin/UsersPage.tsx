/** System admin: accounts (create, disable/enable, reset password, unlock, link a person). */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import type { User } from '../../../common/contracts/accounts.js';
import { ROLE_LABELS } from '../../../common/roles.js';
import { useUnlockUser, useUpdateUser, useUsers } from '../../api/accounts.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { instant, show } from '../../lib/format.js';
import { pick, useLang, useT } from '../../i18n.js';
import { CreateUserModal, EditUserModal, ResetPasswordModal } from './UserModals.js';

type Dialog = { kind: 'create' } | { kind: 'reset' | 'edit'; user: User } | null;

export default function UsersPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const users = useUsers();
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [q, setQ] = useState('');
  const shown = useMemo(
    () =>
      (users.data ?? []).filter(
        (u) => !q || u.username.includes(q) || u.displayName.includes(q) || (u.personName ?? '').includes(q),
      ),
    [users.data, q],
  );
  const done = {
    onSuccess: () => void message.success(t('common.saved')),
    onError: (e: Error) => void message.error(e.message),
  };

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
      width: 150,
      render: (_, u) => (
        <Space size={2} wrap>
          {u.status === 'active' ? (
            <Tag color="green">{t('users.active')}</Tag>
          ) : (
            <Tag color="default">{t('users.disabled')}</Tag>
          )}
          {u.lockedUntil ? <Tag color="red">{t('users.lockedUntil', { at: instant(u.lockedUntil) })}</Tag> : null}
        </Space>
      ),
    },
    { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 140, render: instant },
    { title: t('users.createdAt'), dataIndex: 'createdAt', width: 140, render: instant },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 260,
      fixed: 'right',
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user: u })}>
            {t('users.reset')}
          </Button>
          {u.lockedUntil ? (
            <Button type="link" size="small" onClick={() => unlock.mutate(u.id, done)}>
              {t('users.unlock')}
            </Button>
          ) : null}
          <Popconfirm
            title={
              u.status === 'active'
                ? t('users.disableConfirm', { name: u.username })
                : t('users.enableConfirm', { name: u.username })
            }
            onConfirm={() => update.mutate({ id: u.id, status: u.status === 'active' ? 'disabled' : 'active' }, done)}
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
          scroll={{ x: 1200 }}
          pagination={{ defaultPageSize: 50, showTotal: (n) => t('common.total', { n }) }}
        />
      )}
      {dialog?.kind === 'create' ? <CreateUserModal onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'reset' ? <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <EditUserModal user={dialog.user} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
