import { App, Button } from 'antd';
import type { Customer } from '@crm/contracts';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { usePermissions } from '../../auth';
import { useRestoreItem } from '../../recycle-bin';
import { useDeleteCustomer } from '../api';

/** Delete the customer after a confirmation, back to the list, with an undo (restore) for those who may. */
export function useDeleteCustomerFlow(customer: Customer | undefined) {
  const t = useT();
  const { modal, message, notification } = App.useApp();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const remove = useDeleteCustomer();
  const restore = useRestoreItem();

  const undoButton = (id: number, name: string, key: string) => (
    <Button
      size="small"
      type="primary"
      data-testid="undo-delete"
      onClick={() => {
        notification.destroy(key);
        // The page that deleted is gone by now: mutateAsync settles regardless.
        restore.mutateAsync({ type: 'customer', id }).then(
          () => {
            void message.success(t('customer.restored', { name }));
            void navigate(`/customers/${id}`);
          },
          (error: unknown) => void message.error(errorMessage(error, t)),
        );
      }}
    >
      {t('common.undo')}
    </Button>
  );

  return () => {
    if (!customer) return;
    const { id, name } = customer;
    void modal.confirm({
      title: t('customer.deleteConfirm', { name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'confirm-delete' } },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(id).then(
          () => {
            void navigate('/customers');
            const key = `customer-deleted-${id}`;
            notification.success({
              key,
              title: t('customer.deleted', { name }),
              description: t('customer.deletedRestorable', { name }),
              duration: 8,
              actions: can('recycle_bin.restore') ? undoButton(id, name, key) : undefined,
            });
          },
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });
  };
}
