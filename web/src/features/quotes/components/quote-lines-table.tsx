import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { QuoteLine } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatMoney, formatNumber } from '../../../shared/format/format';

/** A quote's lines: amounts in yuan as the server computed them. */
export function QuoteLinesTable({ lines, currency }: { lines: QuoteLine[]; currency: string }) {
  const { t, locale } = useI18n();
  const money = (fen: number) => formatMoney(fen, currency, locale);
  const columns: ColumnsType<QuoteLine> = [
    { title: '#', dataIndex: 'position', key: 'position', width: 48 },
    { title: t('quote.line.product'), key: 'product', render: (_, l) => `${l.productCode} · ${l.productName}` },
    { title: t('quote.line.quantity'), key: 'quantity', align: 'right', render: (_, l) => `${formatNumber(l.quantity, locale)} ${l.unit}` },
    {
      title: t('quote.line.unitPrice'),
      key: 'unitPrice',
      align: 'right',
      render: (_, l) => (
        <>
          {money(l.unitPrice)} {l.priceListId !== null ? <Tag style={{ marginInlineEnd: 0 }}>{t('quote.line.fromList')}</Tag> : null}
        </>
      ),
    },
    { title: t('quote.line.discount'), key: 'discount', align: 'right', render: (_, l) => (l.discountPercent ? `${l.discountPercent}%` : '') },
    { title: t('quote.line.taxRate'), key: 'tax', align: 'right', responsive: ['md'], render: (_, l) => `${l.taxRate}%` },
    { title: t('quote.line.net'), key: 'net', align: 'right', responsive: ['md'], render: (_, l) => money(l.net) },
    { title: t('quote.line.total'), key: 'total', align: 'right', render: (_, l) => money(l.total) },
  ];
  return <Table<QuoteLine> rowKey="position" size="small" columns={columns} dataSource={lines} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('quote.noLines') }} data-testid="quote-lines" />;
}
