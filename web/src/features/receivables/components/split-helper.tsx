import { Button, DatePicker, Flex, InputNumber, Typography } from 'antd';
import { maxInstalments } from '@crm/contracts';
import dayjs from 'dayjs';
import { useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { YuanInput } from '../../../shared/form/yuan-input';
import { yuanToFen } from '../../../shared/format/format';
import { splitRows, type PlanRow } from './plan-model';

const field = { flex: '1 1 140px', minWidth: 0 };

/** "Split evenly into N instalments, monthly from a date": replaces the plan's rows with the split. */
export function SplitHelper({ amountFen, onSplit }: { amountFen: number; onSplit: (rows: PlanRow[]) => void }) {
  const { t } = useI18n();
  const [count, setCount] = useState<number | null>(3);
  const [from, setFrom] = useState(() => dayjs());
  const [total, setTotal] = useState<number | null>(amountFen / 100);
  const rows = splitRows(yuanToFen(total) ?? 0, count ?? 0, from.format('YYYY-MM-DD'));
  const apply = () => {
    if (rows.length > 0) onSplit(rows);
  };
  // Enter here (a date picked, a count typed) must not submit the plan's form around the helper.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') event.preventDefault();
  };
  return (
    <div role="group" aria-label={t('recv.split.title')} onKeyDown={onKeyDown} style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, marginBottom: 16 }} data-testid="plan-split">
      <Typography.Text strong>{t('recv.split.title')}</Typography.Text>
      <Flex gap={8} wrap align="end" style={{ marginTop: 8 }}>
        <label style={field}>
          <span style={{ display: 'block', marginBottom: 4 }}>{t('recv.split.count')}</span>
          <InputNumber<number> min={1} max={maxInstalments} precision={0} value={count} onChange={setCount} style={{ width: '100%' }} data-testid="plan-split-count" />
        </label>
        <label style={field}>
          <span style={{ display: 'block', marginBottom: 4 }}>{t('recv.split.from')}</span>
          <DatePicker allowClear={false} value={from} onChange={(d) => d && setFrom(d)} style={{ width: '100%' }} data-testid="plan-split-from" />
        </label>
        <label style={field}>
          <span style={{ display: 'block', marginBottom: 4 }}>{t('recv.split.total')}</span>
          <YuanInput value={total} onChange={setTotal} data-testid="plan-split-total" />
        </label>
        <Button onClick={apply} disabled={rows.length === 0} data-testid="plan-split-apply">
          {t('recv.split.apply')}
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('recv.split.hint', { count: rows.length })}
      </Typography.Text>
    </div>
  );
}
