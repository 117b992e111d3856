/** Home: what waits for the user (待办) and their roles and units; the modules are in the menu. Admins see shortcuts to their admin pages only (三员分立). */
import { Alert, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ROLE_LABELS } from '../../../common/roles.js';
import { menuFor } from '../../components/menu.js';
import { PageHeader } from '../../components/PageHeader.js';
import { pick, useLang, useT, type MessageKey } from '../../i18n.js';
import { byRoleOrder, hasRole, useMe } from '../../session.js';
import { useChecklist } from '../setup/api.js';
import { TodoCard } from './TodoCard.js';

const HINTS: Record<string, MessageKey> = {
  '/orgs': 'home.hint.orgs',
  '/people': 'home.hint.people',
  '/rules': 'home.hint.rules',
  '/calendar': 'home.hint.calendar',
  '/admin/users': 'home.hint.users',
  '/admin/grants': 'home.hint.grants',
  '/admin/requests': 'home.hint.requests',
  '/audit': 'home.hint.audit',
  '/meetings': 'home.hint.meetings',
  '/decisions': 'home.hint.decisions',
  '/decisions/tasks': 'home.hint.tasks',
  '/decisions/violations': 'home.hint.violations',
  '/disclosures': 'home.hint.disclosures',
  '/ballots': 'home.hint.ballots',
  '/assessments': 'home.hint.assessments',
};

function Shortcuts() {
  const t = useT();
  const hintOf = (path: string) => {
    const key = HINTS[path];
    return key ? t(key) : null;
  };
  const { me } = useMe();
  const entries = menuFor(me.adminRole).filter((e) => e.path !== '/');
  return (
    <Row gutter={[16, 16]}>
      {entries.map((e) => (
        <Col key={e.path} xs={24} sm={12} lg={6}>
          <Link to={e.path}>
            <Card
              hoverable
              size="small"
              title={
                <Space>
                  {e.icon}
                  {t(e.key)}
                </Space>
              }
            >
              <Typography.Text type="secondary">{hintOf(e.path)}</Typography.Text>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}

/** For a personnel office while the first-run checklist still has something to do. */
function SetupNotice() {
  const t = useT();
  const q = useChecklist();
  if (!q.data?.items.some((i) => i.status === 'todo')) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('home.setup')}
      action={
        <Space>
          <Link to="/setup">{t('setup.title')}</Link>
          <Link to="/orgs/import">{t('setup.import')}</Link>
        </Space>
      }
    />
  );
}

export default function HomePage() {
  const t = useT();
  const { lang } = useLang();
  const { me, actingUnits } = useMe();
  // The root's own office also keeps the root team; count only the units below.
  const below = me.managedUnitIds.filter((id) => !me.ownUnitIds.includes(id));

  if (me.adminRole) {
    return (
      <>
        <PageHeader title={t('home.welcome', { name: me.displayName })} />
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space orientation="vertical">
            <Space>
              {t('home.adminRole')}
              <Tag color="purple">{pick(ROLE_LABELS[me.adminRole], lang)}</Tag>
            </Space>
            <Typography.Text type="secondary">{t('home.separation')}</Typography.Text>
          </Space>
        </Card>
        <Shortcuts />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('home.welcome', { name: me.displayName })} />
      {hasRole(me, 'personnel') ? <SetupNotice /> : null}
      <TodoCard />
      <Card size="small" title={t('home.myRoles')} style={{ marginBottom: 16 }}>
        {actingUnits.length === 0 ? (
          <Typography.Text type="secondary">{t('home.noRoles')}</Typography.Text>
        ) : (
          <Descriptions
            size="small"
            column={1}
            bordered
            items={actingUnits.map((u) => ({
              key: u.id,
              label: u.name,
              children: (
                <Space wrap>
                  {me.roles
                    .filter((r) => r.unitId === u.id)
                    .sort(byRoleOrder)
                    .map((r) => (
                      <Tag key={r.role} color="blue">
                        {pick(ROLE_LABELS[r.role], lang)}
                      </Tag>
                    ))}
                  {me.ownUnitIds.includes(u.id) ? <Link to={`/orgs/units/${u.id}`}>{t('home.ownTeam')}</Link> : null}
                </Space>
              ),
            }))}
          />
        )}
        {below.length > 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('home.managed', { n: below.length })} <Link to="/orgs">{t('nav.orgs')}</Link>
          </Typography.Paragraph>
        ) : null}
      </Card>
    </>
  );
}
