import { Select, Spin } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Customer, ListResponse } from '@crm/contracts';
import { useEffect, useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { apiRequest } from '../../../shared/api/client';

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

interface CustomerSelectProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  /** The chosen customer's name when it is not among the search results (editing a record). */
  initialLabel?: string | null;
  disabled?: boolean;
  'data-testid'?: string;
}

/** Picks one customer the user may see, searching by name, archive number or phone as they type. */
export function CustomerSelect({ value, onChange, id, initialLabel, disabled, 'data-testid': testId }: CustomerSelectProps) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const [chosen, setChosen] = useState<{ value: number; label: string } | null>(
    value && initialLabel ? { value, label: initialLabel } : null,
  );
  const search = useQuery({
    queryKey: ['customers', 'pick', q],
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<Customer>>('/customers', { query: { q, page: 1, pageSize: 10, sort: '-updatedAt' }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const options = (search.data?.items ?? []).map((c) => ({
    value: c.id,
    label: c.name,
    detail: [c.archiveNo, c.ownerName ?? t('customer.publicPool')].filter(Boolean).join(' · '),
  }));
  // Keep the chosen customer selectable (and labelled) when the search no longer lists it.
  if (value && chosen?.value === value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: chosen.label, detail: '' });
  }

  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      allowClear
      disabled={disabled}
      value={value ?? undefined}
      placeholder={t('lead.customerSearch')}
      notFoundContent={search.isFetching ? <Spin size="small" /> : t('search.empty')}
      options={options}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          {option.data.detail ? <div style={{ fontSize: 12, color: '#595959' }}>{option.data.detail}</div> : null}
        </div>
      )}
      onChange={(next) => {
        const picked = options.find((o) => o.value === next);
        setChosen(picked ? { value: picked.value, label: picked.label } : null);
        setText('');
        onChange?.(next ?? null);
      }}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
