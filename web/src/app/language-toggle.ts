import { useQueryClient } from '@tanstack/react-query';
import { useMe, useSaveLocale } from '../features/auth';
import { useI18n } from './i18n/i18n-context';

/**
 * Switching 中文 / English in place (same page), remembered for the signed-in user: the header's
 * button on a desktop (Ant Design) and on a phone (plain) both use it.
 */
export function useLanguageToggle() {
  const { locale, setLocale, t } = useI18n();
  const { data: me } = useMe();
  const saveLocale = useSaveLocale();
  const queryClient = useQueryClient();
  const next = locale === 'zh-CN' ? 'en' : 'zh-CN';

  const toggle = () => {
    setLocale(next);
    if (me) saveLocale.mutate(next);
    // Server-made texts (role names, messages) come back in the new language.
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
  };
  return { next, toggle, label: t('header.switchTo'), title: t('header.language') };
}
