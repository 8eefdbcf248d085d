import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useMemo, type ReactNode } from 'react';
import { usePrefersReducedMotion } from '../shared/hooks/use-reduced-motion';
import { useAccessibleWidgets } from '../shared/layout/use-accessible-widgets';
import { useI18n } from './i18n/i18n-context';
import { theme } from './theme';
// Ant Design's styles of the frame and the first pages; the rest load before they are needed (rest-of-app.ts).
import 'crm-antd-css/first.css';

/**
 * Ant Design's theme, language and message/modal context, with the accessibility repairs its
 * widgets need: around the signed-in app and the public lead form, not the login page.
 */
export function AntdFrame({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  useAccessibleWidgets();
  // Someone who asked the system to reduce motion gets no opening and closing animations.
  const still = usePrefersReducedMotion();
  const themed = useMemo(() => (still ? { ...theme, token: { ...theme.token, motion: false } } : theme), [still]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={themed}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
