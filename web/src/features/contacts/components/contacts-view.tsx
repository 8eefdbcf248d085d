import { DeleteOutlined, EditOutlined, StarFilled } from '@ant-design/icons';
import { App, Button, Card, Flex, List, Pagination, Table, Tag, Typography, type TableProps } from 'antd';
import type { Contact } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDate, formatDateTime, telHref } from '../../../shared/format/format';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { usePermissions } from '../../auth';
import { useDeleteContact } from '../api';

interface ContactsViewProps {
  items: Contact[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  showCustomer: boolean;
  /** No edit or delete actions (a customer the user may read, not change). */
  readOnly?: boolean;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (contact: Contact) => void;
  /** As cards, also on a wide screen (a narrow column). */
  compact?: boolean;
}

function Phone({ value }: { value: string | null }) {
  if (!value) return null;
  return (
    <Typography.Link href={telHref(value)} style={{ whiteSpace: 'nowrap' }}>
      {value}
    </Typography.Link>
  );
}

/** Contacts as a table (desktop) or cards (phone), with edit and delete where allowed. */
export function ContactsView({ items, total, page, pageSize, loading, showCustomer, readOnly = false, onPage, onEdit, compact = false }: ContactsViewProps) {
  const t = useT();
  const { modal, message } = App.useApp();
  const isMobile = useIsMobile();
  const { can } = usePermissions();
  const remove = useDeleteContact();
  const mayEdit = !readOnly && can('contacts.edit');
  const mayDelete = !readOnly && can('contacts.delete');

  const confirmDelete = (contact: Contact) => {
    void modal.confirm({
      title: t('contact.deleteConfirm', { name: contact.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'confirm-delete' } },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(contact).then(
          () => void message.success(t('contact.deleted', { name: contact.name })),
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });
  };

  const actions = (contact: Contact) => (
    <Flex gap={4}>
      {mayEdit ? (
        <Button
          size="small"
          type="text"
          icon={<EditOutlined />}
          onClick={() => onEdit(contact)}
          aria-label={t('common.edit')}
          data-testid="contact-edit"
        />
      ) : null}
      {mayDelete ? (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          onClick={() => confirmDelete(contact)}
          aria-label={t('common.delete')}
          data-testid="contact-delete"
        />
      ) : null}
    </Flex>
  );

  const nameCell = (contact: Contact) => (
    <Flex gap={6} align="center">
      <span>{contact.name}</span>
      {contact.isPrimary ? (
        <Tag color="gold" icon={<StarFilled />} style={{ marginInlineEnd: 0 }}>
          {t('contact.primary')}
        </Tag>
      ) : null}
    </Flex>
  );

  if (isMobile || compact) {
    return (
      <Flex vertical gap={8}>
        <List<Contact>
          loading={loading}
          dataSource={items}
          split={false}
          renderItem={(contact) => (
            <List.Item style={{ padding: '0 0 8px' }}>
              <Card size="small" style={{ width: '100%' }} data-testid="contact-card">
                <Flex justify="space-between" align="start" gap={8}>
                  <div style={{ minWidth: 0 }}>
                    {nameCell(contact)}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[contact.title, contact.department].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </div>
                  {actions(contact)}
                </Flex>
                {showCustomer ? (
                  <div>
                    <Link to={`/customers/${contact.customerId}`}>{contact.customerName}</Link>
                  </div>
                ) : null}
                <Flex wrap gap={12} style={{ marginTop: 4 }}>
                  <Phone value={contact.mobile} />
                  <Phone value={contact.phone} />
                  {contact.email ? <Typography.Link href={`mailto:${contact.email}`}>{contact.email}</Typography.Link> : null}
                </Flex>
              </Card>
            </List.Item>
          )}
        />
        {total > pageSize ? (
          <Flex justify="center">
            <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} />
          </Flex>
        ) : null}
      </Flex>
    );
  }

  const columns: TableProps<Contact>['columns'] = [
    { key: 'name', title: t('contact.f.name'), render: (_v, c) => nameCell(c) },
    ...(showCustomer
      ? [
          {
            key: 'customer',
            title: t('contact.f.customerName'),
            render: (_v: unknown, c: Contact) => (
              <Link to={`/customers/${c.customerId}`} data-testid="contact-customer-link">
                {c.customerName}
              </Link>
            ),
          },
        ]
      : []),
    { key: 'title', title: t('contact.f.title'), dataIndex: 'title' },
    { key: 'department', title: t('contact.f.department'), dataIndex: 'department' },
    { key: 'mobile', title: t('contact.f.mobile'), render: (_v, c) => <Phone value={c.mobile} /> },
    { key: 'phone', title: t('contact.f.phone'), render: (_v, c) => <Phone value={c.phone} /> },
    {
      key: 'email',
      title: t('contact.f.email'),
      render: (_v, c) => (c.email ? <Typography.Link href={`mailto:${c.email}`}>{c.email}</Typography.Link> : null),
    },
    { key: 'wechat', title: t('contact.f.wechat'), dataIndex: 'wechat' },
    { key: 'birthday', title: t('contact.f.birthday'), render: (_v, c) => formatDate(c.birthday) },
    {
      key: 'updatedAt',
      title: t('contact.f.updatedAt'),
      render: (_v, c) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.updatedAt)}</span>,
    },
    ...(mayEdit || mayDelete
      ? [{ key: 'actions', title: t('common.actions'), fixed: 'right' as const, render: (_v: unknown, c: Contact) => actions(c) }]
      : []),
  ];

  return (
    <Table<Contact>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (count) => t('common.total', { total: count }),
        onChange: onPage,
        hideOnSinglePage: false,
      }}
      data-testid="contact-table"
    />
  );
}
