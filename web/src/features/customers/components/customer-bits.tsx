import { Tag, Typography } from 'antd';
import type { Customer } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { telHref } from '../../../shared/format/format';

export function OwnerLabel({ customer }: { customer: Pick<Customer, 'ownerId' | 'ownerName'> }) {
  const t = useT();
  if (customer.ownerId === null) return <Tag>{t('customer.publicPool')}</Tag>;
  return <span>{customer.ownerName ?? ''}</span>;
}

export function PhoneLink({ phone }: { phone: string | null | undefined }) {
  if (!phone) return null;
  return (
    <Typography.Link href={telHref(phone)} style={{ whiteSpace: 'nowrap' }}>
      {phone}
    </Typography.Link>
  );
}

export function regionText(customer: Pick<Customer, 'province' | 'city' | 'district'>): string {
  return [customer.province, customer.city === '市辖区' ? null : customer.city, customer.district]
    .filter((part): part is string => Boolean(part))
    .join(' ');
}
