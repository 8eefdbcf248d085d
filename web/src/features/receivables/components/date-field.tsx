import { DatePicker, Form, type FormItemProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** A form's date kept as YYYY-MM-DD, the API's calendar date. */
export function DateField({ label, ariaLabel, testId, notAfterToday = false, ...item }: Omit<FormItemProps, 'children' | 'getValueProps' | 'normalize'> & { ariaLabel?: string; testId: string; notAfterToday?: boolean }) {
  return (
    <Form.Item
      {...item}
      label={label}
      getValueProps={(value: string | null) => ({ value: value ? dayjs(value) : null })}
      normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
    >
      <DatePicker style={{ width: '100%' }} disabledDate={notAfterToday ? (d) => d.isAfter(dayjs(), 'day') : undefined} aria-label={ariaLabel} data-testid={testId} />
    </Form.Item>
  );
}

/** Today as YYYY-MM-DD (the browser's calendar day). */
export const today = () => dayjs().format('YYYY-MM-DD');
