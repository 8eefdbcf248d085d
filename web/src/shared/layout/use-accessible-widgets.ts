import { useEffect } from 'react';

/** Gives keyboard and screen-reader users what Ant Design's markup leaves out, on every page. */
function repair(): void {
  // Tables measure their columns in a hidden row that repeats the header (select-all checkbox).
  for (const row of document.querySelectorAll('.ant-table-measure-row:not([inert])')) row.setAttribute('inert', '');
  // A table wider than the screen scrolls: the keyboard must reach it to scroll it.
  for (const region of document.querySelectorAll<HTMLElement>('.ant-table-content:not([tabindex])')) {
    if (region.scrollWidth > region.clientWidth) region.tabIndex = 0;
  }
  // Tabs that overflow get a "more" button inside the tab list, where only tabs belong; every
  // tab is in the list anyway (arrow keys reach them), so the button is for the mouse only.
  for (const more of document.querySelectorAll<HTMLElement>('.ant-tabs-nav-more:not([aria-hidden])')) {
    more.setAttribute('aria-hidden', 'true');
    more.tabIndex = -1;
  }
}

/** One observer for the page, however many frames ask for it (a phone's drawers each bring one). */
let users = 0;
let observer: MutationObserver | null = null;

/** Watches the page and repairs Ant Design's widgets as they appear. */
export function useAccessibleWidgets(): void {
  useEffect(() => {
    users += 1;
    if (!observer) {
      repair();
      observer = new MutationObserver(repair);
      observer.observe(document.body, { childList: true, subtree: true });
    }
    return () => {
      users -= 1;
      if (users === 0) {
        observer?.disconnect();
        observer = null;
      }
    };
  }, []);
}
