import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/auth/pages/login-page';
import { PlainLoading } from './plain-loading';

// The login page is part of the first chunk and uses no Ant Design; the signed-in app and the
// public lead form load on demand, each with Ant Design.
const loadSignedIn = () => import('./signed-in-app');
// A signed-in page: fetch the app at once, beside the session check, not after it.
if (!/^\/(login|f\/)/.test(window.location.pathname)) void loadSignedIn();
const SignedInApp = lazy(() => loadSignedIn().then((m) => ({ default: m.SignedInApp })));
const PublicForm = lazy(() => import('./public-form').then((m) => ({ default: m.PublicForm })));

export function AppRouter() {
  return (
    <BrowserRouter>
      <Suspense fallback={<PlainLoading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/f/:token" element={<PublicForm />} />
          <Route path="/*" element={<SignedInApp />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
