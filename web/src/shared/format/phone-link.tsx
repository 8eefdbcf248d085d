import { Typography } from 'antd';
import { telHref } from './format';

/** A phone number that dials on a phone (customers, leads, the pool). */
export function PhoneLink({ phone }: { phone: string | null | undefined }) {
  if (!phone) return null;
  return (
    <Typography.Link href={telHref(phone)} style={{ whiteSpace: 'nowrap' }}>
      {phone}
    </Typography.Link>
  );
}
