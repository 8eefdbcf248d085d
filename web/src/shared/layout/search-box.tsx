import { Input } from 'antd';
import { useSearchText } from './search-text';

interface SearchBoxProps {
  value: string;
  onSearch: (value: string) => void;
  placeholder: string;
  width?: number | string;
}

/** Search field that applies on Enter and after a pause in typing (300 ms). */
export function SearchBox({ value, onSearch, placeholder, width = 260 }: SearchBoxProps) {
  const search = useSearchText(value, onSearch);
  return (
    <Input.Search
      value={search.text}
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      data-testid="search-input"
      style={{ width }}
      onChange={(event) => search.change(event.target.value)}
      onSearch={search.apply}
    />
  );
}
