/** Rank, post and unit histories of a record. */
import { Table, Tabs, Tag } from 'antd';
import type { PersonDetail } from '../../../common/contracts/people.js';
import { show } from '../../lib/format.js';
import { useT } from '../../i18n.js';

export function PersonHistory({ p }: { p: PersonDetail }) {
  const t = useT();
  const current = (end: string | null) => (end ? show(end) : <Tag color="green">{t('person.current')}</Tag>);
  return (
    <Tabs
      items={[
        {
          key: 'ranks',
          label: t('person.rankHistory'),
          children: (
            <Table
              size="small"
              bordered
              rowKey="id"
              pagination={false}
              dataSource={p.ranks}
              columns={[
                { title: t('person.rank'), dataIndex: 'rankLabel' },
                { title: t('person.level'), dataIndex: 'levelLabel', width: 140 },
                { title: t('person.startDate'), dataIndex: 'startDate', width: 110 },
                { title: t('person.endDate'), dataIndex: 'endDate', width: 110, render: current },
                { title: t('common.note'), dataIndex: 'note', render: show },
              ]}
            />
          ),
        },
        {
          key: 'posts',
          label: t('person.postHistory'),
          children: (
            <Table
              size="small"
              bordered
              rowKey="id"
              pagination={false}
              dataSource={p.posts}
              columns={[
                { title: t('person.postTitle'), dataIndex: 'title' },
                { title: t('person.unit'), dataIndex: 'unitName' },
                {
                  title: t('person.isLeading'),
                  dataIndex: 'isLeading',
                  width: 90,
                  render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
                },
                { title: t('person.startDate'), dataIndex: 'startDate', width: 110 },
                { title: t('person.endDate'), dataIndex: 'endDate', width: 110, render: current },
              ]}
            />
          ),
        },
        {
          key: 'units',
          label: t('person.unitHistory'),
          children: (
            <Table
              size="small"
              bordered
              rowKey={(r) => `${r.unitId}-${r.startDate}`}
              pagination={false}
              dataSource={p.unitHistory}
              columns={[
                { title: t('person.unit'), dataIndex: 'unitName' },
                { title: t('person.startDate'), dataIndex: 'startDate', width: 110 },
                { title: t('person.endDate'), dataIndex: 'endDate', width: 110, render: current },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
