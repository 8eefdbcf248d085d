import { App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import type { Customer, CustomerUpdate } from '@crm/contracts';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { useEnumOptions } from '../../../shared/enums/customer-enums';
import { useUndoNotice } from '../../../shared/form/undo-notice';
import { useInlineUpdateCustomer } from '../api';

interface Fields {
  status: Customer['status'];
  /** YYYY-MM-DD, or '' for none. */
  nextFollowUpOn: string;
}

const fieldsOf = (c: Customer): Fields => ({ status: c.status, nextFollowUpOn: c.nextFollowUpOn ?? '' });

/**
 * The phone list's quick change of a customer (an action sheet from a card): its status and next
 * follow-up date, saved with the version the card shows. Only what changed is sent (an overdue
 * next follow-up, which cannot be set again by hand, is left alone when only the status changes).
 * A 409 says so with the usual conflict message and the sheet shows the values now stored.
 */
export function CustomerQuickSheet({ customer, onClose }: { customer: Customer | null; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer
      placement="bottom"
      open={customer !== null}
      onClose={onClose}
      title={customer ? t('quick.title', { name: customer.name }) : ''}
      size="auto"
      destroyOnHidden
      styles={{ body: { paddingTop: 8 } }}
      data-testid="customer-quick-sheet"
    >
      {customer ? <QuickForm key={customer.id} customer={customer} onDone={onClose} /> : null}
    </Drawer>
  );
}

function QuickForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const statuses = useEnumOptions('status');
  const update = useInlineUpdateCustomer();
  const { fail } = useUndoNotice(t('inline.conflict'));
  const [fields, setFields] = useState<Fields>(() => fieldsOf(customer));
  const today = dayjs().format('YYYY-MM-DD');

  const save = () => {
    const before = fieldsOf(customer);
    const change: Omit<CustomerUpdate, 'version'> = {};
    if (fields.status !== before.status) change.status = fields.status;
    if (fields.nextFollowUpOn !== before.nextFollowUpOn) change.nextFollowUpOn = fields.nextFollowUpOn === '' ? null : fields.nextFollowUpOn;
    if (Object.keys(change).length === 0) {
      onDone();
      return;
    }
    update.mutate(
      { customer, change },
      {
        onSuccess: () => {
          void message.success(t('quick.saved', { name: customer.name }));
          onDone();
        },
        onError: (error) => {
          fail(error);
          if (isApiError(error) && error.status === 409 && error.current && typeof error.current === 'object') setFields(fieldsOf(error.current as Customer));
        },
      },
    );
  };

  return (
    <Form layout="vertical" onFinish={save} data-testid="customer-quick-form">
      <Form.Item label={t('customer.f.status')} htmlFor={`quick-status-${customer.id}`} style={{ marginBottom: 12 }}>
        <Select
          id={`quick-status-${customer.id}`}
          value={fields.status}
          options={statuses}
          onChange={(status: Customer['status']) => setFields((f) => ({ ...f, status }))}
          data-testid="quick-status"
        />
      </Form.Item>
      <Form.Item label={t('customer.f.nextFollowUpOn')} htmlFor={`quick-next-${customer.id}`} extra={t('quick.nextHint')} style={{ marginBottom: 16 }}>
        <Flex gap={8}>
          <Input
            id={`quick-next-${customer.id}`}
            type="date"
            min={today}
            value={fields.nextFollowUpOn}
            onChange={(e) => setFields((f) => ({ ...f, nextFollowUpOn: e.target.value }))}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="quick-next-follow-up"
          />
          {fields.nextFollowUpOn !== '' ? (
            <Button onClick={() => setFields((f) => ({ ...f, nextFollowUpOn: '' }))} data-testid="quick-next-clear">
              {t('inline.clear')}
            </Button>
          ) : null}
        </Flex>
      </Form.Item>
      <Flex gap={8} justify="end">
        <Button onClick={onDone}>{t('inline.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="quick-save">
          {t('inline.save')}
        </Button>
      </Flex>
    </Form>
  );
}
