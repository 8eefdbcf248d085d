import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';

interface SearchBoxProps {
  value: string;
  onSearch: (value: string) => void;
  placeholder: string;
  width?: number | string;
}

/** Search field that applies on Enter and after a pause in typing (300 ms). */
export function SearchBox({ value, onSearch, placeholder, width = 260 }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  const timer = useRef<number | undefined>(undefined);

  // Follow the URL when it changes from outside (back button, "clear filters").
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

  return (
    <Input.Search
      value={text}
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      data-testid="search-input"
      style={{ width }}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => apply(next), 300);
      }}
      onSearch={apply}
    />
  );
}
