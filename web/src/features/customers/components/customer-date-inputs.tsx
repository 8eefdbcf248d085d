import { DatePicker, Flex, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { dateParams, type FollowUpFilters } from './customer-list-params';

const day = (value: string | undefined) => (value ? dayjs(value) : null);
const text = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/** Created between two days, last followed up before or from a day, next follow-up on or before a day. */
export function CustomerDateInputs({ value, onChange }: { value: FollowUpFilters; onChange: (dates: FollowUpFilters) => void }) {
  const t = useT();
  const dates = Object.fromEntries(dateParams.map((k) => [k, value[k]])) as FollowUpFilters;
  const set = (patch: FollowUpFilters) => onChange(Object.fromEntries(Object.entries({ ...dates, ...patch }).filter(([, v]) => v)) as FollowUpFilters);
  const one = (key: (typeof dateParams)[number], label: MessageKey) => (
    <Flex vertical gap={4} key={key}>
      <Typography.Text>{t(label)}</Typography.Text>
      <DatePicker value={day(dates[key])} onChange={(d) => set({ [key]: text(d) })} style={{ width: '100%' }} aria-label={t(label)} data-testid={`filter-${key}`} />
    </Flex>
  );
  return (
    <Flex vertical gap={10} style={{ width: 280 }} data-testid="date-filters">
      <Flex vertical gap={4}>
        <Typography.Text>{t('customer.f.createdAt')}</Typography.Text>
        <DatePicker.RangePicker
          value={[day(dates.createdFrom), day(dates.createdTo)]}
          allowEmpty={[true, true]}
          onChange={(range) => set({ createdFrom: text(range?.[0]), createdTo: text(range?.[1]) })}
          aria-label={t('customer.f.createdAt')}
        />
      </Flex>
      {one('lastFollowUpBefore', 'customer.date.lastFollowUpBefore')}
      {one('lastFollowUpFrom', 'customer.date.lastFollowUpFrom')}
      {one('nextFollowUpOn', 'customer.date.nextFollowUpOn')}
      {one('nextFollowUpBefore', 'customer.date.nextFollowUpBefore')}
    </Flex>
  );
}
