import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Select, Skeleton, Table, Tag, type TableProps } from 'antd';
import type { User } from '@crm/contracts';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime, telHref } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { SearchBox } from '../../../shared/layout/search-box';
import { usePermissions } from '../../auth';
import { useDepartments } from '../../departments';
import { useRoles } from '../../roles';
import { useDeleteUser, useUserList } from '../api';
import { UserFormDrawer } from '../components/user-form-drawer';

interface DrawerState {
  open: boolean;
  user?: User;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= 200 ? n : fallback;
}

export function UserListPage() {
  const t = useT();
  useDocumentTitle(t('user.title'));
  const { modal, message } = App.useApp();
  const isMobile = useIsMobile();
  const { can, me } = usePermissions();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const roleId = params.get('roleId') ? Number(params.get('roleId')) : undefined;
  const departmentId = params.get('departmentId') ? Number(params.get('departmentId')) : undefined;
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), 20);
  const list = useUserList({ q: q || undefined, roleId, departmentId, page, pageSize });
  const departments = useDepartments(can('departments.view'));
  const roles = useRoles(can('roles.view'));
  const remove = useDeleteUser();
  const [drawer, setDrawer] = useState<DrawerState>({ open: false });

  const departmentNames = useMemo(
    () => new Map((departments.data ?? []).map((d) => [d.id, d.name])),
    [departments.data],
  );
  const roleNames = useMemo(() => new Map((roles.data ?? []).map((r) => [r.id, r.name])), [roles.data]);

  const setView = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };

  const confirmDelete = (user: User) => {
    void modal.confirm({
      title: t('user.deleteConfirm', { name: user.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'confirm-delete' } },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(user.id).then(
          () => void message.success(t('user.deleted', { name: user.name })),
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });
  };

  const columns: TableProps<User>['columns'] = [
    {
      key: 'name',
      title: t('user.f.name'),
      render: (_v, u) => (
        <Flex gap={6} align="center">
          <span>{u.name}</span>
          {u.id === me?.user.id ? <Tag color="blue">{t('user.you')}</Tag> : null}
        </Flex>
      ),
    },
    { key: 'email', title: t('user.f.email'), dataIndex: 'email' },
    {
      key: 'mobile',
      title: t('user.f.mobile'),
      render: (_v, u) => (u.mobile ? <a href={telHref(u.mobile)}>{u.mobile}</a> : null),
    },
    {
      key: 'department',
      title: t('user.f.departmentId'),
      render: (_v, u) => (u.departmentId === null ? t('common.none') : (departmentNames.get(u.departmentId) ?? t('common.none'))),
    },
    // Role names need roles.view; without it the column is left out rather than showing ids.
    ...(can('roles.view')
      ? [{ key: 'role', title: t('user.f.roleId'), render: (_v: unknown, u: User) => roleNames.get(u.roleId) ?? '' }]
      : []),
    {
      key: 'active',
      title: t('user.f.active'),
      render: (_v, u) =>
        u.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
    },
    {
      key: 'lastLoginAt',
      title: t('user.f.lastLoginAt'),
      render: (_v, u) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(u.lastLoginAt) || t('common.none')}</span>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_v, u) => (
        <Flex gap={4}>
          {can('users.edit') ? (
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              onClick={() => setDrawer({ open: true, user: u })}
              data-testid="user-edit"
            />
          ) : null}
          {can('users.delete') && u.id !== me?.user.id ? (
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              onClick={() => confirmDelete(u)}
              data-testid="user-delete"
            />
          ) : null}
        </Flex>
      ),
    },
  ];

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.total === 0) body = <Empty description={t('user.emptyText')} />;
  else
    body = (
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data.items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data.total,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { total: count }),
          onChange: (p, s) => setView({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }),
        }}
        data-testid="user-table"
      />
    );

  const filterWidth = isMobile ? '100%' : 200;
  return (
    <>
      <PageHeader
        title={t('user.title')}
        extra={
          can('users.create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true })} data-testid="user-create">
              {t('user.create')}
            </Button>
          ) : null
        }
      />
      <Card styles={{ body: { padding: isMobile ? 12 : 24 } }}>
        <Flex gap={8} wrap vertical={isMobile} style={{ marginBottom: 16 }}>
          <SearchBox value={q} onSearch={(value) => setView({ q: value })} placeholder={t('user.searchPlaceholder')} width={isMobile ? '100%' : 260} />
          {departments.data ? (
            <Select
              allowClear
              placeholder={t('user.f.departmentId')}
              aria-label={t('user.f.departmentId')}
              value={departmentId}
              onChange={(value: number | undefined) => setView({ departmentId: value })}
              options={departments.data.map((d) => ({ value: d.id, label: d.name }))}
              style={{ width: filterWidth }}
            />
          ) : null}
          {roles.data ? (
            <Select
              allowClear
              placeholder={t('user.f.roleId')}
              aria-label={t('user.f.roleId')}
              value={roleId}
              onChange={(value: number | undefined) => setView({ roleId: value })}
              options={roles.data.map((r) => ({ value: r.id, label: r.name }))}
              style={{ width: filterWidth }}
            />
          ) : null}
        </Flex>
        {body}
      </Card>
      <UserFormDrawer
        open={drawer.open}
        user={drawer.user}
        departments={departments.data ?? []}
        roles={roles.data ?? []}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </>
  );
}
