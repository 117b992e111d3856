/** The restrictions active on a cadre (influence periods, regulations.md §17), for the cadre record page. */
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { INFLUENCE_BLOCK_LABELS } from '../../../common/contracts/eligibility.js';
import { CitationTag } from '../../components/CitationTag.js';
import { useT } from '../../i18n.js';
import { useRestrictions } from '../disclosures/api.js';

export function RestrictionsPanel({ personId }: { personId: string }) {
  const t = useT();
  const r = useRestrictions(personId);
  if (!r.data || r.data.periods.length === 0) return null;
  const d = r.data;
  return (
    <Card size="small" title={t('restrictions.title')} style={{ marginTop: 16 }}>
      {d.active.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('restrictions.active', { date: d.date })}
          description={
            <Space wrap>
              {d.active.map((a) => (
                <Tag color="red" key={a.block}>
                  {a.label}
                  {a.until ? `（${t('restrictions.until', { date: a.until })}）` : `（${t('restrictions.whileOpen')}）`}
                </Tag>
              ))}
            </Space>
          }
        />
      ) : (
        <Typography.Text type="secondary">{t('restrictions.none')}</Typography.Text>
      )}
      <Table
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={d.periods}
        columns={[
          { title: t('restrictions.measure'), dataIndex: 'measureLabel' },
          {
            title: t('restrictions.blocks'),
            key: 'b',
            render: (_, p) => p.blocks.map((b) => <Tag key={b}>{INFLUENCE_BLOCK_LABELS[b]}</Tag>),
          },
          {
            title: t('restrictions.period'),
            key: 'p',
            width: 200,
            render: (_, p) => `${p.startDate} ~ ${p.endDate ?? t('restrictions.whileOpen')}`,
          },
          {
            title: t('restrictions.rule'),
            key: 'r',
            render: (_, p) => (
              <Space size={2} wrap>
                <Tag color="geekblue">{p.ruleId}</Tag>
                <CitationTag citation={p.citation} />
              </Space>
            ),
          },
          {
            title: t('restrictions.state'),
            key: 's',
            width: 80,
            render: (_, p) => (
              <Tag color={p.active ? 'red' : 'default'}>
                {p.active ? t('restrictions.inForce') : t('restrictions.ended')}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
