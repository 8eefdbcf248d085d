import { InputNumber, type InputNumberProps } from 'antd';

function yuanFormatter(value: string | number | undefined): string {
  if (value === undefined || value === '') return '';
  const [integer = '', fraction] = String(value).split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function yuanParser(value: string | undefined): number {
  const number = Number((value ?? '').replace(/[¥$€£,\s]/g, ''));
  return Number.isNaN(number) ? 0 : number;
}

/**
 * Money typed in major units (yuan) with two decimals; callers convert to minor units (fen) for
 * the API with `yuanToFen`. `symbol` defaults to ¥.
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
