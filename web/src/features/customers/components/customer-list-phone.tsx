import { Suspense, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { lazyAntd } from '../../../app/lazy-antd';
import { PlainIcon } from '../../../shared/layout/plain-icon';
import { PageSkeleton, QueryErrorResult } from '../../../shared/layout/results';
import { useSearchText } from '../../../shared/layout/search-text';
import { usePermissions } from '../../auth';
import { PlainViewBar } from '../../list-views';
import { CustomerCards } from './customer-cards';
import { activeFilterCount } from './customer-list-params';
import type { CustomerListModel } from './customer-list-model';

// Ant Design comes with the parts a user opens (app/lazy-antd.tsx): the first page is plain elements.
const parts = () => import('./customer-phone-parts');
const PhoneFilters = lazyAntd(() => parts().then((m) => m.PhoneFilters));
const PhoneMoreActions = lazyAntd(() => parts().then((m) => m.PhoneMoreActions));
const PhoneBulkBar = lazyAntd(() => parts().then((m) => m.PhoneBulkBar));
const PhoneEmpty = lazyAntd(() => parts().then((m) => m.PhoneEmpty));
const CustomerFormDrawer = lazyAntd(() => import('./customer-form-drawer').then((m) => m.CustomerFormDrawer));

function PlainSearch({ value, onSearch, placeholder }: { value: string; onSearch: (q: string) => void; placeholder: string }) {
  const search = useSearchText(value, onSearch);
  return (
    <input
      type="search"
      className="plain-input plain-grow"
      value={search.text}
      placeholder={placeholder}
      aria-label={placeholder}
      enterKeyHint="search"
      onChange={(event) => search.change(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') search.apply(event.currentTarget.value);
      }}
      data-testid="search-input"
    />
  );
}

/**
 * The customer list on a phone: the views, a search box and the cards, all plain elements; the
 * filters, the other actions, the bulk bar and the form load (with Ant Design) when first opened.
 */
export function CustomerListPhone({ model }: { model: CustomerListModel }) {
  const t = useT();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const { view, views, list, selectedIds, selection, creating, setCreating, update } = model;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const filterCount = activeFilterCount(view);
  const create = can('customers.create') ? () => setCreating(true) : null;

  let body;
  if (list.isPending) body = <PageSkeleton />;
  else if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.total === 0 && list.data.items.length === 0)
    body = (
      <Suspense fallback={<PageSkeleton />}>
        <PhoneEmpty model={model} onCreate={create} />
      </Suspense>
    );
  else
    body = (
      <CustomerCards
        view={view}
        items={list.data.items}
        total={list.data.total}
        totalCapped={list.data.totalCapped}
        loading={list.isFetching}
        onChange={update}
        {...selection}
      />
    );

  return (
    <>
      <div className="plain-page-head">
        <h1 className="plain-title">{t('customer.title')}</h1>
        <div className="plain-row">
          <button
            type="button"
            className="plain-button plain-icon-only"
            aria-label={t('common.more')}
            aria-expanded={moreOpen}
            onClick={() => setMoreOpen((open) => !open)}
            data-testid="customer-more"
          >
            <PlainIcon name="more" />
          </button>
          {create ? (
            <button type="button" className="plain-button plain-button-primary" onClick={create} data-testid="customer-create">
              <PlainIcon name="plus" />
              {t('customer.create')}
            </button>
          ) : null}
        </div>
      </div>
      {moreOpen ? (
        <Suspense fallback={null}>
          <PhoneMoreActions model={model} />
        </Suspense>
      ) : null}
      <div className="plain-panel">
        <PlainViewBar state={views} />
        <div className="plain-row plain-block">
          <PlainSearch value={view.q} onSearch={(q) => update({ q })} placeholder={t('customer.searchPlaceholder')} />
          <span className="plain-relative">
            <button
              type="button"
              className="plain-button plain-icon-only"
              onClick={() => setFiltersOpen((open) => !open)}
              aria-expanded={filtersOpen}
              aria-label={filterCount > 0 ? `${t('common.filters')} (${filterCount})` : t('common.filters')}
              data-testid="filter-toggle"
            >
              <PlainIcon name="filter" />
            </button>
            {filterCount > 0 ? (
              <span className="plain-count" aria-hidden>
                {filterCount}
              </span>
            ) : null}
          </span>
        </div>
        {filtersOpen ? (
          <Suspense fallback={<PageSkeleton />}>
            <PhoneFilters model={model} />
          </Suspense>
        ) : null}
        {selectedIds.length > 0 ? (
          <Suspense fallback={null}>
            <PhoneBulkBar model={model} />
          </Suspense>
        ) : null}
        {body}
      </div>
      {creating === null ? null : (
        <Suspense fallback={null}>
          <CustomerFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(customer) => void navigate(`/customers/${customer.id}`)} />
        </Suspense>
      )}
    </>
  );
}
