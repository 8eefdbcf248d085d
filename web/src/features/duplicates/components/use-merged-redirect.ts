import { App } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';

/** The survivor's id when the error says the customer was merged into another one. */
export function mergedInto(error: unknown): number | null {
  if (!isApiError(error) || error.status !== 404) return null;
  const current = error.current as { mergedInto?: unknown } | null | undefined;
  const id = current?.mergedInto;
  return typeof id === 'number' && id > 0 ? id : null;
}

/**
 * Follows the old URL of a merged customer to its survivor, with a notice. Returns whether it is
 * redirecting (the page shows a skeleton meanwhile).
 */
export function useMergedRedirect(error: unknown): boolean {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const target = mergedInto(error);
  useEffect(() => {
    if (target === null) return;
    void message.info({ content: t('merge.followed'), key: `merged-${target}`, duration: 6 });
    void navigate(`/customers/${target}`, { replace: true });
  }, [target, message, navigate, t]);
  return target !== null;
}
