import { Card, Flex } from 'antd';
import type { Customer } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { usePermissions } from '../../auth';
import { CustomerTasksCard } from '../../activities';
import { CustomerAttachments } from '../../attachments';
import { CustomerContacts } from '../../contacts';
import { CustomerContracts } from '../../contracts';
import { CustomerCreditCard } from '../../credit';
import { CustomerDeals } from '../../opportunities';
import { CustomerQuotes } from '../../quotes';

/** The records around the customer (the right column): open tasks, contacts, deals, quotes, contracts, files. */
export function CustomerRelated({ customer: c }: { customer: Customer }) {
  const t = useT();
  const { can } = usePermissions();
  // Only organisations have contacts (a person is their own contact).
  const hasContacts = c.kind === 'organization' || c.contactCount > 0;
  // Read through a deal, or in the public pool without the assign right (claim it first): as the server decides.
  const contactsReadOnly = c.viaDeal || (c.ownerId === null && !can('customers.assign'));
  return (
    <Flex vertical gap={16} data-testid="customer-related">
      {can('tasks.view') ? <CustomerTasksCard customerId={c.id} customerName={c.name} /> : null}
      {hasContacts ? (
        <Card size="small" title={t('customer.contactsCard', { count: c.contactCount })} data-testid="customer-contacts-card">
          <CustomerContacts customerId={c.id} readOnly={contactsReadOnly} compact />
        </Card>
      ) : null}
      <CustomerDeals customerId={c.id} customerName={c.name} />
      <CustomerQuotes customerId={c.id} customerName={c.name} />
      <CustomerContracts customer={c} />
      {c.kind === 'organization' ? <CustomerCreditCard customer={c} /> : null}
      <Card size="small" title={t('customer.tabAttachments')} data-testid="customer-files-card">
        <CustomerAttachments customerId={c.id} canEdit={c.can.edit} compact />
      </Card>
    </Flex>
  );
}
