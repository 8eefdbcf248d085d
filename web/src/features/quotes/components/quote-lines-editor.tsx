import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Form, InputNumber, Typography, type FormInstance } from 'antd';
import { fenToYuan } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useFormRules } from '../../../shared/form/rules';
import { YuanInput } from '../../../shared/form/yuan-input';
import { formatMoney } from '../../../shared/format/format';
import { fetchProductPrice, ProductSelect } from '../../products';
import { previewTotals, type LineValues } from './quote-form-model';

interface QuoteLinesEditorProps {
  /** The form holding a `lines` list of LineValues. */
  form: FormInstance;
  /** The customer whose prices a picked product gets (unset: the price is typed). */
  customerId: number | undefined;
  lines: LineValues[];
  /** The saved lines, to name their products before the picker has searched. */
  saved?: Array<{ productId: number; productCode: string; productName: string }>;
  /** Prefix of the test ids (quote-line, quote-add-line...). */
  testIdPrefix?: string;
  /** Whether to show the totals preview below the lines. */
  preview?: boolean;
}

/**
 * The lines of a quote or contract: product (its customer price and tax rate fill in), quantity,
 * unit price in yuan, discount and tax; the preview totals use the server's rounding (quoteLineAmounts).
 */
export function QuoteLinesEditor({ form, customerId, lines, saved, testIdPrefix = 'quote', preview = true }: QuoteLinesEditorProps) {
  const { t, locale } = useI18n();
  const rules = useFormRules();
  const totals = previewTotals(lines);

  /** A product picked: the price this customer gets (and the product's tax rate) fill the line. */
  const pickProduct = (row: number, productId: number | undefined) => {
    if (productId === undefined || customerId === undefined) return;
    void fetchProductPrice(productId, customerId).then((price) => {
      const yuan = fenToYuan(price.price);
      form.setFieldValue(['lines', row, 'unitPrice'], yuan);
      form.setFieldValue(['lines', row, 'suggested'], yuan);
      form.setFieldValue(['lines', row, 'taxRate'], price.taxRate);
    });
  };
  const productOf = (row: number) => {
    const line = saved?.[row];
    const productId: unknown = form.getFieldValue(['lines', row, 'productId']);
    return line && line.productId === productId ? { id: line.productId, code: line.productCode, name: line.productName } : undefined;
  };

  return (
    <>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            {fields.length === 0 ? <Typography.Text type="secondary">{t('quote.noLines')}</Typography.Text> : null}
            {fields.map(({ key, name }) => (
              <Card size="small" key={key} data-testid={`${testIdPrefix}-line`}>
                <Flex gap={8} wrap align="end">
                  <Form.Item name={[name, 'productId']} label={t('quote.line.product')} rules={[rules.requiredChoice]} style={{ flex: '3 1 260px', minWidth: 0, marginBottom: 0 }}>
                    <ProductSelect initial={productOf(name)} onChange={(productId) => pickProduct(name, productId)} aria-label={t('quote.line.product')} />
                  </Form.Item>
                  <Form.Item name={[name, 'quantity']} label={t('quote.line.quantity')} rules={[rules.requiredChoice]} style={{ flex: '1 1 100px', marginBottom: 0 }}>
                    <InputNumber<number> min={0.001} max={1e9} precision={3} style={{ width: '100%' }} data-testid={`${testIdPrefix}-line-quantity`} />
                  </Form.Item>
                  <Form.Item name={[name, 'unitPrice']} label={t('quote.line.unitPrice')} tooltip={t('quote.line.unitPriceHint')} style={{ flex: '1 1 140px', marginBottom: 0 }}>
                    <YuanInput data-testid={`${testIdPrefix}-line-price`} />
                  </Form.Item>
                  <Form.Item name={[name, 'discountPercent']} label={t('quote.line.discount')} style={{ flex: '1 1 90px', marginBottom: 0 }}>
                    <InputNumber<number> min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} data-testid={`${testIdPrefix}-line-discount`} />
                  </Form.Item>
                  <Form.Item name={[name, 'taxRate']} label={t('quote.line.taxRate')} style={{ flex: '1 1 90px', marginBottom: 0 }}>
                    <InputNumber<number> min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('common.delete')} />
                </Flex>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ quantity: 1, unitPrice: null, discountPercent: 0, taxRate: null } satisfies LineValues)}
              style={{ alignSelf: 'flex-start' }}
              data-testid={`${testIdPrefix}-add-line`}
            >
              {t('quote.addLine')}
            </Button>
          </Flex>
        )}
      </Form.List>
      {preview ? (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 8, maxWidth: 420, marginInlineStart: 'auto' }} data-testid={`${testIdPrefix}-preview`}>
            <Descriptions.Item label={t('quote.f.subtotal')}>{formatMoney(totals.subtotal, 'CNY', locale)}</Descriptions.Item>
            <Descriptions.Item label={t('quote.f.taxTotal')}>{formatMoney(totals.taxTotal, 'CNY', locale)}</Descriptions.Item>
            <Descriptions.Item label={t('quote.f.total')}>
              <strong>{formatMoney(totals.total, 'CNY', locale)}</strong>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('quote.roundingNote')}
          </Typography.Paragraph>
        </>
      ) : null}
    </>
  );
}
