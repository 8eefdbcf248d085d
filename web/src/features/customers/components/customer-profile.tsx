import { Card, Descriptions, Flex, Tag, Typography, type DescriptionsProps } from 'antd';
import type { Customer } from '@crm/contracts';
import { createContext, useContext, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime, websiteHref } from '../../../shared/format/format';
import { OwnerLabel } from './customer-bits';
import { PhoneLink } from '../../../shared/format/phone-link';
import { regionText } from '../../../shared/region/region-text';
import { enumLabel, StatusTag } from '../../../shared/enums/customer-enums';
import { useCustomerLists } from './customer-lists';
import {
  customerFieldKinds,
  fieldLabel,
  formatFieldValue,
  organizationSections,
  personSections,
} from './customer-fields';

const columns = { xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 } as const;
/** In the record page's left column (on wide screens), one field per line. */
const narrowColumns = { xs: 1, sm: 1, md: 2, lg: 2, xl: 1, xxl: 1 } as const;
const Narrow = createContext(false);

function Section({ title, items }: { title: string; items: DescriptionsProps['items'] }) {
  const narrow = useContext(Narrow);
  return (
    <Card size="small" title={title}>
      <Descriptions size="small" column={narrow ? narrowColumns : columns} items={items} />
    </Card>
  );
}

/** Every field of the customer, grouped as in the archive (客户信息档案). */
export function CustomerProfile({ customer, narrow = false }: { customer: Customer; narrow?: boolean }) {
  const { t, locale } = useI18n();
  const lists = useCustomerLists();
  const label = (path: string) => fieldLabel(t, 'customer', path);
  const none = t('common.none');
  const item = (key: string, children: ReactNode) => ({ key, label: label(key), children: children ?? none });
  const value = (path: string, raw: unknown) => formatFieldValue(customerFieldKinds[path], raw, t, locale);

  const basic: DescriptionsProps['items'] = [
    item('archiveNo', customer.archiveNo),
    item('kind', enumLabel(t, 'kind', customer.kind)),
    item('category', enumLabel(t, 'category', customer.category)),
    item('status', <StatusTag status={customer.status} />),
    item('lifecycleStage', enumLabel(t, 'lifecycle', customer.lifecycleStage)),
    item('ownerId', <OwnerLabel customer={customer} />),
    item('industry', lists.industryLabel(customer.industry) || null),
    item('source', lists.sourceLabel(customer.source) || null),
    item(
      'tags',
      customer.tags.length > 0 ? (
        <Flex wrap gap={4}>
          {customer.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Flex>
      ) : null,
    ),
  ];

  const contactInfo: DescriptionsProps['items'] = [
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

  const profileItems = (prefix: 'person' | 'organization', keys: readonly string[], data: Record<string, unknown>) =>
    keys.map((key) => {
      const path = `${prefix}.${key}`;
      return { key: path, label: label(path), children: value(path, data[key]) };
    });

  const person = customer.person as Record<string, unknown>;
  const organization = customer.organization as Record<string, unknown>;

  return (
    <Narrow.Provider value={narrow}>
      <Flex vertical gap={16} data-testid="customer-profile">
        <Section title={t('customer.sectionBasic')} items={basic} />
        <Section title={t('customer.sectionContactInfo')} items={contactInfo} />
        {customer.kind === 'person' ? (
          <>
            <Section title={t('customer.sectionPersonBasic')} items={profileItems('person', personSections.basic, person)} />
            <Section title={t('customer.sectionPersonCareer')} items={profileItems('person', personSections.career, person)} />
            <Section title={t('customer.sectionPersonFamily')} items={profileItems('person', personSections.family, person)} />
            <Section title={t('customer.sectionPersonLife')} items={profileItems('person', personSections.life, person)} />
          </>
        ) : (
          <>
            <Section
              title={t('customer.sectionOrgBusiness')}
              items={profileItems('organization', organizationSections.business, organization)}
            />
            <Section
              title={t('customer.sectionOrgCredit')}
              items={profileItems('organization', organizationSections.credit, organization)}
            />
          </>
        )}
        <Card size="small" title={t('customer.sectionNotes')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {customer.notes ?? none}
          </Typography.Paragraph>
        </Card>
        <Section
          title={t('customer.sectionRecord')}
          items={[
            { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(customer.createdAt) },
            { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(customer.updatedAt) },
            { key: 'contactCount', label: t('customer.contactCount'), children: customer.contactCount },
          ]}
        />
      </Flex>
    </Narrow.Provider>
  );
}
