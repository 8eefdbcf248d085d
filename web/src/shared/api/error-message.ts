import type { Translate } from '../../app/i18n/translate';
import { isApiError } from './client';

/** A message for the user: the server's (already in their language) or a generic one. */
export function errorMessage(error: unknown, t: Translate): string {
  if (isApiError(error)) {
    if (error.code === 'NETWORK') return t('common.networkError');
    if (error.message) return error.message;
  }
  return t('common.error');
}
