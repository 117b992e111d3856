/** The decision catalogue (议事清单, PG-02): seeded from PG-17 and the four "三重一大" categories; the office keeps it. */
import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  TZYD_CATEGORIES,
  TZYD_LABELS,
  type CatalogueEntry,
} from '../../../common/contracts/decisions.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { useT } from '../../i18n.js';
import { useMe } from '../../session.js';
import { useRun } from '../meetings/useRun.js';
import { useCatalogue, useDecisionWrite } from './api.js';

const FLAGS = ['collectiveRequired', 'majorDecision', 'technical', 'stabilityRisk', 'notPublic', 'important'] as const;

export default function CataloguePage() {
  const t = useT();
  const { unitId } = useMe();
  const cat = useCatalogue(unitId);
  const { run } = useRun();
  const [editing, setEditing] = useState<CatalogueEntry | 'new' | null>(null);
  const seed = useDecisionWrite<null>(() => '/api/decisions/catalogue/seed', { body: () => ({ unitId }) });
  const toggle = useDecisionWrite<{ id: string; active: boolean }>((b) => `/api/decisions/catalogue/${b.id}`, {
    method: 'PATCH',
    body: (b) => ({ active: b.active }),
  });
  const data = cat.data;
  const columns: TableProps<CatalogueEntry>['columns'] = [
    {
      title: t('cat.name'),
      dataIndex: 'name',
      key: 'name',
      render: (v: string, r) => <Typography.Link onClick={() => data?.canEdit && setEditing(r)}>{v}</Typography.Link>,
    },
    { title: t('cat.category'), dataIndex: 'category', key: 'category', width: 140 },
    {
      title: t('dec.tzyd'),
      key: 'tzyd',
      width: 120,
      render: (_, r) => (r.tzydCategory ? <Tag color="red">{TZYD_LABELS[r.tzydCategory]}</Tag> : '—'),
    },
    { title: t('dec.kind'), key: 'kind', width: 90, render: (_, r) => ITEM_KIND_LABELS[r.itemKind] },
    {
      title: t('cat.flags'),
      key: 'flags',
      width: 300,
      render: (_, r) => (
        <Space size={2} wrap>
          {FLAGS.filter((f) => r[f]).map((f) => (
            <Tag key={f}>{t(`cat.${f}`)}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('cat.note'), dataIndex: 'note', key: 'note', ellipsis: true },
    {
      title: t('cat.active'),
      key: 'active',
      width: 80,
      render: (_, r) => (
        <Switch
          size="small"
          checked={r.active}
          disabled={!data?.canEdit}
          onChange={(active) => void run(() => toggle.mutateAsync({ id: r.id, active }))}
        />
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('nav.catalogue')}
        crumbs={[{ title: t('nav.decisions'), to: '/decisions' }, { title: t('nav.catalogue') }]}
        sub={t('cat.sub')}
        extra={
          data?.canEdit ? (
            <>
              {data.items.length === 0 ? (
                <Button type="primary" onClick={() => void run(() => seed.mutateAsync(null), t('cat.seeded'))}>
                  {t('cat.seed')}
                </Button>
              ) : null}
              <Button onClick={() => setEditing('new')}>{t('cat.add')}</Button>
            </>
          ) : null
        }
      />
      {data ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('cat.thresholds', {
            fund: (data.thresholds.largeFundThresholdFen / 100).toLocaleString('zh-CN'),
            project: data.thresholds.majorProjectThresholdFen
              ? (data.thresholds.majorProjectThresholdFen / 100).toLocaleString('zh-CN')
              : t('cat.notSet'),
          })}
          action={<Link to="/rules">{t('cat.setThresholds')}</Link>}
        />
      ) : null}
      {cat.error && !data ? (
        <ErrorView error={cat.error} />
      ) : (
        <Table<CatalogueEntry>
          rowKey="id"
          size="small"
          bordered
          loading={cat.isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={false}
          rowClassName={(r) => (r.active ? '' : 'ant-table-row-disabled')}
        />
      )}
      {editing && unitId ? (
        <EntryModal unitId={unitId} entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function EntryModal({ unitId, entry, onClose }: { unitId: string; entry: CatalogueEntry | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const { run } = useRun();
  const write = useDecisionWrite<Record<string, unknown>>(
    () => (entry ? `/api/decisions/catalogue/${entry.id}` : '/api/decisions/catalogue'),
    { method: entry ? 'PATCH' : 'POST', body: (b) => b },
  );
  const submit = async () => {
    const v = await form.validateFields();
    const flags = Object.fromEntries(FLAGS.map((f) => [f, (v.flags as string[] | undefined)?.includes(f) ?? false]));
    const body = {
      name: v.name,
      category: v.category,
      tzydCategory: v.tzydCategory ?? null,
      itemKind: v.itemKind,
      sortOrder: v.sortOrder ?? 0,
      note: v.note ?? null,
      ...flags,
      ...(entry ? {} : { unitId }),
    };
    const r = await run(() => write.mutateAsync(body), t('common.saved'));
    if (r !== undefined) onClose();
  };
  return (
    <Modal
      open
      width={640}
      title={entry ? t('cat.edit') : t('cat.add')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={write.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          entry
            ? { ...entry, flags: FLAGS.filter((f) => entry[f]) }
            : { itemKind: 'ordinary', flags: ['collectiveRequired'], category: '本单位重大问题' }
        }
      >
        <Form.Item name="name" label={t('cat.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('cat.category')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="tzydCategory" label={t('dec.tzyd')}>
            <Select
              allowClear
              style={{ width: 160 }}
              options={TZYD_CATEGORIES.map((c) => ({ value: c, label: TZYD_LABELS[c] }))}
            />
          </Form.Item>
          <Form.Item name="itemKind" label={t('dec.kind')}>
            <Select
              style={{ width: 120 }}
              options={ITEM_KINDS.map((k) => ({ value: k, label: ITEM_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('cat.sort')}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        <Form.Item name="flags" label={t('cat.flags')}>
          <Checkbox.Group options={FLAGS.map((f) => ({ value: f, label: t(`cat.${f}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('cat.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
