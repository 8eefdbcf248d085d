import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Skeleton } from 'antd';
import type { Contact } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useContactList } from '../api';
import { ContactFormDrawer } from './contact-form-drawer';
import { ContactsView } from './contacts-view';

interface DrawerState {
  open: boolean;
  contact?: Contact;
}

/** A customer's contacts: its people, added and edited in a drawer (`readOnly`: listed only; `compact`: as cards in a narrow column). */
export function CustomerContacts({ customerId, readOnly = false, compact = false }: { customerId: number; readOnly?: boolean; compact?: boolean }) {
  const t = useT();
  const { can } = usePermissions();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useContactList({ customerId, ...paging, sort: 'name' });
  const [drawer, setDrawer] = useState<DrawerState>({ open: false });

  const addButton = can('contacts.create') && !readOnly ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true })} data-testid="contact-add">
      {t('contact.add')}
    </Button>
  ) : null;

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.total === 0) body = <Empty description={t('contact.emptyForCustomer')} />;
  else
    body = (
      <ContactsView
        items={list.data.items}
        total={list.data.total}
        page={paging.page}
        pageSize={paging.pageSize}
        loading={list.isFetching}
        showCustomer={false}
        readOnly={readOnly}
        onPage={(page, pageSize) => setPaging({ page, pageSize })}
        onEdit={(contact) => setDrawer({ open: true, contact })}
        compact={compact}
      />
    );

  return (
    <Flex vertical gap={12} data-testid="customer-contacts">
      {addButton ? <Flex justify="flex-end">{addButton}</Flex> : null}
      {body}
      <ContactFormDrawer
        open={drawer.open}
        contact={drawer.contact}
        customerId={customerId}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </Flex>
  );
}
