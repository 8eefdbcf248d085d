import { parseYuan } from '@crm/contracts';
import { InputNumber, type InputNumberProps } from 'antd';

function yuanFormatter(value: string | number | undefined): string {
  if (value === undefined || value === '') return '';
  const [integer = '', fraction] = String(value).split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** What the user typed, in yuan: 1,200.50, ¥1200 and 50万 / 1.5万元 as in import files. */
function yuanParser(value: string | undefined): number {
  const text = (value ?? '').trim().replace(/\.$/, '');
  const fen = parseYuan(text);
  if (fen !== null) return fen / 100;
  const number = Number(text.replace(/[¥$€£,\s]/g, ''));
  return Number.isNaN(number) ? 0 : number;
}

/**
 * Money typed in major units (yuan) with two decimals; callers convert to minor units (fen) for
 * the API with `yuanToFen` and back with `fenToYuan`. `symbol` defaults to ¥.
 */
export function YuanInput({ symbol = '¥', max = 1e11, ...props }: InputNumberProps<number> & { symbol?: string }) {
  return (
    <InputNumber<number>
      {...props}
      prefix={symbol}
      min={0}
      max={max}
      precision={2}
      step={1000}
      formatter={yuanFormatter}
      parser={yuanParser}
      style={{ width: '100%' }}
    />
  );
}
