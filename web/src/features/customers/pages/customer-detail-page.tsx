import { Flex, Skeleton } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { NotFoundResult, QueryErrorResult } from '../../../shared/layout/results';
import { useMergedRedirect } from '../../duplicates';
import { useCustomer } from '../api';
import { CustomerFormDrawer } from '../components/customer-form-drawer';
import { CustomerHeader } from '../components/customer-header';
import { CustomerRecordLayout } from '../components/customer-record-layout';

/** A customer's record: its header and actions, then its facts, follow-ups and timeline, and related records. */
export function CustomerDetailPage() {
  const t = useT();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useCustomer(id);
  const [editing, setEditing] = useState(false);
  useDocumentTitle(query.data?.name ?? t('customer.single'));
  // The old address of a merged customer leads to the customer it was merged into.
  const followingMerge = useMergedRedirect(query.error);

  if (!valid) return <NotFoundResult />;
  if (query.isPending || followingMerge) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const customer = query.data;
  return (
    <Flex vertical gap={16}>
      <CustomerHeader customer={customer} onEdit={() => setEditing(true)} />
      <CustomerRecordLayout customer={customer} />
      <CustomerFormDrawer open={editing} customer={customer} onClose={() => setEditing(false)} />
    </Flex>
  );
}
