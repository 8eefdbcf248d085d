import { Alert, Button, Flex, Table } from 'antd';
import type { Customer } from '@crm/contracts';
import { useMemo } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useActiveCustomFields } from '../../custom-fields';
import { useUserOptions } from '../../users';
import { customerFieldKinds, fieldLabel, formatFieldValue } from './customer-fields';
import { customerToFormValues, flattenPayload, formValuesToPayload, type CustomerPayload } from './customer-form-model';

interface ConflictRow {
  path: string;
  current: string;
  mine: string;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Shown on 409: another user saved the customer first. Lists what they changed (current value
 * beside the value in this form) and offers to reload the form; nothing is overwritten silently.
 */
export function CustomerConflictAlert({
  current,
  base,
  mine,
  includeSensitive,
  onReload,
}: {
  current: Customer;
  base: CustomerPayload;
  mine: CustomerPayload;
  includeSensitive: boolean;
  onReload: () => void;
}) {
  const { t, locale } = useI18n();
  const userOptions = useUserOptions().options;
  const customFields = useActiveCustomFields('customer');
  const rows = useMemo<ConflictRow[]>(() => {
    const now = flattenPayload(
      formValuesToPayload(customerToFormValues(current, customFields), includeSensitive, customFields),
    );
    const before = flattenPayload(base);
    const typed = flattenPayload(mine);
    const owners = new Map(userOptions.map((o) => [o.value, o.label]));
    return Object.keys(now)
      .filter((path) => !same(now[path], before[path]) || !same(typed[path], before[path]))
      .map((path) => ({
        path,
        current: formatFieldValue(customerFieldKinds[path], now[path], t, locale, owners),
        mine: formatFieldValue(customerFieldKinds[path], typed[path], t, locale, owners),
      }));
  }, [current, base, mine, includeSensitive, t, locale, userOptions, customFields]);

  return (
    <Alert
      type="warning"
      showIcon
      data-testid="conflict-alert"
      role="alert"
      style={{ marginBottom: 16 }}
      title={t('customer.conflictTitle')}
      description={
        <Flex vertical gap={12}>
          <span>{t('customer.conflictText')}</span>
          {rows.length > 0 ? (
            <Table<ConflictRow>
              size="small"
              rowKey="path"
              pagination={false}
              dataSource={rows}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '', dataIndex: 'path', render: (path: string) => fieldLabel(t, 'customer', path) },
                { title: t('customer.conflictCurrent'), dataIndex: 'current' },
                { title: t('customer.conflictYours'), dataIndex: 'mine' },
              ]}
            />
          ) : null}
          <div>
            <Button type="primary" onClick={onReload} data-testid="conflict-reload">
              {t('customer.conflictReload')}
            </Button>
          </div>
        </Flex>
      }
    />
  );
}
