/** Loading and error states for a query, in one place. */
import { Alert, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { isApiError } from '../api/client.js';
import { useT } from '../i18n.js';

export function Loading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}

export function ErrorView({ error }: { error: unknown }) {
  const t = useT();
  if (isApiError(error) && error.status === 404) {
    return <Result status="404" title={t('error.notFound')} subTitle={error.message} />;
  }
  if (isApiError(error) && error.status === 403) {
    return <Result status="403" title={t('error.forbidden')} subTitle={error.message} />;
  }
  const message = error instanceof Error ? error.message : String(error);
  return <Alert type="error" showIcon title={t('error.loadFailed')} description={message} />;
}

export function QueryState<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <ErrorView error={query.error} />;
  return <Loading />;
}
