import { useEffect } from 'react';
import { useT } from '../../app/i18n/i18n-context';

/** Sets the browser tab title to "<title> · CRM". */
export function useDocumentTitle(title: string | undefined): void {
  const t = useT();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title, t]);
}
