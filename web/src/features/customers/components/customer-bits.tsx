import { Tag } from 'antd';
import type { Customer } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';

export function OwnerLabel({ customer }: { customer: Pick<Customer, 'ownerId' | 'ownerName'> }) {
  const t = useT();
  if (customer.ownerId === null) return <Tag>{t('customer.publicPool')}</Tag>;
  return <span>{customer.ownerName ?? ''}</span>;
}
