import type { ListViewBuiltIn, ListViewList } from '@crm/contracts';
import type { MessageKey, Translate } from '../../../app/i18n/translate';

/** A built-in view's name in the UI language (the server names it too, in the language of the request). */
export function builtInName(t: Translate, list: ListViewList, key: ListViewBuiltIn): string {
  const own: MessageKey | null =
    key === 'due_today' || key === 'pool_soon'
      ? `views.builtIn.${key}`
      : key === 'mine'
        ? `views.builtIn.mine.${list}`
        : key === 'all'
          ? `views.builtIn.all.${list}`
          : null;
  return own ? t(own) : key;
}
