import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Switch, Typography } from 'antd';
import { leadFormField, leadFormFieldKeys, maxLengthOf, type LeadForm, type LeadFormFieldKey } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';

const labelLimit = maxLengthOf(leadFormField, 'label');

/** One lead field as the editor holds it: whether the form asks for it, required, its own label. */
export interface FieldRow {
  field: LeadFormFieldKey;
  included: boolean;
  required: boolean;
  label: string;
}

/** The form's fields first, in its order, then the others in their default order. */
export function toFieldRows(fields: LeadForm['fields'] | undefined): FieldRow[] {
  const chosen = fields ?? [
    { field: 'name' as const, required: true, label: null },
    { field: 'mobile' as const, required: false, label: null },
    { field: 'email' as const, required: false, label: null },
    { field: 'company' as const, required: false, label: null },
    { field: 'notes' as const, required: false, label: null },
  ];
  const rows: FieldRow[] = chosen.map((f) => ({ field: f.field, included: true, required: f.required || f.field === 'name', label: f.label ?? '' }));
  for (const field of leadFormFieldKeys) {
    if (!rows.some((r) => r.field === field)) rows.push({ field, included: false, required: false, label: '' });
  }
  return rows;
}

export function fromFieldRows(rows: FieldRow[]) {
  return rows
    .filter((r) => r.included)
    .map((r) => ({ field: r.field, required: r.required, ...(r.label.trim() ? { label: r.label.trim() } : {}) }));
}

/**
 * Picks the lead fields a web form asks for, in order, each optional or required, with an
 * optional label of its own. The name is always asked and required (a lead needs one).
 */
export function FieldsEditor({ value = [], onChange, disabled }: { value?: FieldRow[]; onChange?: (rows: FieldRow[]) => void; disabled?: boolean }) {
  const t = useT();
  const isMobile = useIsMobile();
  const set = (index: number, patch: Partial<FieldRow>) => onChange?.(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, delta: number) => {
    const target = index + delta;
    if (target < 0 || target >= value.length) return;
    const next = [...value];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(target, 0, moved);
    onChange?.(next);
  };

  return (
    <Flex vertical gap={4} data-testid="web-form-fields">
      {value.map((row, index) => {
        const isName = row.field === 'name';
        return (
          <Flex
            key={row.field}
            gap={8}
            align="center"
            wrap={isMobile}
            style={{ padding: '4px 0', borderBottom: '1px solid #f5f5f5', opacity: row.included ? 1 : 0.65 }}
            data-testid={`web-form-field-${row.field}`}
          >
            <Checkbox
              checked={row.included}
              disabled={disabled || isName}
              onChange={(event) => set(index, { included: event.target.checked, required: event.target.checked ? row.required : false })}
              style={{ width: isMobile ? 'calc(100% - 70px)' : 150 }}
              data-testid={`web-form-include-${row.field}`}
            >
              {t(`webForm.field.${row.field}`)}
            </Checkbox>
            <Flex gap={2} style={{ order: isMobile ? 0 : 3 }}>
              <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('webForm.moveUp')} disabled={disabled || index === 0} onClick={() => move(index, -1)} />
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                aria-label={t('webForm.moveDown')}
                disabled={disabled || index === value.length - 1}
                onClick={() => move(index, 1)}
              />
            </Flex>
            <Flex gap={6} align="center" style={{ order: 1 }}>
              <Switch
                size="small"
                checked={row.required}
                disabled={disabled || isName || !row.included}
                onChange={(required) => set(index, { required })}
                aria-label={t('webForm.required')}
                data-testid={`web-form-required-${row.field}`}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {t('webForm.required')}
              </Typography.Text>
            </Flex>
            <Input
              size="small"
              value={row.label}
              maxLength={labelLimit}
              disabled={disabled || !row.included}
              placeholder={t('webForm.customLabel')}
              aria-label={t('webForm.customLabel')}
              onChange={(event) => set(index, { label: event.target.value })}
              style={{ flex: '1 1 160px', order: 2 }}
            />
          </Flex>
        );
      })}
    </Flex>
  );
}
