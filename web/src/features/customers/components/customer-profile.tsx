import { Card, Descriptions, Flex, Typography, type DescriptionsProps } from 'antd';
import type { Customer } from '@crm/contracts';
import { createContext, useContext } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../shared/format/format';
import { organizationSections, personSections } from './customer-fields';
import { useProfileItems } from './customer-profile-items';

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

/** Every field of the customer, grouped as in the archive (客户信息档案); `narrow`: for the record page's left column. */
export function CustomerProfile({ customer, narrow = false }: { customer: Customer; narrow?: boolean }) {
  const { t } = useI18n();
  const { basic, contactInfo, profile } = useProfileItems(customer);
  return (
    <Narrow.Provider value={narrow}>
      <Flex vertical gap={16} data-testid="customer-profile">
        <Section title={t('customer.sectionBasic')} items={basic} />
        <Section title={t('customer.sectionContactInfo')} items={contactInfo} />
        {customer.kind === 'person' ? (
          <>
            <Section title={t('customer.sectionPersonBasic')} items={profile('person', personSections.basic)} />
            <Section title={t('customer.sectionPersonCareer')} items={profile('person', personSections.career)} />
            <Section title={t('customer.sectionPersonFamily')} items={profile('person', personSections.family)} />
            <Section title={t('customer.sectionPersonLife')} items={profile('person', personSections.life)} />
          </>
        ) : (
          <>
            <Section title={t('customer.sectionOrgBusiness')} items={profile('organization', organizationSections.business)} />
            <Section title={t('customer.sectionOrgCredit')} items={profile('organization', organizationSections.credit)} />
          </>
        )}
        <Card size="small" title={t('customer.sectionNotes')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{customer.notes ?? t('common.none')}</Typography.Paragraph>
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
