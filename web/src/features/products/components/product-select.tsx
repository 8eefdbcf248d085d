import { Select } from 'antd';
import type { Product } from '@crm/contracts';
import { useState } from 'react';
import { useProductSearch } from '../api';

interface ProductSelectProps {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined, product: Product | undefined) => void;
  /** The chosen product as shown before any search (editing a line). */
  initial?: { id: number; code: string; name: string };
  placeholder?: string;
  'aria-label'?: string;
}

/** Choose an active product by typing part of its code or name. */
export function ProductSelect({ id, value, onChange, initial, placeholder, ...rest }: ProductSelectProps) {
  const [q, setQ] = useState('');
  const search = useProductSearch(q);
  const items = search.data?.items ?? [];
  const found = items.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }));
  const options = initial && !found.some((o) => o.value === initial.id) ? [{ value: initial.id, label: `${initial.code} · ${initial.name}` }, ...found] : found;
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next, items.find((p) => p.id === next))}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      options={options}
      style={{ width: '100%' }}
      aria-label={rest['aria-label']}
      data-testid="product-select"
    />
  );
}
