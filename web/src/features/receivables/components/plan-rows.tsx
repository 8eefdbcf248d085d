import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { instalmentWrite, maxInstalments, maxLengthOf } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useFormRules } from '../../../shared/form/rules';
import { YuanInput } from '../../../shared/form/yuan-input';
import { DateField } from './date-field';
import { rowsTotalFen, type PlanRow } from './plan-model';
import { usePositiveRule } from './receivable-bits';

const cell = { flex: '1 1 140px', minWidth: 0, marginBottom: 8 };

/** The plan's rows: due date, amount in yuan and a note each, added and removed freely; the sum may not pass the contract amount. */
export function PlanRows({ amountFen }: { amountFen: number }) {
  const { t } = useI18n();
  const rules = useFormRules();
  const positive = usePositiveRule();
  const withinAmount = {
    validator: async (_: unknown, rows: PlanRow[] | undefined) => {
      if (rowsTotalFen(rows ?? []) > amountFen) throw new Error(t('recv.sumTooHigh'));
    },
  };
  return (
    <Form.List name="instalments" rules={[withinAmount]}>
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={4}>
          {fields.map(({ key, name }, index) => {
            const label = t('recv.instalmentN', { n: index + 1 });
            return (
              <Flex key={key} gap={8} wrap align="start" data-testid="plan-row">
                <span style={{ width: 64, paddingTop: 5, flex: 'none' }}>{label}</span>
                <DateField name={[name, 'dueOn']} ariaLabel={`${label} ${t('recv.i.dueOn')}`} rules={[rules.requiredChoice]} style={cell} testId={`plan-dueOn-${index}`} />
                <Form.Item name={[name, 'amount']} rules={[rules.requiredChoice, positive]} style={cell}>
                  <YuanInput aria-label={`${label} ${t('recv.i.amount')}`} data-testid={`plan-amount-${index}`} />
                </Form.Item>
                <Form.Item name={[name, 'note']} rules={[rules.max(maxLengthOf(instalmentWrite, 'note'))]} style={{ ...cell, flex: '2 1 160px' }}>
                  <Input placeholder={t('recv.i.note')} aria-label={`${label} ${t('recv.i.note')}`} maxLength={maxLengthOf(instalmentWrite, 'note')} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('recv.removeInstalment', { n: index + 1 })} data-testid={`plan-remove-${index}`} />
              </Flex>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ dueOn: null, amount: null, note: '' })}
            disabled={fields.length >= maxInstalments}
            style={{ alignSelf: 'flex-start' }}
            data-testid="plan-add"
          >
            {t('recv.addInstalment')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
