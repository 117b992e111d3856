/** Every route, each page loaded lazily. */
import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AdminOnly, BusinessOnly, BusinessOrAdmin, RequireAuth } from './components/Guards.js';
import { NotFoundPage } from './features/home/NotFoundPage.js';

/** The signed-in frame too is loaded lazily: the login page's first load carries no menu. */
const AppLayout = lazy(() => import('./components/AppLayout.js'));
const LoginPage = lazy(() => import('./features/auth/LoginPage.js'));
const PasswordPage = lazy(() => import('./features/auth/PasswordPage.js'));
const ActivatePage = lazy(() => import('./features/auth/ActivatePage.js'));
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
const RequestsPage = lazy(() => import('./features/admin/RequestsPage.js'));
const MeetingsPage = lazy(() => import('./features/meetings/MeetingsPage.js'));
const MeetingPage = lazy(() => import('./features/meetings/MeetingPage.js'));
const VotePage = lazy(() => import('./features/meetings/VotePage.js'));
const ProjectorPage = lazy(() => import('./features/meetings/ProjectorPage.js'));
const DecisionsPage = lazy(() => import('./features/decisions/DecisionsPage.js'));
const ItemPage = lazy(() => import('./features/decisions/ItemPage.js'));
const CataloguePage = lazy(() => import('./features/decisions/CataloguePage.js'));
const TasksPage = lazy(() => import('./features/decisions/TasksPage.js'));
const ViolationsPage = lazy(() => import('./features/decisions/ViolationsPage.js'));
const MyDisclosuresPage = lazy(() => import('./features/disclosures/MyDisclosuresPage.js'));
const ReportPage = lazy(() => import('./features/disclosures/ReportPage.js'));
const SubjectsPage = lazy(() => import('./features/disclosures/SubjectsPage.js'));
const DrawsPage = lazy(() => import('./features/disclosures/DrawsPage.js'));
const DrawPage = lazy(() => import('./features/disclosures/DrawPage.js'));
const VerifyDrawPage = lazy(() => import('./features/disclosures/VerifyDrawPage.js'));
const ChecksPage = lazy(() => import('./features/disclosures/ChecksPage.js'));
const CheckPage = lazy(() => import('./features/disclosures/CheckPage.js'));
const CasesPage = lazy(() => import('./features/disclosures/CasesPage.js'));
const DisclosureStatsPage = lazy(() => import('./features/disclosures/StatsPage.js'));

const BallotSessionsPage = lazy(() => import('./features/ballots/SessionsPage.js'));
const BallotSessionFormPage = lazy(() => import('./features/ballots/SessionFormPage.js'));
const BallotSessionPage = lazy(() => import('./features/ballots/SessionPage.js'));
const BallotHallPage = lazy(() => import('./features/ballots/HallPage.js'));
const BallotResultsPage = lazy(() => import('./features/ballots/ResultsPage.js'));
const BallotPaperPage = lazy(() => import('./features/ballots/PaperEntryPage.js'));
const BallotMemberVotePage = lazy(() => import('./features/ballots/MemberVotePage.js'));
const GradesPage = lazy(() => import('./features/assessments/GradesPage.js'));
const GradeBatchPage = lazy(() => import('./features/assessments/BatchPage.js'));
const ChecklistPage = lazy(() => import('./features/setup/ChecklistPage.js'));
const ImportPage = lazy(() => import('./features/setup/ImportPage.js'));

