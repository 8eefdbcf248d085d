import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useMe, useSaveLocale } from '../features/auth';
import { useI18n } from './i18n/i18n-context';

/** Toggles 中文 / English in place (same page); remembers the choice for the signed-in user. */
export function LanguageSwitch() {
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

  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={toggle}
      data-testid="lang-switch"
      title={t('header.language')}
      lang={next}
    >
      {t('header.switchTo')}
    </Button>
  );
}
