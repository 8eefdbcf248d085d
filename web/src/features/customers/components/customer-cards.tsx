import type { Customer } from '@crm/contracts';
import { memo, Suspense, useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { lazyAntd } from '../../../app/lazy-antd';
import { useT } from '../../../app/i18n/i18n-context';
import type { Translate } from '../../../app/i18n/translate';
import { telHref } from '../../../shared/format/format';
import { PlainIcon } from '../../../shared/layout/plain-icon';
import { regionText } from '../../../shared/region/region-text';
import { enumLabel } from '../../../shared/enums/customer-enums';
import { statusColors } from '../../../shared/enums/status-colors';
import type { CustomerListParams } from './customer-list-params';
import { LastFollowUp, nextFollowUpState } from './customer-follow-up-state';
import './customer-cards.css';

// The sheet (a drawer with a form) loads when a card first opens it, with Ant Design's theme and styles.
const CustomerQuickSheet = lazyAntd(() => import('./customer-quick-sheet').then((m) => m.CustomerQuickSheet));

interface CustomerCardsProps {
  view: CustomerListParams;
  items: Customer[];
  total: number;
  totalCapped?: boolean;
  loading: boolean;
  onChange: (patch: Partial<CustomerListParams>) => void;
  /** Selection for the bulk bar (a checkbox on each card); left out when the user has no bulk action. */
  selectedIds?: number[];
  onSelect?: (ids: number[]) => void;
}


/** The schedule icon of Ant Design (ScheduleOutlined), drawn here: a card is plain elements. */
function ScheduleIcon() {
  return (
    <svg viewBox="64 64 896 896" width="1em" height="1em" fill="currentColor" aria-hidden focusable="false">
      <path d="M928 224H768v-56c0-4.4-3.6-8-8-8h-56c-4.4 0-8 3.6-8 8v56H548v-56c0-4.4-3.6-8-8-8h-56c-4.4 0-8 3.6-8 8v56H328v-56c0-4.4-3.6-8-8-8h-56c-4.4 0-8 3.6-8 8v56H96c-17.7 0-32 14.3-32 32v576c0 17.7 14.3 32 32 32h832c17.7 0 32-14.3 32-32V256c0-17.7-14.3-32-32-32zm-40 568H136V296h120v56c0 4.4 3.6 8 8 8h56c4.4 0 8-3.6 8-8v-56h148v56c0 4.4 3.6 8 8 8h56c4.4 0 8-3.6 8-8v-56h148v56c0 4.4 3.6 8 8 8h56c4.4 0 8-3.6 8-8v-56h120v496zM416 496H232c-4.4 0-8 3.6-8 8v48c0 4.4 3.6 8 8 8h184c4.4 0 8-3.6 8-8v-48c0-4.4-3.6-8-8-8zm0 136H232c-4.4 0-8 3.6-8 8v48c0 4.4 3.6 8 8 8h184c4.4 0 8-3.6 8-8v-48c0-4.4-3.6-8-8-8zm308.2-177.4L620.6 598.3l-52.8-73.1c-3-4.2-7.8-6.6-12.9-6.6H500c-6.5 0-10.3 7.4-6.5 12.7l114.1 158.2a15.9 15.9 0 0025.8 0l165-228.7c3.8-5.3 0-12.7-6.5-12.7H737c-5 0-9.9 2.5-12.8 6.5z" />
    </svg>
  );
}

interface CardProps {
  customer: Customer;
  t: Translate;
  selected: boolean | null;
  onSelect: (id: number, checked: boolean) => void;
  onQuick: (id: number) => void;
}

/** One customer: plain elements (twenty of Ant Design's cards, tags and buttons cost a phone a second). */
const CustomerCard = memo(function CustomerCard({ customer, t, selected, onSelect, onQuick }: CardProps) {
  const region = regionText(customer);
  const phone = customer.mobile ?? customer.phone;
  const next = nextFollowUpState(customer.nextFollowUpOn);
  return (
    <li className="crm-card" data-testid="customer-card">
      <div className="crm-card-row crm-card-head">
        {selected === null ? null : (
          <input
            type="checkbox"
            className="crm-card-check"
            checked={selected}
            onChange={(e) => onSelect(customer.id, e.target.checked)}
            aria-label={t('bulk.selectCard', { name: customer.name })}
            data-testid="customer-card-select"
          />
        )}
        <Link to={`/customers/${customer.id}`} className="crm-card-name" data-testid="customer-link">
          {customer.name}
        </Link>
        <span className={`crm-tag crm-tag-${statusColors[customer.status]}`} data-testid="customer-status">
          {enumLabel(t, 'status', customer.status)}
        </span>
      </div>
      <div className="crm-card-meta">
        {customer.archiveNo} · {enumLabel(t, 'kind', customer.kind)} · {enumLabel(t, 'category', customer.category)}
      </div>
      <div className="crm-card-facts">
        {customer.ownerId === null ? <span className="crm-tag crm-tag-default">{t('customer.publicPool')}</span> : <span>{customer.ownerName ?? ''}</span>}
        {phone ? (
          <a href={telHref(phone)} className="crm-card-phone">
            {phone}
          </a>
        ) : null}
        {region ? <span>{region}</span> : null}
      </div>
      <div className="crm-card-row crm-card-foot">
        <div className="crm-card-dates">
          <span>
            {t('customer.f.lastFollowUpAt')} <LastFollowUp at={customer.lastFollowUpAt} t={t} />
          </span>
          {customer.nextFollowUpOn ? (
            <span data-testid="customer-card-next">
              {t('customer.f.nextFollowUpOn')} <span className="crm-nowrap">{next.date}</span>{' '}
              {next.overdue ? <span className="crm-tag crm-tag-error">{t('customer.nextOverdue')}</span> : null}
              {next.today ? <span className="crm-tag crm-tag-warning">{t('customer.nextToday')}</span> : null}
            </span>
          ) : null}
        </div>
        {customer.can.edit ? (
          <button
            type="button"
            className="crm-card-quick"
            onClick={() => onQuick(customer.id)}
            aria-label={t('quick.open', { name: customer.name })}
            title={t('quick.open', { name: customer.name })}
            data-testid="customer-card-quick"
          >
            <ScheduleIcon />
          </button>
        ) : null}
      </div>
    </li>
  );
});

/** Previous and next page, and where the list is (Ant Design's simple pagination, drawn plain). */
function PlainPager({ page, pages, onPage, t }: { page: number; pages: number; onPage: (page: number) => void; t: Translate }) {
  return (
    <nav className="plain-pager" aria-label={t('common.pagination')} data-testid="customer-pager">
      <button type="button" className="plain-button plain-icon-only" disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label={t('common.prevPage')}>
        <PlainIcon name="left" />
      </button>
      <span aria-live="polite">
        {page} / {pages}
      </span>
      <button type="button" className="plain-button plain-icon-only" disabled={page >= pages} onClick={() => onPage(page + 1)} aria-label={t('common.nextPage')}>
        <PlainIcon name="right" />
      </button>
    </nav>
  );
}

/**
 * The customer list on a phone: one card per customer, no horizontal scrolling. A card of a
 * customer the user may change opens a quick sheet for its status and next follow-up date.
 */
export const CustomerCards = memo(function CustomerCards({ view, items, total, totalCapped, loading, onChange, selectedIds, onSelect }: CustomerCardsProps) {
  const t = useT();
  const [quickId, setQuickId] = useState<number | null>(null);
  /** The sheet stays mounted once opened (it animates out when closed). */
  const [quickUsed, setQuickUsed] = useState(false);
  // The card's customer as now cached: after a save or a 409 the sheet works on the stored version.
  const quick = quickId === null ? null : (items.find((c) => c.id === quickId) ?? null);
  const chosen = new Set(selectedIds ?? []);
  // Stable while the selection stays, so that a re-render of the page leaves the cards alone.
  const select = useCallback(
    (id: number, checked: boolean) => onSelect?.(checked ? [...(selectedIds ?? []), id] : (selectedIds ?? []).filter((other) => other !== id)),
    [selectedIds, onSelect],
  );
  const openQuick = useCallback((id: number) => {
    setQuickUsed(true);
    setQuickId(id);
  }, []);
  return (
    <div className="crm-cards" data-testid="customer-cards">
      {items.length === 0 ? (
        <p className="plain-empty">{t('common.noData')}</p>
      ) : (
        <ul className={loading ? 'crm-cards-list crm-cards-loading' : 'crm-cards-list'} aria-busy={loading}>
          {items.map((customer) => (
            <CustomerCard key={customer.id} customer={customer} t={t} selected={onSelect ? chosen.has(customer.id) : null} onSelect={select} onQuick={openQuick} />
          ))}
        </ul>
      )}
      <div className="crm-cards-pages">
        <PlainPager page={view.page} pages={Math.max(1, Math.ceil(total / view.pageSize))} onPage={(page) => onChange({ page })} t={t} />
      </div>
      <span className="crm-cards-total">{t('common.total', { total: totalCapped ? `${total.toLocaleString()}+` : total })}</span>
      {quickUsed ? (
        <Suspense fallback={null}>
          <CustomerQuickSheet customer={quick} onClose={() => setQuickId(null)} />
        </Suspense>
      ) : null}
    </div>
  );
});
