import { Card, Descriptions } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useUserOptions } from '../../users';
import { useActiveCustomFields, type CustomFieldEntity } from '../api';
import { customFieldLabel, formatCustomValue } from './custom-field-values';

const columns = { xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 } as const;

/** The record's custom values on its detail page; nothing when the entity has no custom field. */
export function CustomFieldDescriptions({
  entity,
  custom,
  bordered = true,
  narrow = false,
}: {
  entity: CustomFieldEntity;
  custom: Record<string, unknown> | undefined;
  bordered?: boolean;
  /** One field per line on wide screens (a page's side column). */
  narrow?: boolean;
}) {
  const { t, locale } = useI18n();
  const fields = useActiveCustomFields(entity);
  const userOptions = useUserOptions().options;
  const users = useMemo(() => new Map(userOptions.map((o) => [o.value, o.label])), [userOptions]);
  if (fields.length === 0) return null;
  const items = fields.map((field) => ({
    key: field.key,
    label: customFieldLabel(field, locale),
    children: formatCustomValue(field, custom?.[field.key], t, locale, users),
  }));
  const body = <Descriptions size="small" column={narrow ? { xs: 1, sm: 1, md: 2, lg: 2, xl: 1, xxl: 1 } : columns} items={items} data-testid="custom-field-values" />;
  return bordered ? (
    <Card size="small" title={t('customField.sectionTitle')}>
      {body}
    </Card>
  ) : (
    body
  );
}
