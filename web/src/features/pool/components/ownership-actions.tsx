import { ExportOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import type { Customer } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { testId } from '../../../shared/test-id';
import { usePermissions } from '../../auth';
import { useClaimCustomer } from '../api';
import { ReleaseModal } from './release-modal';
import { TransferModal } from './transfer-modal';

type Dialog = 'release' | 'transfer' | null;

/** The owner actions a user may take on one customer: claim, release, transfer (follow-ups are logged with the page's composer). */
export function CustomerOwnershipActions({ customer }: { customer: Customer }) {
  const t = useT();
  const { message } = App.useApp();
  const { can, me } = usePermissions();
  const claim = useClaimCustomer();
  const [dialog, setDialog] = useState<Dialog>(null);

  const inPool = customer.ownerId === null;
  const mine = me !== null && customer.ownerId === me.user.id;
  const mayClaim = inPool && can('customers.claim');
  const mayRelease = !inPool && ((mine && can('customers.claim')) || can('customers.assign'));
  const mayTransfer = can('customers.assign');

  return (
    <>
      {mayClaim ? (
        <Popconfirm
          title={t('pool.claimConfirm', { name: customer.name })}
          okText={t('pool.claim')}
          cancelText={t('common.cancel')}
          okButtonProps={testId('claim-confirm')}
          onConfirm={() =>
            claim.mutateAsync(customer.id).then(
              () => void message.success(t('pool.claimed', { name: customer.name })),
              (error: unknown) => void message.error({ content: errorMessage(error, t), duration: 6 }),
            )
          }
        >
          <Button type="primary" icon={<UserAddOutlined />} loading={claim.isPending} data-testid="customer-claim">
            {t('pool.claim')}
          </Button>
        </Popconfirm>
      ) : null}
      {mayTransfer ? (
        <Button icon={<SwapOutlined />} onClick={() => setDialog('transfer')} data-testid="customer-transfer">
          {t('pool.transfer')}
        </Button>
      ) : null}
      {mayRelease ? (
        <Button icon={<ExportOutlined />} onClick={() => setDialog('release')} data-testid="customer-release">
          {t('pool.release')}
        </Button>
      ) : null}
      <ReleaseModal open={dialog === 'release'} customerId={customer.id} name={customer.name} onClose={() => setDialog(null)} />
      <TransferModal
        open={dialog === 'transfer'}
        customerIds={[customer.id]}
        name={customer.name}
        currentOwnerId={customer.ownerId}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
