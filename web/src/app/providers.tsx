import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { setUnauthenticatedHandler } from '../shared/api/client';
import { meQueryKey } from '../features/auth';
import { I18nProvider } from './i18n/i18n-context';

/**
 * What every page needs: the query cache (made at start-up, where the session check and the
 * landing page's data are asked for: main.tsx) and the language. Ant Design comes with AntdFrame.
 */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {

  useEffect(() => {
    // An expired session anywhere: forget the user; RequireAuth then sends them to /login.
    setUnauthenticatedHandler(() => queryClient.setQueryData(meQueryKey, null));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>{children}</I18nProvider>
    </QueryClientProvider>
  );
}
