import { CalendarOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Select, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { dateParams, type CustomerListParams, type FollowUpFilters, type FollowUpParam } from './customer-list-params';

// The date pickers load when the dates are first opened, not with the list.
const DateInputs = lazy(() => import('./customer-date-inputs').then((m) => ({ default: m.CustomerDateInputs })));

/** Follow-up presets: each sets the relative filters (counted from today, so a saved view stays right). */
const presets: Record<string, { label: MessageKey; filters: FollowUpFilters }> = {
  dueToday: { label: 'customer.followUp.dueToday', filters: { nextFollowUpWithinDays: '0' } },
  week: { label: 'customer.followUp.week', filters: { nextFollowUpWithinDays: '7' } },
  none7: { label: 'customer.followUp.none7', filters: { noFollowUpDays: '7' } },
  none30: { label: 'customer.followUp.none30', filters: { noFollowUpDays: '30' } },
  none90: { label: 'customer.followUp.none90', filters: { noFollowUpDays: '90' } },
  poolSoon: { label: 'customer.followUp.poolSoon', filters: { poolDueWithinDays: '7' } },
};
const presetParams: FollowUpParam[] = ['nextFollowUpWithinDays', 'noFollowUpDays', 'poolDueWithinDays'];
const without = (filters: FollowUpFilters, keys: readonly FollowUpParam[]) => Object.fromEntries(Object.entries(filters).filter(([k]) => !keys.includes(k as FollowUpParam))) as FollowUpFilters;

/** The customer list's follow-up, tag and date filters (beside the common ones). */
export function CustomerMoreFilters({ view, onChange }: { view: CustomerListParams; onChange: (patch: Partial<CustomerListParams>) => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  const width = isMobile ? '100%' : 170;
  const preset = Object.entries(presets).find(([, p]) => presetParams.every((k) => view.followUp[k] === p.filters[k]) && presetParams.some((k) => view.followUp[k]))?.[0];
  const dated = dateParams.filter((k) => view.followUp[k]).length;
  return (
    <>
      <Select
        allowClear
        placeholder={t('customer.f.followUp')}
        aria-label={t('customer.f.followUp')}
        options={Object.entries(presets).map(([value, p]) => ({ value, label: t(p.label) }))}
        value={preset}
        onChange={(key?: string) => onChange({ followUp: { ...without(view.followUp, presetParams), ...(key ? presets[key]?.filters : {}) } })}
        style={{ width: isMobile ? '100%' : 190 }}
        data-testid="filter-follow-up"
      />
      <Select
        mode="tags"
        allowClear
        maxTagCount="responsive"
        placeholder={t('customer.f.tagsFilter')}
        aria-label={t('customer.f.tagsFilter')}
        value={view.tags}
        open={false}
        tokenSeparators={[',', '，']}
        onChange={(tags: string[]) => onChange({ tags })}
        style={{ width }}
        data-testid="filter-tags"
      />
      <Popover
        trigger="click"
        placement="bottomLeft"
        title={t('customer.f.dates')}
        content={
          <Suspense fallback={<Skeleton.Input active block size="small" />}>
            <DateInputs value={view.followUp} onChange={(patch) => onChange({ followUp: { ...without(view.followUp, dateParams), ...patch } })} />
          </Suspense>
        }
      >
        <Badge count={dated} size="small">
          <Button icon={<CalendarOutlined />} data-testid="filter-dates">
            {t('customer.f.dates')}
          </Button>
        </Badge>
      </Popover>
    </>
  );
}