const business = (el: ReactNode) => <BusinessOnly>{el}</BusinessOnly>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/activate" element={<ActivatePage />} />
      {/* The phone-friendly ballot page stands outside the frame (no side menu on a small screen). */}
      <Route path="/meetings/:id/vote" element={<RequireAuth>{business(<VotePage />)}</RequireAuth>} />
      {/* The public voting pages (/vote/:id, /vote/:id/receipts) are a separate light entry, src/client/vote */}
      {/* The projector view fills the screen: outside the frame too (issue 16 §4). */}
      <Route path="/meetings/:id/projector" element={<RequireAuth>{business(<ProjectorPage />)}</RequireAuth>} />
      <Route path="/ballots/:id/hall" element={<RequireAuth>{business(<BallotHallPage />)}</RequireAuth>} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="password" element={<PasswordPage />} />
        <Route path="orgs" element={business(<UnitsPage />)} />
        <Route path="orgs/units/:id" element={business(<TeamPage />)} />
        <Route path="orgs/import" element={business(<ImportPage />)} />
        <Route path="setup" element={business(<ChecklistPage />)} />
        <Route path="people" element={business(<PeoplePage />)} />
        <Route path="people/new" element={business(<PersonFormPage />)} />
        <Route path="people/:id/edit" element={business(<PersonFormPage />)} />
        <Route path="people/:id" element={business(<PersonPage />)} />
        <Route path="rules" element={business(<RulesPage />)} />
        <Route path="meetings" element={business(<MeetingsPage />)} />
        <Route path="meetings/:id" element={business(<MeetingPage />)} />
        <Route path="decisions" element={business(<DecisionsPage />)} />
        <Route path="decisions/items/:id" element={business(<ItemPage />)} />
        <Route path="decisions/catalogue" element={business(<CataloguePage />)} />
        <Route path="decisions/tasks" element={business(<TasksPage />)} />
        <Route path="decisions/violations" element={business(<ViolationsPage />)} />
        <Route path="disclosures" element={business(<MyDisclosuresPage />)} />
        <Route path="disclosures/reports/:id" element={business(<ReportPage />)} />
        <Route path="disclosures/subjects" element={business(<SubjectsPage />)} />
        <Route path="disclosures/draws" element={business(<DrawsPage />)} />
        <Route path="disclosures/draws/:id" element={business(<DrawPage />)} />
        {/* Any signed-in reviewer may verify a draw file in the browser (nothing is uploaded). */}
        <Route path="disclosures/verify" element={<VerifyDrawPage />} />
        <Route path="disclosures/checks" element={business(<ChecksPage />)} />
        <Route path="disclosures/checks/:id" element={business(<CheckPage />)} />
        <Route path="disclosures/cases" element={business(<CasesPage />)} />
        <Route path="disclosures/stats" element={business(<DisclosureStatsPage />)} />
        <Route path="ballots" element={business(<BallotSessionsPage />)} />
        <Route path="ballots/new" element={business(<BallotSessionFormPage />)} />
        <Route path="ballots/:id" element={business(<BallotSessionPage />)} />
        <Route path="ballots/:id/edit" element={business(<BallotSessionFormPage />)} />
        <Route path="ballots/:id/results" element={business(<BallotResultsPage />)} />
        <Route path="ballots/:id/paper" element={business(<BallotPaperPage />)} />
        <Route path="ballots/:id/member-vote" element={business(<BallotMemberVotePage />)} />
        <Route path="assessments" element={business(<GradesPage />)} />
        <Route path="assessments/:id" element={business(<GradeBatchPage />)} />
        <Route
          path="calendar"
          element={
            <BusinessOrAdmin roles={['system_admin']}>
              <CalendarPage />
            </BusinessOrAdmin>
          }
        />
        <Route
          path="audit"
          element={
            <AdminOnly roles={['auditor']}>
              <AuditPage />
            </AdminOnly>
          }
        />
        <Route
          path="admin/users"
          element={
            <AdminOnly roles={['system_admin']}>
              <UsersPage />
            </AdminOnly>
          }
        />
        <Route
          path="admin/grants"
          element={
            <AdminOnly roles={['security_admin']}>
              <GrantsPage />
            </AdminOnly>
          }
        />
        <Route
          path="admin/requests"
          element={
            <AdminOnly roles={['system_admin', 'security_admin', 'auditor']}>
              <RequestsPage />
            </AdminOnly>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
