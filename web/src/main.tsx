import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/providers';
import { AppRouter } from './app/router';
import { initialLocale } from './app/i18n/locale-storage';
import { loadMessages } from './app/i18n/translate';
import { createQueryClient } from './app/query-client';
import { setStartupData } from './app/startup';
import { prefetchMe } from './features/auth';
import { prefetchCustomerListPage } from './features/customers';
import './app/global.css';

const root = document.getElementById('root');
// Who is signed in, and then the landing page's data, asked for at once: beside the page's files
// (which the router has already started fetching) rather than after them.
const queryClient = createQueryClient();
const me = prefetchMe(queryClient);
const landingData = me.then((user) =>
  user?.permissions.includes('customers.view') && /^\/customers\/?$/.test(window.location.pathname)
    ? prefetchCustomerListPage(queryClient, window.location.search)
    : undefined,
);
setStartupData(me, landingData);
// The page's language first.
if (root) {
  void loadMessages(initialLocale()).then(() => {
    createRoot(root).render(
      <StrictMode>
        <AppProviders queryClient={queryClient}>
          <AppRouter />
        </AppProviders>
      </StrictMode>,
    );
  });
}
