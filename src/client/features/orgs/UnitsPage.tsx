/** The unit tree: level, organ type, links to the teams the user may see, add a child unit. */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ORGAN_TYPE_LABELS, UNIT_LEVEL_LABELS, type Unit } from '../../../common/contracts/orgs.js';
import { useUnits } from '../../api/orgs.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryState } from '../../components/QueryState.js';
import { buildTree, type TreeNode } from '../../lib/tree.js';
import { useT } from '../../i18n.js';
import { hasRole, useMe } from '../../session.js';
import { AddUnitModal } from './AddUnitModal.js';

const LEVEL_COLORS: Record<Unit['level'], string> = {
  gac: 'red',
  direct: 'volcano',
  subordinate: 'blue',
  internal: 'default',
};

function matching(units: Unit[], q: string): Unit[] {
  if (!q) return units;
  const byId = new Map(units.map((u) => [u.id, u]));
  const keep = new Set<string>();
  for (const u of units) {
    if (!u.name.includes(q) && !u.shortName.includes(q)) continue;
    for (let p: Unit | undefined = u; p && !keep.has(p.id); p = p.parentId ? byId.get(p.parentId) : undefined) {
      keep.add(p.id);
    }
  }
  return units.filter((u) => keep.has(u.id));
}

export default function UnitsPage() {
  const t = useT();
  const { me } = useMe();
  const units = useUnits();
  const [q, setQ] = useState('');
  const [parent, setParent] = useState<Unit | null>(null);
  const tree = useMemo(() => buildTree(matching(units.data ?? [], q.trim())), [units.data, q]);

  const columns = [
    {
      title: t('orgs.name'),
      dataIndex: 'name',
      key: 'name',
      render: (_: string, u: Unit) => (u.canViewTeam ? <Link to={`/orgs/units/${u.id}`}>{u.name}</Link> : u.name),
    },
    { title: t('orgs.shortName'), dataIndex: 'shortName', key: 'shortName', width: 140 },
    {
      title: t('orgs.level'),
      dataIndex: 'level',
      key: 'level',
      width: 120,
      render: (l: Unit['level']) => <Tag color={LEVEL_COLORS[l]}>{UNIT_LEVEL_LABELS[l]}</Tag>,
    },
    {
      title: t('orgs.organType'),
      dataIndex: 'organType',
      key: 'organType',
      width: 140,
      render: (o: Unit['organType']) => ORGAN_TYPE_LABELS[o],
    },
    { title: t('orgs.code'), dataIndex: 'code', key: 'code', width: 120 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_: unknown, u: Unit) => (
        <>
          {u.canViewTeam ? (
            <Link to={`/orgs/units/${u.id}`} style={{ marginRight: 12 }}>
              {t('orgs.viewTeam')}
            </Link>
          ) : null}
          {hasRole(me, 'personnel', u.id) && u.level !== 'internal' ? (
            <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setParent(u)}>
              {t('orgs.addChildShort')}
            </Button>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.orgs')}
        crumbs={[{ title: t('nav.orgs') }]}
        extra={
          <Space wrap>
            {hasRole(me, 'personnel') ? (
              <>
                <Link to="/setup">{t('setup.title')}</Link>
                <Link to="/orgs/import">
                  <Button icon={<UploadOutlined />}>{t('setup.import')}</Button>
                </Link>
              </>
            ) : null}
            <Input.Search
              allowClear
              placeholder={t('orgs.search')}
              onSearch={setQ}
              style={{ width: 240, maxWidth: '100%' }}
            />
          </Space>
        }
      />
      <QueryState query={units}>
        {() => (
          <Table<TreeNode<Unit>>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={tree}
            pagination={false}
            expandable={{ defaultExpandAllRows: true }}
            key={q}
          />
        )}
      </QueryState>
      {parent ? <AddUnitModal parent={parent} onClose={() => setParent(null)} /> : null}
    </>
  );
}
