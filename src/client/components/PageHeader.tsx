/** Page title with breadcrumbs and actions on the right. */
import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n.js';

export interface Crumb {
  title: string;
  to?: string;
}

export function PageHeader({
  title,
  crumbs = [],
  extra,
  sub,
}: {
  title: ReactNode;
  crumbs?: Crumb[];
  extra?: ReactNode;
  sub?: ReactNode;
}) {
  const t = useT();
  const items = [
    { title: <Link to="/">{t('nav.home')}</Link> },
    ...crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title })),
  ];
  return (
    <div style={{ marginBottom: 16 }}>
      <Breadcrumb items={items} style={{ marginBottom: 8 }} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {sub ? <Typography.Text type="secondary">{sub}</Typography.Text> : null}
        </div>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
    </div>
  );
}
