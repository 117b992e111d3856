/** Security admin: business role grants (office, personnel, discipline, staff) per unit. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Table, Tag, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import type { Grant } from '../../../common/contracts/accounts.js';
import { GRANTABLE_ROLES, ROLE_LABELS, type GrantableRole } from '../../../common/roles.js';
import { useCreateGrant, useGrants, useRevokeGrant, useUsers } from '../../api/accounts.js';
import { useUnits } from '../../api/orgs.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { useServerErrors } from '../../components/formErrors.js';
import { instant } from '../../lib/format.js';
import { pick, useLang, useT } from '../../i18n.js';

interface Values {
  userId: string;
  role: GrantableRole;
  unitId: string;
}

function GrantModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const server = useServerErrors(form);
  const [error, setError] = useState<string | null>(null);
  const users = useUsers();
  const units = useUnits();
  const create = useCreateGrant();
  // AC-01: business roles go to active accounts linked to a person only.
  const businessUsers = (users.data ?? []).filter((u) => !u.adminRole && u.status === 'active' && u.personId);
  return (
    <Modal
      open
      title={t('grants.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        onFieldsChange={server.onFieldsChange}
        layout="vertical"
        onFinish={(v) =>
          create.mutate(v, {
            onSuccess: () => {
              void message.success(t('common.saved'));
              onClose();
            },
            onError: (e) => setError(server.apply(e).message),
          })
        }
      >
        <Form.Item
          name="userId"
          label={t('grants.user')}
          rules={[{ required: true, message: t('common.required') }]}
          extra={t('grants.userHint')}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={users.isPending}
            options={businessUsers.map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.username}${u.unitName ? ` · ${u.unitName}` : ''}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="role" label={t('grants.role')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={GRANTABLE_ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r], lang) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={t('grants.unit')} rules={[{ required: true, message: t('common.required') }]}>
          {units.error ? <Input placeholder={t('grants.unitId')} /> : <UnitSelect />}
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function GrantsPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const grants = useGrants();
  const revoke = useRevokeGrant();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const shown = useMemo(
    () =>
      (grants.data ?? []).filter(
        (g) => (!role || g.role === role) && (!q || [g.username, g.displayName, g.unitName].some((s) => s.includes(q))),
      ),
    [grants.data, q, role],
  );
  const columns: TableProps<Grant>['columns'] = [
    { title: t('grants.user'), key: 'user', render: (_, g) => `${g.displayName}（${g.username}）` },
    {
      title: t('grants.role'),
      dataIndex: 'role',
      width: 130,
      render: (r: GrantableRole) => <Tag color="blue">{pick(ROLE_LABELS[r], lang)}</Tag>,
    },
    { title: t('grants.unit'), dataIndex: 'unitName' },
    { title: t('grants.grantedAt'), dataIndex: 'grantedAt', width: 150, render: instant },
    { title: t('grants.grantedBy'), dataIndex: 'grantedBy', width: 120 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, g) => (
        <Popconfirm
          title={t('grants.revokeConfirm', {
            name: g.displayName,
            role: pick(ROLE_LABELS[g.role], lang),
            unit: g.unitName,
          })}
          onConfirm={() =>
            revoke.mutate(g.id, {
              onSuccess: () => void message.success(t('grants.revoked')),
              onError: (e) => void message.error(e.message),
            })
          }
        >
          <Button type="link" size="small" danger>
            {t('grants.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('nav.grants')}
        crumbs={[{ title: t('nav.grants') }]}
        sub={t('grants.sub')}
        extra={
          <>
            <Input.Search allowClear placeholder={t('grants.search')} onSearch={setQ} style={{ width: 200 }} />
            <Select
              allowClear
              placeholder={t('grants.role')}
              value={role}
              onChange={setRole}
              style={{ width: 130 }}
              options={GRANTABLE_ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r], lang) }))}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {t('grants.create')}
            </Button>
          </>
        }
      />
      {grants.error && !grants.data ? (
        <ErrorView error={grants.error} />
      ) : (
        <Table<Grant>
          rowKey="id"
          size="small"
          bordered
          loading={grants.isFetching}
          columns={columns}
          dataSource={shown}
          pagination={{ defaultPageSize: 50, showTotal: (n) => t('common.total', { n }) }}
        />
      )}
      {open ? <GrantModal onClose={() => setOpen(false)} /> : null}
    </>
  );
}
