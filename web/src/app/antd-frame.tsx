import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useAccessibleWidgets } from '../shared/layout/use-accessible-widgets';
import { useI18n } from './i18n/i18n-context';
import { theme } from './theme';
import 'antd/dist/antd.css';

/**
 * Ant Design's theme, language and message/modal context, with the accessibility repairs its
 * widgets need: around the signed-in app and the public lead form, not the login page.
 */
export function AntdFrame({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  useAccessibleWidgets();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
