/**
 * Route guards: signed in (else /login with the target kept), password changed when the
 * server demands it, and the separation of the three admins (三员分立): admins reach only their
 * admin page, business users never reach admin pages.
 */
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { AdminRole } from '../../common/roles.js';
import { useSession } from '../api/auth.js';
import { useT } from '../i18n.js';
import { SessionProvider, useMe } from '../session.js';
import { ErrorView, Loading } from './QueryState.js';

export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.error && !session.data) return <ErrorView error={session.error} />;
  const me = session.data?.me;
  if (!session.data?.authenticated || !me) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return (
    <SessionProvider key={me.userId} me={me}>
      {children}
    </SessionProvider>
  );
}

function Forbidden() {
  const t = useT();
  return <Result status="403" title={t('error.forbidden')} subTitle={t('error.separation')} />;
}

/** Business pages: no admin role. */
export function BusinessOnly({ children }: { children: ReactNode }) {
  const { me } = useMe();
  return me.adminRole ? <Forbidden /> : <>{children}</>;
}

/** Admin pages: the one admin role that owns the page (system admin also owns the calendar editor). */
export function AdminOnly({ roles, children }: { roles: AdminRole[]; children: ReactNode }) {
  const { me } = useMe();
  return me.adminRole && roles.includes(me.adminRole) ? <>{children}</> : <Forbidden />;
}

/** Calendar: business users read it, the system admin edits it. */
export function BusinessOrAdmin({ roles, children }: { roles: AdminRole[]; children: ReactNode }) {
  const { me } = useMe();
  return !me.adminRole || roles.includes(me.adminRole) ? <>{children}</> : <Forbidden />;
}
