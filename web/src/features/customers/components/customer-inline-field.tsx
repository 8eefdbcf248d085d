import { App, Flex, Tag } from 'antd';
import type { Customer, CustomerUpdate } from '@crm/contracts';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { enumLabel, useEnumOptions } from '../../../shared/enums/customer-enums';
import { StatusTag } from '../../../shared/enums/status-tag';
import { InlineDate, InlineEdit, InlineSelect, InlineTags } from '../../../shared/form/inline-edit';
import { useUndoNotice } from '../../../shared/form/undo-notice';
import { usePermissions } from '../../auth';
import { useUserOptions } from '../../users';
import { useInlineUpdateCustomer } from '../api';
import { OwnerLabel } from './customer-bits';
import { NextFollowUp } from './customer-follow-up';

export type InlineCustomerField = 'status' | 'lifecycleStage' | 'ownerId' | 'nextFollowUpOn' | 'tags';
type Change = Omit<CustomerUpdate, 'version'>;

/** Saves one field, then offers to undo it; a 409 says so (the row already shows what is stored). */
function useSaveField(customer: Customer, field: InlineCustomerField, label: string) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const update = useInlineUpdateCustomer();
  const { fail, offer } = useUndoNotice(t('inline.conflict'));
  return (change: Change) => {
    const before = { [field]: customer[field] } as Change;
    update.mutate({ customer, change }, {
      onError: fail,
      onSuccess: (saved) => {
        // An overdue next follow-up cannot be set again (a day set by hand is today or later): no undo then.
        if (field === 'nextFollowUpOn' && customer.nextFollowUpOn !== null && customer.nextFollowUpOn < dayjs().format('YYYY-MM-DD')) {
          void message.success(t('inline.saved', { field: label }));
          return;
        }
        offer(`inline-${customer.id}-${field}`, t('inline.saved', { field: label }), (done) => update.mutate({ customer: saved, change: before }, done));
      },
    });
  };
}

/** A customer field shown as in the lists, with in-place editing when the user may change it. */
export function CustomerInlineField({ customer: c, field, label }: { customer: Customer; field: InlineCustomerField; label: string }) {
  const { t } = useI18n();
  const { can } = usePermissions();
  const save = useSaveField(c, field, label);
  const statuses = useEnumOptions('status');
  const stages = useEnumOptions('lifecycle');
  const users = useUserOptions().options;
  const editable = c.can.edit && (field !== 'ownerId' || can('customers.assign'));
  const testId = `inline-${field}`;
  let display: ReactNode;
  let editor: (close: () => void) => ReactNode;
  const commit = (close: () => void) => (change: Change) => {
    close();
    save(change);
  };
  switch (field) {
    case 'status':
      display = <StatusTag status={c.status} />;
      editor = (close) => <InlineSelect label={label} value={c.status} options={statuses} onSave={(v) => commit(close)({ status: v as Customer['status'] })} onCancel={close} />;
      break;
    case 'lifecycleStage':
      display = enumLabel(t, 'lifecycle', c.lifecycleStage);
      editor = (close) => <InlineSelect label={label} value={c.lifecycleStage} options={stages} onSave={(v) => commit(close)({ lifecycleStage: v as Customer['lifecycleStage'] })} onCancel={close} />;
      break;
    case 'ownerId':
      display = <OwnerLabel customer={c} />;
      editor = (close) => <InlineSelect label={label} value={c.ownerId} options={users} onSave={(v) => commit(close)({ ownerId: v })} onCancel={close} />;
      break;
    case 'nextFollowUpOn':
      display = <NextFollowUp on={c.nextFollowUpOn} t={t} />;
      editor = (close) => <InlineDate label={label} value={c.nextFollowUpOn} min={dayjs().format('YYYY-MM-DD')} onSave={(v) => commit(close)({ nextFollowUpOn: v })} onCancel={close} />;
      break;
    case 'tags':
      display = (
        <Flex wrap gap={4}>
          {c.tags.map((tag) => (
            <Tag key={tag} style={{ marginInlineEnd: 0 }}>
              {tag}
            </Tag>
          ))}
        </Flex>
      );
      editor = (close) => <InlineTags label={label} value={c.tags} onSave={(v) => commit(close)({ tags: v })} onCancel={close} />;
      break;
  }
  return <InlineEdit label={label} display={display} editable={editable} testId={testId} editor={editor} />;
}
