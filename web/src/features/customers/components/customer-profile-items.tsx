import { Typography, type DescriptionsProps } from 'antd';
import type { Customer } from '@crm/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { enumLabel } from '../../../shared/enums/customer-enums';
import { websiteHref } from '../../../shared/format/format';
import { PhoneLink } from '../../../shared/format/phone-link';
import { regionText } from '../../../shared/region/region-text';
import { CustomerInlineField, type InlineCustomerField } from './customer-inline-field';
import { customerFieldKinds, fieldLabel, formatFieldValue } from './customer-fields';
import { useCustomerLists } from './customer-lists';

type Items = NonNullable<DescriptionsProps['items']>;

/** The customer's fields as description items: the basic and contact sections, and a profile section by its keys. */
export function useProfileItems(customer: Customer): { basic: Items; contactInfo: Items; profile: (prefix: 'person' | 'organization', keys: readonly string[]) => Items } {
  const { t, locale } = useI18n();
  const lists = useCustomerLists();
  const label = (path: string) => fieldLabel(t, 'customer', path);
  const inline = (field: InlineCustomerField) => <CustomerInlineField customer={customer} field={field} label={label(field)} />;
  const item = (key: string, children: ReactNode) => ({ key, label: label(key), children: children ?? t('common.none') });
  const basic: Items = [
    item('archiveNo', customer.archiveNo),
    item('kind', enumLabel(t, 'kind', customer.kind)),
    item('category', enumLabel(t, 'category', customer.category)),
    item('status', inline('status')),
    item('lifecycleStage', inline('lifecycleStage')),
    item('ownerId', inline('ownerId')),
    item('industry', lists.industryLabel(customer.industry) || null),
    item('source', lists.sourceLabel(customer.source) || null),
    item('tags', inline('tags')),
    item('nextFollowUpOn', inline('nextFollowUpOn')),
  ];
  const contactInfo: Items = [
    item('phone', customer.phone ? <PhoneLink phone={customer.phone} /> : null),
    item('mobile', customer.mobile ? <PhoneLink phone={customer.mobile} /> : null),
    item('email', customer.email ? <Typography.Link href={`mailto:${customer.email}`}>{customer.email}</Typography.Link> : null),
    item(
      'website',
      customer.website ? (
        <Typography.Link href={websiteHref(customer.website)} target="_blank" rel="noreferrer noopener">
          {customer.website}
        </Typography.Link>
      ) : null,
    ),
    item('region', regionText(customer) || null),
    item('address', customer.address),
  ];
  const profile = (prefix: 'person' | 'organization', keys: readonly string[]): Items => {
    const data = customer[prefix] as Record<string, unknown>;
    return keys.map((key) => {
      const path = `${prefix}.${key}`;
      return { key: path, label: label(path), children: formatFieldValue(customerFieldKinds[path], data[key], t, locale) };
    });
  };
  return { basic, contactInfo, profile };
}
