import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState, type ReactNode } from 'react';
import { setUnauthenticatedHandler } from '../shared/api/client';
import { useAccessibleWidgets } from '../shared/layout/use-accessible-widgets';
import { meQueryKey } from '../features/auth';
import { I18nProvider, useI18n } from './i18n/i18n-context';
import { createQueryClient } from './query-client';
import { theme } from './theme';

function AntdProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  useAccessibleWidgets();

  useEffect(() => {
    // An expired session anywhere: forget the user; RequireAuth then sends them to /login.
    setUnauthenticatedHandler(() => queryClient.setQueryData(meQueryKey, null));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AntdProvider>{children}</AntdProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
