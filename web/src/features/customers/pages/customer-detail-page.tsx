import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Skeleton, Tabs, Tag, Typography } from 'antd';
import type { Customer } from '@crm/contracts';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { NotFoundResult, QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { CustomerContacts } from '../../contacts';
import { useRestoreItem } from '../../recycle-bin';
import { CustomerAttachments } from '../../attachments';
import { CustomerOwnershipActions, OwnershipSummary } from '../../pool';
import { useCustomer, useDeleteCustomer } from '../api';
import { enumLabel, StatusTag } from '../../../shared/enums/customer-enums';
import { CustomerFormDrawer } from '../components/customer-form-drawer';
import { CustomerHistory } from '../components/customer-history';
import { CustomerProfile } from '../components/customer-profile';
import { CustomFieldDescriptions } from '../../custom-fields';
import { CustomerMerges, useMergedRedirect } from '../../duplicates';
import { CustomerQuality } from '../../quality';
import { CustomerDeals } from '../../opportunities';
import { CustomerQuotes } from '../../quotes';
import { CustomerContracts } from '../../contracts';
import { CustomerActivities } from '../../activities';

const tabKeys = ['profile', 'contacts', 'history', 'attachments'] as const;
type TabKey = (typeof tabKeys)[number];

function useDeleteFlow(customer: Customer | undefined) {
  const t = useT();
  const { modal, message, notification } = App.useApp();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const remove = useDeleteCustomer();
  const restore = useRestoreItem();

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
            const mayRestore = can('recycle_bin.restore');
            notification.success({
              key,
              title: t('customer.deleted', { name }),
              description: t('customer.deletedRestorable', { name }),
              duration: 8,
              actions: mayRestore ? (
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
              ) : undefined,
            });
          },
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });
  };
}

export function CustomerDetailPage() {
  const t = useT();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useCustomer(id);
  const customer = query.data;
  const { can } = usePermissions();
  const [search, setSearch] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const confirmDelete = useDeleteFlow(customer);
  useDocumentTitle(customer?.name ?? t('customer.single'));
  // The old address of a merged customer leads to the customer it was merged into.
  const followingMerge = useMergedRedirect(query.error);

  const tabParam = search.get('tab');
  const requestedTab: TabKey = tabKeys.find((k) => k === tabParam) ?? 'profile';

  if (!valid) return <NotFoundResult />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (followingMerge) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const hasContacts = c.kind === 'organization' || c.contactCount > 0;
  // Read through a deal, or in the public pool without the assign right (claim it first): as the server decides.
  const contactsReadOnly = c.viaDeal || (c.ownerId === null && !can('customers.assign'));
  const tab: TabKey = requestedTab === 'contacts' && !hasContacts ? 'profile' : requestedTab;

  return (
    <Flex vertical gap={16}>
      <Card styles={{ body: { padding: 16 } }}>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Link to="/customers" style={{ fontSize: 13 }}>
              <ArrowLeftOutlined /> {t('customer.title')}
            </Link>
            <Flex align="center" wrap gap={8}>
              <Typography.Title level={1} style={{ fontSize: 24, margin: 0, overflowWrap: 'anywhere' }} data-testid="customer-name">
                {c.name}
              </Typography.Title>
              <StatusTag status={c.status} />
              <Tag style={{ marginInlineEnd: 0 }}>{enumLabel(t, 'kind', c.kind)}</Tag>
            </Flex>
            <Typography.Text type="secondary" data-testid="customer-archive-no">
              {t('customer.f.archiveNo')}: {c.archiveNo}
            </Typography.Text>
            <OwnershipSummary customer={c} />
          </Flex>
          <Flex gap={8} wrap>
            <CustomerOwnershipActions customer={c} />
            {c.can.edit ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {c.can.delete ? (
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="customer-delete">
                {t('common.delete')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
        {c.viaDeal ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t('customer.viaDeal')}
            description={t('customer.viaDealHint', { owner: c.ownerName ?? '' })}
            data-testid="customer-via-deal"
          />
        ) : null}
      </Card>
      <CustomerActivities customerId={c.id} customerName={c.name} />
      <CustomerDeals customerId={c.id} customerName={c.name} />
      <CustomerQuotes customerId={c.id} customerName={c.name} />
      <CustomerContracts customer={c} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(search);
            if (key === 'profile') next.delete('tab');
            else next.set('tab', key);
            setSearch(next, { replace: true });
          }}
          items={[
            {
              key: 'profile',
              label: <span data-testid="profile-tab">{t('customer.tabProfile')}</span>,
              children: (
                <Flex vertical gap={16}>
                  <CustomerQuality customer={c} />
                  <CustomerProfile customer={c} />
                  <CustomFieldDescriptions entity="customer" custom={c.custom} />
                  <CustomerMerges customerId={c.id} />
                </Flex>
              ),
            },
            // Only organisations have contacts (a person is their own contact).
            ...(hasContacts
              ? [
                  {
                    key: 'contacts',
                    label: (
                      <span data-testid="contacts-tab">
                        {t('customer.tabContacts')} ({c.contactCount})
                      </span>
                    ),
                    children: <CustomerContacts customerId={c.id} readOnly={contactsReadOnly} />,
                  },
                ]
              : []),
            {
              key: 'history',
              label: <span data-testid="history-tab">{t('customer.tabTimeline')}</span>,
              children: <CustomerHistory customerId={c.id} />,
            },
            {
              key: 'attachments',
              label: <span data-testid="attachments-tab">{t('customer.tabAttachments')}</span>,
              children: <CustomerAttachments customerId={c.id} canEdit={c.can.edit} />,
            },
          ]}
        />
      </Card>
      <CustomerFormDrawer open={editing} customer={c} onClose={() => setEditing(false)} />
    </Flex>
  );
}
