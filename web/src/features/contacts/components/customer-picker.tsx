import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Customer, ListResponse } from '@crm/contracts';
import { useState } from 'react';
import { apiRequest } from '../../../shared/api/client';

interface CustomerPickerProps {
  id?: string;
  value?: number;
  onChange?: (value: number) => void;
  placeholder?: string;
}

/** Choose an organisation customer (only those have contacts) by typing part of its name. */
export function CustomerPicker({ id, value, onChange, placeholder }: CustomerPickerProps) {
  const [q, setQ] = useState('');
  const search = useQuery({
    queryKey: ['customers', 'list', { q, page: 1, pageSize: 20, sort: 'name', kind: 'organization' }],
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<Customer>>('/customers', { query: { q, page: 1, pageSize: 20, sort: 'name', kind: 'organization' }, signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      options={(search.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.archiveNo})` }))}
      style={{ width: '100%' }}
    />
  );
}
