import { Flex } from 'antd';
import type { Customer } from '@crm/contracts';
import { CustomerAnalyticsCard } from '../../analytics';
import { CustomFieldDescriptions } from '../../custom-fields';
import { CustomerMerges } from '../../duplicates';
import { CustomerQuality } from '../../quality';
import { useInlineUpdateCustomer } from '../api';
import { CustomerProfile } from './customer-profile';

/** The record's facts (the left column): data quality, the customer's analytics, every field of the archive, custom fields, merges. */
export function CustomerFacts({ customer, narrow }: { customer: Customer; narrow: boolean }) {
  // A suggested lifecycle stage or status is saved as any edit of the record: its PATCH with the version shown (a 409 shows what is stored).
  const update = useInlineUpdateCustomer();
  return (
    <Flex vertical gap={16} data-testid="customer-facts">
      <CustomerQuality customer={customer} />
      <CustomerAnalyticsCard customer={customer} onApply={(change) => update.mutateAsync({ customer, change })} />
      <CustomerProfile customer={customer} narrow={narrow} />
      <CustomFieldDescriptions entity="customer" custom={customer.custom} narrow={narrow} />
      <CustomerMerges customerId={customer.id} />
    </Flex>
  );
}
