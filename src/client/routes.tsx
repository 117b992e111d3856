/** Every route, each page loaded lazily. */
import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.js';
import { AdminOnly, BusinessOnly, BusinessOrAdmin, RequireAuth } from './components/Guards.js';
import { NotFoundPage } from './features/home/NotFoundPage.js';

const LoginPage = lazy(() => import('./features/auth/LoginPage.js'));
const PasswordPage = lazy(() => import('./features/auth/PasswordPage.js'));
const HomePage = lazy(() => import('./features/home/HomePage.js'));
const UnitsPage = lazy(() => import('./features/orgs/UnitsPage.js'));
const TeamPage = lazy(() => import('./features/orgs/TeamPage.js'));
const PeoplePage = lazy(() => import('./features/people/PeoplePage.js'));
const PersonFormPage = lazy(() => import('./features/people/PersonFormPage.js'));
const PersonPage = lazy(() => import('./features/people/PersonPage.js'));
const RulesPage = lazy(() => import('./features/rules/RulesPage.js'));
const CalendarPage = lazy(() => import('./features/calendar/CalendarPage.js'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.js'));
const UsersPage = lazy(() => import('./features/admin/UsersPage.js'));
const GrantsPage = lazy(() => import('./features/admin/GrantsPage.js'));

const business = (el: ReactNode) => <BusinessOnly>{el}</BusinessOnly>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth><AppLayout /></RequireAuth>}>
        <Route index element={<HomePage />} />
        <Route path="password" element={<PasswordPage />} />
        <Route path="orgs" element={business(<UnitsPage />)} />
        <Route path="orgs/units/:id" element={business(<TeamPage />)} />
        <Route path="people" element={business(<PeoplePage />)} />
        <Route path="people/new" element={business(<PersonFormPage />)} />
        <Route path="people/:id/edit" element={business(<PersonFormPage />)} />
        <Route path="people/:id" element={business(<PersonPage />)} />
        <Route path="rules" element={business(<RulesPage />)} />
        <Route path="calendar" element={<BusinessOrAdmin roles={['system_admin']}><CalendarPage /></BusinessOrAdmin>} />
        <Route path="audit" element={<AdminOnly roles={['auditor']}><AuditPage /></AdminOnly>} />
        <Route path="admin/users" element={<AdminOnly roles={['system_admin']}><UsersPage /></AdminOnly>} />
        <Route path="admin/grants" element={<AdminOnly roles={['security_admin']}><GrantsPage /></AdminOnly>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
