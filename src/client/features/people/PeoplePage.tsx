/** The cadre list: search, filters, server paging and sorting, roster export, new cadre. */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Switch, Table, Typography, type TableProps } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  ETHNICITIES,
  POLITICAL_STATUS_LABELS,
  SEX_LABELS,
  type PersonListItem,
} from '../../../common/contracts/people.js';
import { LEVELS } from '../../../common/ranks.js';
import { rosterUrl, usePeople, type PeopleQuery } from '../../api/people.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView } from '../../components/QueryState.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { ageFromBirthMonth } from '../../lib/age.js';
import { DASH, show } from '../../lib/format.js';
import { useT } from '../../i18n.js';
import { hasRole, useMe } from '../../session.js';

const SORTS = ['name', 'birthMonth', 'unit', 'level'] as const;

function useFilters() {
  const [params, setParams] = useSearchParams();
  const { unitId: actingUnit } = useMe();
  const rawUnit = params.get('unitId');
  const query: PeopleQuery = {
    unitId: rawUnit === 'all' ? undefined : (rawUnit ?? actingUnit),
    q: params.get('q') ?? undefined,
    sex: params.get('sex') ?? undefined,
    ethnicity: params.get('ethnicity') ?? undefined,
    level: params.get('level') ?? undefined,
    teamOnly: params.get('teamOnly') === '1' ? '1' : '0',
    sort: params.get('sort') ?? 'unit',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 50) || 50,
  };
  const set = (patch: Record<string, string | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (resetPage) next.delete('page');
    setParams(next, { replace: true });
  };
  return { query, set };
}

const HIDDEN = '无权查看';

function basicOnly(p: PersonListItem, value: React.ReactNode) {
  // A field hidden from this reader says so; an empty one reads "—" (issue 16 §4)
  return p.access === 'basic' ? <Typography.Text type="secondary">{HIDDEN}</Typography.Text> : value;
}

