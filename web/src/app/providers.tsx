import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { setUnauthenticatedHandler } from '../shared/api/client';
import { meQueryKey, prefetchMe } from '../features/auth';
import { I18nProvider } from './i18n/i18n-context';
import { createQueryClient } from './query-client';

/** What every page needs: the query cache and the language. Ant Design comes with AntdFrame. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    prefetchMe(client);
    return client;
  });

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
