import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/auth';
import { PlainLoading } from './plain-loading';
import { sessionReady } from './startup';
import { loadRest, loadRestOnFirstInput, withRest } from './rest-of-app';

// The login page is part of the first chunk and uses no Ant Design; the signed-in app and the
// public lead form load on demand, each with Ant Design.
const loadSignedIn = () => import('./signed-in-app');
// The pages people land on most, fetched at start-up beside the app and the session check rather
// than after them (the same modules the signed-in app loads lazily: one download).
const landingPages: Array<[RegExp, () => Promise<unknown>]> = [
  [/^\/$/, () => import('../features/workbench/pages/workbench-page')],
  // A desktop's customer list is a table (a phone's, cards: it never loads the table).
  [
    /^\/customers\/?$/,
    () =>
      Promise.all([
        import('../features/customers/pages/customer-list-page'),
        wide() ? import('../features/customers/components/customer-list-desktop') : null,
        wide() ? import('../features/customers/components/customer-table') : null,
      ]),
  ],
  [/^\/customers\/\d+\/?$/, () => import('../features/customers/pages/customer-detail-page')],
  [/^\/leads\/?$/, () => import('../features/leads/pages/lead-list-page')],
  [/^\/opportunities\/?$/, () => import('../features/opportunities/pages/opportunities-page')],
  [/^\/contacts\/?$/, () => import('../features/contacts/pages/contact-list-page')],
  [/^\/pool\/?$/, () => import('../features/pool/pages/pool-page')],
];
const wide = () => !window.matchMedia('(max-width: 767.98px)').matches;
const path = window.location.pathname;
// A phone's customer list shows only the components of the first part of Ant Design's styles; any
// other page fetches the rest at start-up and waits for it (rest-of-app.ts).
const phoneList = !wide() && /^\/customers\/?$/.test(path);
if (!/^\/(login|f\/)/.test(path)) {
  void loadSignedIn();
  // A wide screen's frame is Ant Design's layout (a phone's is plain: app-shell.tsx).
  if (wide()) void import('./desktop-shell');
  void landingPages.find(([pattern]) => pattern.test(path))?.[1]();
  if (phoneList) loadRestOnFirstInput();
  else void loadRest();
}
// It waits for the session check too: the frame then first renders signed in (app/startup.ts).
const SignedInApp = lazy(() =>
  Promise.all([loadSignedIn(), sessionReady(), phoneList ? null : loadRest()]).then(([m]) => ({ default: m.SignedInApp })),
);
const PublicForm = lazy(() => withRest(import('./public-form')).then((m) => ({ default: m.PublicForm })));

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