export default function PeoplePage() {
  const t = useT();
  const { me } = useMe();
  const navigate = useNavigate();
  const { query, set } = useFilters();
  const people = usePeople(query);
  const sortOrder = (key: string) => (query.sort === key ? (query.order === 'desc' ? 'descend' : 'ascend') : null);

  const items = people.data?.items ?? [];
  /** Colleagues with basic access only: the full-record columns would all be empty. */
  const anyFull = items.some((p) => p.access === 'full');
  const allColumns: TableProps<PersonListItem>['columns'] = [
    {
      title: t('person.name'),
      dataIndex: 'name',
      key: 'name',
      width: 120,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (v: string, p) => <Link to={`/people/${p.id}`}>{v}</Link>,
    },
    {
      title: t('person.unit'),
      dataIndex: 'unitName',
      key: 'unit',
      width: 140,
      sorter: true,
      sortOrder: sortOrder('unit'),
    },
    { title: t('person.currentPost'), dataIndex: 'currentPost', key: 'post', width: 150, render: show },
    {
      title: t('team.division'),
      dataIndex: 'divisionOfWork',
      key: 'division',
      width: 200,
      ellipsis: true,
      render: show,
    },
    {
      title: t('person.sex'),
      dataIndex: 'sex',
      key: 'sex',
      width: 52,
      render: (v: PersonListItem['sex'], p) => basicOnly(p, v ? SEX_LABELS[v] : DASH),
    },
    {
      title: t('person.birthMonth'),
      dataIndex: 'birthMonth',
      key: 'birthMonth',
      width: 130,
      sorter: true,
      sortOrder: sortOrder('birthMonth'),
      render: (v: string | null, p) =>
        basicOnly(
          p,
          v ? <span style={{ whiteSpace: 'nowrap' }}>{`${v}（${show(ageFromBirthMonth(v))}）`}</span> : DASH,
        ),
    },
    {
      title: t('person.ethnicity'),
      dataIndex: 'ethnicity',
      key: 'ethnicity',
      width: 76,
      render: (v: string | null, p) => basicOnly(p, show(v)),
    },
    {
      title: t('person.politicalStatus'),
      dataIndex: 'politicalStatus',
      key: 'political',
      width: 96,
      render: (v: string | null, p) =>
        basicOnly(p, v ? (POLITICAL_STATUS_LABELS[v as keyof typeof POLITICAL_STATUS_LABELS] ?? v) : DASH),
    },
    {
      title: t('person.rank'),
      dataIndex: 'rankLabel',
      key: 'rank',
      width: 150,
      render: (v: string | null, p) => basicOnly(p, show(v)),
    },
    {
      title: t('person.level'),
      dataIndex: 'levelLabel',
      key: 'level',
      width: 120,
      sorter: true,
      sortOrder: sortOrder('level'),
      render: (v: string | null, p) => basicOnly(p, show(v)),
    },
    {
      title: t('person.qualification'),
      dataIndex: 'qualification',
      key: 'qualification',
      width: 86,
      render: (v: string | null, p) => basicOnly(p, show(v)),
    },
  ];
  const basicKeys = new Set(['name', 'unit', 'post', 'division']);
  const columns = anyFull || items.length === 0 ? allColumns : allColumns.filter((c) => basicKeys.has(String(c.key)));

  return (
    <>
      <PageHeader
        title={t('nav.people')}
        crumbs={[{ title: t('nav.people') }]}
        extra={
          <>
            {/* The roster is exported by the personnel and discipline offices only (the server says so too) */}
            {anyFull && (hasRole(me, 'personnel') || hasRole(me, 'discipline')) ? (
              <Button icon={<DownloadOutlined />} href={rosterUrl(query.unitId)}>
                {t('people.export')}
              </Button>
            ) : null}
            {hasRole(me, 'personnel') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/people/new')}>
                {t('people.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={query.q}
          placeholder={t('people.search')}
          onSearch={(q) => set({ q })}
          style={{ width: 200 }}
        />
        <UnitSelect
          value={query.unitId}
          onChange={(v) => set({ unitId: v ?? 'all' })}
          placeholder={t('people.allUnits')}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          placeholder={t('person.sex')}
          value={query.sex}
          onChange={(v?: string) => set({ sex: v })}
          style={{ width: 90 }}
          options={Object.entries(SEX_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('person.ethnicity')}
          value={query.ethnicity}
          onChange={(v?: string) => set({ ethnicity: v })}
          style={{ width: 120 }}
          options={ETHNICITIES.map((e) => ({ value: e, label: e }))}
        />
        <Select
          allowClear
          placeholder={t('person.level')}
          value={query.level}
          onChange={(v?: string) => set({ level: v })}
          style={{ width: 140 }}
          options={LEVELS.map((l) => ({ value: l.code, label: l.zh }))}
        />
        <Space size={4}>
          <Switch
            size="small"
            checked={query.teamOnly === '1'}
            onChange={(c) => set({ teamOnly: c ? '1' : undefined })}
            aria-label={t('people.teamOnly')}
          />
          {t('people.teamOnly')}
        </Space>
      </Space>
      {people.error && !people.data ? (
        <ErrorView error={people.error} />
      ) : (
        <Table<PersonListItem>
          rowKey="id"
          size="small"
          bordered
          loading={people.isFetching}
          columns={columns}
          dataSource={items}
          scroll={{ x: anyFull ? 1400 : undefined }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: people.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (n) => t('common.total', { n }),
          }}
          onChange={(pg, _filters, sorter, extra) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            if (extra.action === 'sort') {
              const key = SORTS.find((k) => k === s?.columnKey);
              set({ sort: s?.order && key ? key : undefined, order: s?.order === 'descend' ? 'desc' : undefined });
            } else {
              set({ page: String(pg.current ?? 1), pageSize: String(pg.pageSize ?? 50) }, false);
            }
          }}
        />
      )}
    </>
  );
}
