import restUrl from 'crm-antd-css/rest.css?url';
import { loadRestMessages } from './i18n/translate';

let loaded: Promise<void> | null = null;

function loadRestStyles(): Promise<void> {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = restUrl;
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.appendChild(link);
  });
}

/**
 * What every page but the phone's customer list needs beyond the first page's files: the rest of
 * Ant Design's styles (the menu, tables, grids, forms, date pickers...: build/antd-css-split.ts)
 * and the rest of the messages (i18n/translate.ts). Settles once both have arrived (or failed to:
 * the page is then usable, unstyled or untranslated in parts, rather than blank).
 */
export function loadRest(): Promise<void> {
  loaded ??= Promise.all([loadRestStyles(), loadRestMessages().catch(() => undefined)]).then(() => undefined);
  return loaded;
}

/** A module that needs them waits for them beside its code: `withRest(import('./x'))`. */
export function withRest<T>(module: Promise<T>): Promise<T> {
  return Promise.all([module, loadRest()]).then(([m]) => m);
}

/** The phone's customer list needs none of them: they load at the first touch or key. */
export function loadRestOnFirstInput(): void {
  const events = ['pointerdown', 'keydown'] as const;
  const start = () => {
    for (const name of events) window.removeEventListener(name, start, true);
    void loadRest();
  };
  for (const name of events) window.addEventListener(name, start, { capture: true, passive: true });
}
