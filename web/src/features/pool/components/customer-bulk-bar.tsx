import { ExportOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex } from 'antd';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { testId } from '../../../shared/test-id';
import { usePermissions } from '../../auth';
import { useReleaseCustomers } from '../api';

// The transfer form (owner choice, its schema's limits) loads when it is first opened.
const TransferModal = lazy(() => import('./transfer-modal').then((m) => ({ default: m.TransferModal })));

function countOf(error: unknown, key: 'released'): number {
  if (typeof error === 'object' && error !== null && key in error) {
    const value = (error as Record<string, unknown>)[key];
    return typeof value === 'number' ? value : 0;
  }
  return 0;
}

/**
 * Bulk actions for the customers selected in the list: transfer to a user, release to the pool,
 * and the customers module's own (`extra`: tags, delete).
 */
export function CustomerBulkBar({ selectedIds, onClear, extra }: { selectedIds: number[]; onClear: () => void; extra?: ReactNode }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const { can } = usePermissions();
  const release = useReleaseCustomers();
  const [transferring, setTransferring] = useState(false);
  const count = selectedIds.length;
  if (count === 0) return null;

  const confirmRelease = () => {
    void modal.confirm({
      title: t('pool.releaseManyConfirm', { count }),
      content: t('pool.releaseText'),
      okText: t('pool.release'),
      okButtonProps: { danger: true, ...testId('bulk-release-confirm') },
      cancelText: t('common.cancel'),
      onOk: () =>
        release.mutateAsync(selectedIds).then(
          (released) => {
            void message.success(t('pool.releasedMany', { count: released }));
            onClear();
          },
          (error: unknown) => {
            const done = countOf(error, 'released');
            const text = errorMessage(error, t);
            void message.error({
              content: done > 0 ? t('pool.partly', { done, count, reason: text }) : text,
              duration: 6,
            });
          },
        ),
    });
  };

  return (
    <>
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        data-testid="bulk-bar"
        title={
          <Flex wrap gap={8} align="center" justify="space-between">
            <span data-testid="bulk-count">{t('pool.selected', { count })}</span>
            <Flex wrap gap={8}>
              {can('customers.assign') ? (
                <Button size="small" icon={<SwapOutlined />} onClick={() => setTransferring(true)} data-testid="bulk-transfer">
                  {t('pool.transfer')}
                </Button>
              ) : null}
              {can('customers.assign') || can('customers.claim') ? (
                <Button size="small" icon={<ExportOutlined />} onClick={confirmRelease} data-testid="bulk-release">
                  {t('pool.releaseToPool')}
                </Button>
              ) : null}
              {extra}
              <Button size="small" type="link" onClick={onClear}>
                {t('pool.clearSelection')}
              </Button>
            </Flex>
          </Flex>
        }
      />
      {transferring ? (
        <Suspense fallback={null}>
          <TransferModal open customerIds={selectedIds} onClose={() => setTransferring(false)} onDone={() => onClear()} />
        </Suspense>
      ) : null}
    </>
  );
}
