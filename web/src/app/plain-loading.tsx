import { useT } from './i18n/i18n-context';

/** While the first chunk of a page loads: no Ant Design yet, just a quiet, announced wait. */
export function PlainLoading() {
  const t = useT();
  return (
    <div className="plain-loading" role="status" aria-live="polite">
      {t('app.loading')}
    </div>
  );
}
