import { SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { testId } from '../../../shared/test-id';
import { usePermissions } from '../../auth';
import { isPartialFailure, useClaimLeads } from '../api';
import { AssignModal } from './assign-modal';

/** Bulk actions on the selected leads: assign to a user (leads.assign) and, in the pool, claim. */
export function LeadBulkBar({ selectedIds, onClear, claim = false }: { selectedIds: number[]; onClear: () => void; claim?: boolean }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const { can } = usePermissions();
  const claimMany = useClaimLeads();
  const [assigning, setAssigning] = useState(false);
  const count = selectedIds.length;
  if (count === 0) return null;

  const confirmClaim = () =>
    void modal.confirm({
      title: t('lead.claimManyConfirm', { count }),
      okText: t('lead.claim'),
      okButtonProps: testId('lead-bulk-claim-confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        claimMany.mutateAsync(selectedIds).then(
          (done) => {
            void message.success(t('lead.claimedMany', { count: done }));
            onClear();
          },
          (error: unknown) => {
            const done = isPartialFailure(error) ? error.done : 0;
            const reason = errorMessage(isPartialFailure(error) ? error.cause : error, t);
            void message.error({ content: done > 0 ? t('lead.partly', { done, count, reason }) : reason, duration: 6 });
            onClear();
          },
        ),
    });

  return (
    <>
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        data-testid="lead-bulk-bar"
        title={
          <Flex wrap gap={8} align="center" justify="space-between">
            <span data-testid="lead-bulk-count">{t('lead.selected', { count })}</span>
            <Flex wrap gap={8}>
              {claim && can('leads.claim') ? (
                <Button size="small" type="primary" icon={<UserAddOutlined />} onClick={confirmClaim} data-testid="lead-bulk-claim">
                  {t('lead.claimSelected')}
                </Button>
              ) : null}
              {can('leads.assign') ? (
                <Button size="small" icon={<SwapOutlined />} onClick={() => setAssigning(true)} data-testid="lead-bulk-assign">
                  {t('lead.assign')}
                </Button>
              ) : null}
              <Button size="small" type="link" onClick={onClear}>
                {t('lead.clearSelection')}
              </Button>
            </Flex>
          </Flex>
        }
      />
      <AssignModal open={assigning} leadIds={selectedIds} onClose={() => setAssigning(false)} onDone={onClear} />
    </>
  );
}
