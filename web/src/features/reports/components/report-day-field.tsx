import { DatePicker, Form } from 'antd';
import type { WorkReportKind } from '@crm/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';

/** Weeks start on Monday (as the server counts them), whatever the locale's calendar shows. */
const mondayOf = (d: Dayjs): Dayjs => d.subtract((d.day() + 6) % 7, 'day');

/** The report's day, or any day of its week (a week picker): never one that has not begun. */
export function ReportDayField({ kind }: { kind: WorkReportKind }) {
  const t = useT();
  return (
    <Form.Item
      name="date"
      label={t(kind === 'daily' ? 'report.f.day' : 'report.f.week')}
      getValueProps={(value: string | null) => ({ value: value ? dayjs(value) : null })}
      normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : dayjs().format('YYYY-MM-DD'))}
    >
      <DatePicker
        picker={kind === 'daily' ? 'date' : 'week'}
        allowClear={false}
        disabledDate={(d) => (kind === 'daily' ? d : mondayOf(d)).isAfter(dayjs(), 'day')}
        style={{ width: '100%', maxWidth: 260 }}
        data-testid="report-date"
      />
    </Form.Item>
  );
}
