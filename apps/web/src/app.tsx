import { BrowserRouter, Route, Routes } from 'react-router';
import { SessionProvider } from './api/session';
import { RequireAccount } from './components/guards';
import { Layout } from './components/layout';
import { LocaleProvider } from './i18n/locale';
import { AcceptInvitationPage } from './pages/accept-invitation-page';
import { AssembliesPage } from './pages/assemblies-page';
import { AssemblyPage } from './pages/assembly-page';
import { CharterPage } from './pages/charter-page';
import { CouncilsPage } from './pages/councils-page';
import { HomePage } from './pages/home-page';
import { MembersPage } from './pages/members-page';
import { NotFoundPage } from './pages/not-found-page';
import { NotificationSettingsPage } from './pages/notification-settings-page';
import { SignInPage } from './pages/sign-in-page';
import { ProposalPage } from './pages/proposal-page';
import { ProposalsPage } from './pages/proposals-page';
import { VotePage } from './pages/vote-page';
import { VotesPage } from './pages/votes-page';

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
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </LocaleProvider>
  );
}
