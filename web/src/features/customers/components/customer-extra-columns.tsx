import type { Customer } from '@crm/contracts';
import type { ColumnType } from 'antd/es/table';
import { useMemo } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { customFieldLabel, formatCustomValue, type CustomField } from '../../custom-fields';
import { useUserOptions } from '../../users';
import { useCustomerLists } from './customer-lists';
import { CustomerInlineField } from './customer-inline-field';

/** Extra table columns the chooser can add (custom fields and built-ins the table does not define). */
export function useExtraColumns(customFields: CustomField[]): ColumnType<Customer>[] {
  const { t, locale } = useI18n();
  const userOptions = useUserOptions().options;
  const users = useMemo(() => new Map(userOptions.map((o) => [o.value, o.label])), [userOptions]);
  const lists = useCustomerLists();
  return useMemo(
    () => [
      { key: 'email', title: t('customer.f.email'), render: (_v, c) => c.email ?? '' },
      { key: 'industry', title: t('customer.f.industry'), render: (_v, c) => lists.industryLabel(c.industry) },
      { key: 'source', title: t('customer.f.source'), render: (_v, c) => lists.sourceLabel(c.source) },
      { key: 'tags', title: t('customer.f.tags'), render: (_v, c) => <CustomerInlineField customer={c} field="tags" label={t('customer.f.tags')} /> },
      ...customFields.map(
        (field): ColumnType<Customer> => ({
          key: `custom.${field.key}`,
          title: customFieldLabel(field, locale),
          render: (_v, c) => {
            const value = c.custom?.[field.key];
            return value === undefined || value === null ? '' : formatCustomValue(field, value, t, locale, users);
          },
        }),
      ),
    ],
    [t, locale, customFields, users, lists],
  );
}
