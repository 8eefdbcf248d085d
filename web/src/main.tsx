import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/providers';
import { AppRouter } from './app/router';
import { initialLocale } from './app/i18n/locale-storage';
import { loadMessages } from './app/i18n/translate';
import './app/global.css';

const root = document.getElementById('root');
// The page's language first (the router has already started fetching the page's own files).
if (root) {
  void loadMessages(initialLocale()).then(() => {
    createRoot(root).render(
      <StrictMode>
        <AppProviders>
          <AppRouter />
        </AppProviders>
      </StrictMode>,
    );
  });
}
