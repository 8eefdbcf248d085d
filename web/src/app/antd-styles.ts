import restUrl from 'crm-antd-css/rest.css?url';

let loaded: Promise<void> | null = null;

/**
 * Ant Design's styles beyond those of the frame and the phone's customer list (the menu, tables,
 * grids, forms, date pickers...: build/antd-css-split.ts). Settles once they apply (or failed to
 * load: the page is then usable, unstyled in parts, rather than blank).
 */
export function loadRestStyles(): Promise<void> {
  loaded ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = restUrl;
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.appendChild(link);
  });
  return loaded;
}

/** A module that needs them waits for them beside its code: `withRestStyles(import('./x'))`. */
export function withRestStyles<T>(module: Promise<T>): Promise<T> {
  return Promise.all([module, loadRestStyles()]).then(([m]) => m);
}

/** The phone's customer list needs none of them: they load at the first touch or key. */
export function loadRestStylesOnFirstInput(): void {
  const events = ['pointerdown', 'keydown'] as const;
  const start = () => {
    for (const name of events) window.removeEventListener(name, start, true);
    void loadRestStyles();
  };
  for (const name of events) window.addEventListener(name, start, { capture: true, passive: true });
}
