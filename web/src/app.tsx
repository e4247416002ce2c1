/** The app's shell: navigation, the signed-in screens behind a session, sign-up and sign-in outside it. */
import { ApolloProvider, useMutation } from '@apollo/client/react';
import { BrowserRouter, Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import type { ReactNode } from 'react';
import { apolloClient } from './api/apollo';
import { currentSession, saveSession } from './api/session';
import { useSession } from './api/use-session';
import { OnlineStatus } from './offline/online-status';
import { startSync } from './offline/sync';
import { NOTIFICATION_PATHS } from './notification-paths';
import { APP_ROUTES } from './routes';
import { LogoutMutation } from './screens/auth/auth-documents';
import { SignInScreen } from './screens/auth/sign-in-screen';
import { SignUpScreen } from './screens/auth/sign-up-screen';
import { UnreadBadge } from './screens/inbox/unread-badge';
import { PreferencesProvider } from './settings/preferences';

// Recordings kept on this device are sent as soon as the app opens, whichever screen it opens on.
startSync();

export function App() {
  return (
    <ApolloProvider client={apolloClient}>
      <BrowserRouter>
        <Shell />
      </BrowserRouter>
    </ApolloProvider>
  );
}

function Shell() {
  const session = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" aria-label="Pulse, dashboard">
          Pulse
        </NavLink>
        {session && <Navigation />}
        <OnlineStatus />
      </header>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/sign-up" element={session ? <Navigate to="/" replace /> : <SignUpScreen />} />
          <Route path="/sign-in" element={session ? <Navigate to="/" replace /> : <SignInScreen />} />
          {APP_ROUTES.map(({ path, screen: Screen }) => (
            <Route
              key={path}
              path={path}
              element={
                <SignedIn>
                  <Screen />
                </SignedIn>
              }
            />
          ))}
          {NOTIFICATION_PATHS.map(({ path, to }) => (
            <Route key={path} path={path} element={<Navigate to={to} replace />} />
          ))}
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </main>
    </>
  );
}

function SignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return <PreferencesProvider key={session.userId}>{children}</PreferencesProvider>;
}

function Navigation() {
  const [logout] = useMutation(LogoutMutation);
  async function signOut() {
    const session = currentSession();
    saveSession(null);
    // The server ends the session too; offline, the tokens are forgotten here and simply expire.
    if (session) await logout({ variables: { refreshToken: session.refreshToken } }).catch(() => undefined);
  }
  return (
    <nav aria-label="Main">
      <ul>
        {APP_ROUTES.filter((route) => route.nav).map((route) => (
          <li key={route.path}>
            <NavLink to={route.path} end={route.path === '/'}>
              {route.nav}
              {route.path === '/inbox' && <UnreadBadge />}
            </NavLink>
          </li>
        ))}
        <li>
          <button type="button" className="link" onClick={() => void signOut()}>
            Sign out
          </button>
        </li>
      </ul>
    </nav>
  );
}
