import { DatePicker, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';
import { useUserOptions } from '../../users';

interface VisitFiltersProps {
  date: string;
  authorId: number | null;
  onChange: (patch: { date?: string; authorId?: number | null }) => void;
}

/** Which day (today by default; none after it) and, for those who see colleagues, whose visits. */
export function VisitFilters({ date, authorId, onChange }: VisitFiltersProps) {
  const t = useT();
  const users = useUserOptions();
  return (
    <>
      <DatePicker
        value={dayjs(date)}
        allowClear={false}
        disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'day')}
        onChange={(d: Dayjs | null) => (d ? onChange({ date: d.format('YYYY-MM-DD') }) : undefined)}
        aria-label={t('visit.date')}
        style={{ width: 160 }}
        data-testid="visit-date"
      />
      {users.options.length > 1 ? (
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={authorId ?? undefined}
          onChange={(id) => onChange({ authorId: id ?? null })}
          options={users.options}
          placeholder={t('visit.allUsers')}
          aria-label={t('visit.user')}
          style={{ width: 200, maxWidth: '100%' }}
          data-testid="visit-user"
        />
      ) : null}
    </>
  );
}
