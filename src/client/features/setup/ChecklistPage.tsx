/** First-run checklist for a personnel office (issue 16 §1): what is set up, what is still to do. */
import { CheckCircleTwoTone, ExclamationCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ChecklistItem } from '../../../common/contracts/setup.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ErrorView, Loading } from '../../components/QueryState.js';
import { useT, type MessageKey } from '../../i18n.js';
import { useChecklist } from './api.js';

const LINKS: Record<ChecklistItem['key'], string | null> = {
  units: '/orgs/import',
  teams: '/orgs',
  people: '/orgs/import',
  rules: '/rules',
  calendar: '/calendar',
  publicUrl: null,
};

const ICONS = {
  done: <CheckCircleTwoTone twoToneColor="#52c41a" />,
  warn: <ExclamationCircleTwoTone twoToneColor="#faad14" />,
  todo: <CloseCircleTwoTone twoToneColor="#ff4d4f" />,
};
const COLORS = { done: 'success', warn: 'warning', todo: 'error' } as const;

function detailKey(i: ChecklistItem): MessageKey {
  if (i.key === 'teams' && i.count === 0) return 'setup.item.teams.none';
  return `setup.item.${i.key}.${i.status}` as MessageKey;
}

export default function ChecklistPage() {
  const t = useT();
  const q = useChecklist();
  if (q.error) return <ErrorView error={q.error} />;
  if (!q.data) return <Loading />;
  const { items, offices } = q.data;
  return (
    <>
      <PageHeader
        title={t('setup.title')}
        crumbs={[{ title: t('setup.title') }]}
        extra={
          <Link to="/orgs/import">
            <Button type="primary">{t('setup.import')}</Button>
          </Link>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space orientation="vertical">
          <Typography.Text>{t('setup.intro')}</Typography.Text>
          <Typography.Text type="secondary">
            {t('setup.offices', { names: offices.map((o) => o.name).join('、') })}
          </Typography.Text>
        </Space>
      </Card>
      <Card size="small">
        <List
          dataSource={items}
          renderItem={(i) => (
            <List.Item
              data-key={i.key}
              actions={
                LINKS[i.key] && i.status !== 'done'
                  ? [
                      <Link key="go" to={LINKS[i.key] as string}>
                        {t('setup.go')}
                      </Link>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                avatar={ICONS[i.status]}
                title={
                  <Space>
                    {t(`setup.item.${i.key}` as MessageKey)}
                    <Tag color={COLORS[i.status]}>{t(`setup.${i.status}` as MessageKey)}</Tag>
                  </Space>
                }
                description={t(detailKey(i), { n: i.count, names: i.names.join('、'), url: i.url ?? '' })}
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
