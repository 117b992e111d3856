/**
 * The frame of every signed-in page: left menu, top bar with the user, their roles, the unit
 * switcher, language and logout, the demo-data banner and the idle-timeout notice.
 */
import { DownOutlined, LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dropdown, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { Suspense, lazy, useCallback } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../common/roles.js';
import { SESSION_KEY, useLogout } from '../api/auth.js';
import { useLang, useT, pick } from '../i18n.js';
import { byRoleOrder, menuAbilities, useMe } from '../session.js';
import { IdleNotice } from './IdleNotice.js';
import { LangSwitch } from './LangSwitch.js';
import { menuFor, selectedMenuKey } from './menu.js';

/** The help drawer and its texts load on the first page that shows the button, not with the shell. */
const HelpButton = lazy(() => import('../help/HelpButton.js').then((m) => ({ default: m.HelpButton })));
import { Loading } from './QueryState.js';

export default function AppLayout() {
  const t = useT();
  const { lang } = useLang();
  const { me, actingUnits, unitId, setUnitId } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const logout = useLogout();
  const entries = menuFor(me.adminRole, menuAbilities(me, unitId));

  const roleTags = me.adminRole
    ? [pick(ROLE_LABELS[me.adminRole], lang)]
    : me.roles
        .filter((r) => r.unitId === unitId)
        .sort(byRoleOrder)
        .map((r) => pick(ROLE_LABELS[r.role], lang));

  const keepAlive = useCallback(() => void qc.invalidateQueries({ queryKey: SESSION_KEY }), [qc]);
  const expired = useCallback(() => void qc.invalidateQueries({ queryKey: SESSION_KEY }), [qc]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* On a phone the menu folds away behind the trigger instead of taking the screen. */}
      <Layout.Sider width={200} theme="dark" breakpoint="lg" collapsedWidth={0} zeroWidthTriggerStyle={{ top: 8 }}>
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '16px 20px', whiteSpace: 'nowrap' }}>
          班子 Banzi
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedMenuKey(entries, location.pathname)]}
          items={entries.map((e) => ({ key: e.path, icon: e.icon, label: t(e.key) }))}
          onClick={({ key }) => void navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        {me.isDemo ? (
          <Alert
            type="warning"
            banner
            title={t('layout.demo')}
            style={{ background: '#fffbe6', textAlign: 'center' }}
          />
        ) : null}
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            justifyContent: 'flex-end',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
            minHeight: 52,
            height: 'auto',
            lineHeight: '52px',
          }}
        >
          {actingUnits.length > 1 ? (
            <Space size={4}>
              <Typography.Text type="secondary">{t('layout.actingUnit')}</Typography.Text>
              {/* A menu, not a Select: the select component would weigh on every page's first load */}
              <Dropdown
                trigger={['click']}
                menu={{
                  selectable: true,
                  selectedKeys: [unitId ?? ''],
                  items: actingUnits.map((u) => ({ key: u.id, label: u.name })),
                  onClick: ({ key }) => setUnitId(key),
                }}
              >
                <Button size="small" aria-label={t('layout.actingUnit')}>
                  {actingUnits.find((u) => u.id === unitId)?.name ?? t('layout.actingUnit')} <DownOutlined />
                </Button>
              </Dropdown>
            </Space>
          ) : actingUnits[0] ? (
            <Typography.Text type="secondary">{actingUnits[0].name}</Typography.Text>
          ) : null}
          <Space size={2}>
            {roleTags.map((r) => (
              <Tag key={r} color="blue">
                {r}
              </Tag>
            ))}
          </Space>
          <Typography.Text strong data-testid="current-user">
            {me.displayName}
          </Typography.Text>
          <Suspense fallback={null}>
            <HelpButton linkRules={!me.adminRole} />
          </Suspense>
          <LangSwitch />
          <Button size="small" onClick={() => void navigate('/password')}>
            {t('layout.password')}
          </Button>
          <Tooltip title={t('layout.logout')}>
            <Button
              size="small"
              icon={<LogoutOutlined />}
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login') })}
            >
              {t('layout.logout')}
            </Button>
          </Tooltip>
        </Layout.Header>
        <Layout.Content style={{ padding: 16, background: '#f5f5f5' }}>
          <div style={{ background: '#fff', padding: 16, minHeight: 'calc(100vh - 84px)', borderRadius: 6 }}>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </div>
        </Layout.Content>
      </Layout>
      <IdleNotice idleMinutes={me.idleMinutes} onKeepAlive={keepAlive} onExpired={expired} />
    </Layout>
  );
}
