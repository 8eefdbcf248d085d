import { Flex } from 'antd';
import type { Customer } from '@crm/contracts';
import { CustomerAnalyticsCard } from '../../analytics';
import { CustomFieldDescriptions } from '../../custom-fields';
import { CustomerMerges } from '../../duplicates';
import { CustomerQuality } from '../../quality';
import { CustomerProfile } from './customer-profile';

/** The record's facts (the left column): data quality, the customer's analytics, every field of the archive, custom fields, merges. */
export function CustomerFacts({ customer, narrow }: { customer: Customer; narrow: boolean }) {
  return (
    <Flex vertical gap={16} data-testid="customer-facts">
      <CustomerQuality customer={customer} />
      <CustomerAnalyticsCard customerId={customer.id} />
      <CustomerProfile customer={customer} narrow={narrow} />
      <CustomFieldDescriptions entity="customer" custom={customer.custom} narrow={narrow} />
      <CustomerMerges customerId={customer.id} />
    </Flex>
  );
}
