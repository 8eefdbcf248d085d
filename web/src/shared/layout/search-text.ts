import { useEffect, useRef, useState } from 'react';

/**
 * A search field's text: applied on Enter and after a pause in typing (300 ms), and following
 * the URL when it changes from outside (back button, "clear filters"). For Ant Design's search
 * box and a phone's plain one.
 */
export function useSearchText(value: string, onSearch: (value: string) => void) {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  const timer = useRef<number | undefined>(undefined);

  if (value !== synced) {
    setSynced(value);
    setText(value);
  }

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const apply = (next: string) => {
    window.clearTimeout(timer.current);
    const trimmed = next.trim();
    if (trimmed !== value) onSearch(trimmed);
  };
  const change = (next: string) => {
    setText(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => apply(next), 300);
  };
  return { text, change, apply };
}
