import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { Locale } from '@crm/contracts';
import { setApiLanguage } from '../../shared/api/client';
import { initialLocale, storeLocale } from './locale-storage';
import { createTranslate, loadMessages, type Translate } from './translate';

dayjs.extend(localizedFormat);
dayjs.extend(relativeTime);

interface I18nValue {
  locale: Locale;
  t: Translate;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

function applyLocale(locale: Locale): void {
  setApiLanguage(locale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
}

/** Needs the first language's messages loaded (main.tsx loads them before the first render). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initialLocale();
    applyLocale(first);
    return first;
  });

  // The other language's messages are fetched first (once); the page then switches in place.
  const setLocale = useCallback((next: Locale) => {
    void loadMessages(next).then(() => {
      applyLocale(next);
      storeLocale(next);
      setLocaleState(next);
    });
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: createTranslate(locale) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}
