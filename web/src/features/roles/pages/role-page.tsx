import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Skeleton, Table, Tag, Typography, type TableProps } from 'antd';
import type { Role } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useDeleteRole, useRoles } from '../api';
import { RoleFormDrawer } from '../components/role-form-drawer';

interface DrawerState {
  open: boolean;
  role?: Role;
}

export function RolePage() {
  const t = useT();
  useDocumentTitle(t('role.title'));
  const { modal, message } = App.useApp();
  const { can } = usePermissions();
  const roles = useRoles();
  const remove = useDeleteRole();
  const [drawer, setDrawer] = useState<DrawerState>({ open: false });

  const confirmDelete = (role: Role) => {
    void modal.confirm({
      title: t('role.deleteConfirm', { name: role.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'confirm-delete' } },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(role.id).then(
          () => void message.success(t('role.deleted', { name: role.name })),
          (error: unknown) => void message.error({ content: errorMessage(error, t), duration: 6 }),
        ),
    });
  };

  const columns: TableProps<Role>['columns'] = [
    {
      key: 'name',
      title: t('role.f.name'),
      render: (_v, r) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong>{r.name}</Typography.Text>
          {r.builtIn ? <Tag color="purple">{t('common.builtIn')}</Tag> : null}
        </Flex>
      ),
    },
    { key: 'key', title: t('role.f.key'), render: (_v, r) => <Typography.Text code>{r.key}</Typography.Text> },
    { key: 'description', title: t('role.f.description'), dataIndex: 'description' },
    { key: 'dataScope', title: t('role.f.dataScope'), render: (_v, r) => t(`scope.${r.dataScope}`) },
    { key: 'permissions', title: t('role.permissions'), render: (_v, r) => t('role.permissionCount', { count: r.permissions.length }) },
    { key: 'userCount', title: t('role.users'), dataIndex: 'userCount', align: 'right' },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_v, r) => (
        <Flex gap={4}>
          {can('roles.edit') ? (
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              onClick={() => setDrawer({ open: true, role: r })}
              data-testid="role-edit"
            />
          ) : null}
          {can('roles.delete') && !r.builtIn ? (
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              onClick={() => confirmDelete(r)}
              data-testid="role-delete"
            />
          ) : null}
        </Flex>
      ),
    },
  ];

  let body;
  if (roles.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (roles.isError) body = <QueryErrorResult error={roles.error} onRetry={() => void roles.refetch()} />;
  else if (roles.data.length === 0) body = <Empty description={t('role.emptyText')} />;
  else
    body = (
      <Table<Role>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={roles.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="role-table"
      />
    );

  return (
    <>
      <PageHeader
        title={t('role.title')}
        subTitle={t('role.emptyText')}
        extra={
          can('roles.create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true })} data-testid="role-create">
              {t('role.create')}
            </Button>
          ) : null
        }
      />
      <Card>{body}</Card>
      <RoleFormDrawer open={drawer.open} role={drawer.role} onClose={() => setDrawer((d) => ({ ...d, open: false }))} />
    </>
  );
}
