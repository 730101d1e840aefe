import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SessionProvider } from './api/session';
import { RequireAccount } from './components/guards';
import { Layout } from './components/layout';
import { LocaleProvider } from './i18n/locale';
import { AcceptInvitationPage } from './pages/accept-invitation-page';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { SignInPage } from './pages/sign-in-page';

// Pages beyond sign-in and home load on first visit, keeping the first download small.
const AssembliesPage = lazy(() =>
  import('./pages/assemblies-page').then((m) => ({ default: m.AssembliesPage })),
);
const AssemblyPage = lazy(() =>
  import('./pages/assembly-page').then((m) => ({ default: m.AssemblyPage })),
);
const ConveneAssemblyPage = lazy(() =>
  import('./pages/convene-assembly-page').then((m) => ({ default: m.ConveneAssemblyPage })),
);
const CharterPage = lazy(() =>
  import('./pages/charter-page').then((m) => ({ default: m.CharterPage })),
);
const CouncilsPage = lazy(() =>
  import('./pages/councils-page').then((m) => ({ default: m.CouncilsPage })),
);
const DashboardsPage = lazy(() =>
  import('./pages/dashboards-page').then((m) => ({ default: m.DashboardsPage })),
);
const MembersPage = lazy(() =>
  import('./pages/members-page').then((m) => ({ default: m.MembersPage })),
);
const ModerationPage = lazy(() =>
  import('./pages/moderation-page').then((m) => ({ default: m.ModerationPage })),
);
const MyContributionsPage = lazy(() =>
  import('./pages/my-contributions-page').then((m) => ({ default: m.MyContributionsPage })),
);
const NotificationSettingsPage = lazy(() =>
  import('./pages/notification-settings-page').then((m) => ({
    default: m.NotificationSettingsPage,
  })),
);
const ProposalPage = lazy(() =>
  import('./pages/proposal-page').then((m) => ({ default: m.ProposalPage })),
);
const ProposalNewPage = lazy(() =>
  import('./pages/proposal-new-page').then((m) => ({ default: m.ProposalNewPage })),
);
const ProposalsPage = lazy(() =>
  import('./pages/proposals-page').then((m) => ({ default: m.ProposalsPage })),
);
const TreasuryBankPage = lazy(() =>
  import('./pages/treasury-bank-page').then((m) => ({ default: m.TreasuryBankPage })),
);
const TreasuryCallsPage = lazy(() =>
  import('./pages/treasury-calls-page').then((m) => ({ default: m.TreasuryCallsPage })),
);
const TreasuryScalePage = lazy(() =>
  import('./pages/treasury-scale-page').then((m) => ({ default: m.TreasuryScalePage })),
);
const TreasuryScalesPage = lazy(() =>
  import('./pages/treasury-scales-page').then((m) => ({ default: m.TreasuryScalesPage })),
);
const VotePage = lazy(() => import('./pages/vote-page').then((m) => ({ default: m.VotePage })));
const VotesPage = lazy(() => import('./pages/votes-page').then((m) => ({ default: m.VotesPage })));

export function App() {
  return (
    <LocaleProvider>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/invitation" element={<AcceptInvitationPage />} />
              <Route
                path="/"
                element={
                  <RequireAccount>
                    <HomePage />
                  </RequireAccount>
                }
              />
              <Route
                path="/proposals"
                element={
                  <RequireAccount>
                    <ProposalsPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/proposals/new"
                element={
                  <RequireAccount>
                    <ProposalNewPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/proposals/:proposalId"
                element={
                  <RequireAccount>
                    <ProposalPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/assemblies"
                element={
                  <RequireAccount>
                    <AssembliesPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/assemblies/new"
                element={
                  <RequireAccount roles={['Secretary']}>
                    <ConveneAssemblyPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/assemblies/:assemblyId"
                element={
                  <RequireAccount>
                    <AssemblyPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/votes"
                element={
                  <RequireAccount>
                    <VotesPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/votes/:voteId"
                element={
                  <RequireAccount>
                    <VotePage />
                  </RequireAccount>
                }
              />
              <Route
                path="/councils"
                element={
                  <RequireAccount>
                    <CouncilsPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/charter"
                element={
                  <RequireAccount>
                    <CharterPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/settings/notifications"
                element={
                  <RequireAccount>
                    <NotificationSettingsPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/admin/members"
                element={
                  <RequireAccount roles={['Secretary', 'Trustee', 'Admin']}>
                    <MembersPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/dashboards/:report?"
                element={
                  <RequireAccount roles={['Trustee', 'Secretary', 'Admin', 'Treasurer']}>
                    <DashboardsPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/contributions"
                element={
                  <RequireAccount>
                    <MyContributionsPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/moderation"
                element={
                  // Moderators and the editorial committee: the API decides who moderates.
                  <RequireAccount>
                    <ModerationPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/treasury"
                element={
                  <RequireAccount roles={['Treasurer', 'Trustee']}>
                    <TreasuryScalesPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/treasury/scales/:scaleId"
                element={
                  <RequireAccount roles={['Treasurer', 'Trustee']}>
                    <TreasuryScalePage />
                  </RequireAccount>
                }
              />
              <Route
                path="/treasury/calls"
                element={
                  <RequireAccount roles={['Treasurer', 'Trustee']}>
                    <TreasuryCallsPage />
                  </RequireAccount>
                }
              />
              <Route
                path="/treasury/bank"
                element={
                  <RequireAccount roles={['Treasurer']}>
                    <TreasuryBankPage />
                  </RequireAccount>
                }
              />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </LocaleProvider>
  );
}
