import { Select } from 'antd';
import { useState } from 'react';
import { useCustomerSearch } from '../api';

interface CustomerSelectProps {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  /** The chosen customer's name, shown before any search (edit, or opened from a customer page). */
  initial?: { id: number; name: string };
  disabled?: boolean;
  placeholder?: string;
}

/** Choose a customer (organisation or person) by typing part of its name. */
export function CustomerSelect({ id, value, onChange, initial, disabled, placeholder }: CustomerSelectProps) {
  const [q, setQ] = useState('');
  const search = useCustomerSearch(q);
  const found = (search.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.archiveNo})` }));
  const options = initial && !found.some((o) => o.value === initial.id) ? [{ value: initial.id, label: initial.name }, ...found] : found;
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      placeholder={placeholder}
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      options={options}
      style={{ width: '100%' }}
      data-testid="deal-customer"
    />
  );
}
