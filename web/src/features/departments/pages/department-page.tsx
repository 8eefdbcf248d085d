import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Skeleton, Tooltip, Tree, Typography } from 'antd';
import type { Department } from '@crm/contracts';
import { useMemo, useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useUserOptions } from '../../users';
import { useDeleteDepartment, useDepartments } from '../api';
import { DepartmentFormModal, type DepartmentDialog } from '../components/department-form-modal';
import { buildDepartmentTree, type DepartmentNode } from '../components/department-tree';

export function DepartmentPage() {
  const t = useT();
  useDocumentTitle(t('department.title'));
  const { modal, message } = App.useApp();
  const { can } = usePermissions();
  const departments = useDepartments();
  const remove = useDeleteDepartment();
  const [dialog, setDialog] = useState<DepartmentDialog | null>(null);
  const tree = useMemo(() => buildDepartmentTree(departments.data ?? []), [departments.data]);
  const users = useUserOptions();
  const userNames = useMemo(() => new Map(users.options.map((o) => [o.value, o.label])), [users.options]);

  const confirmDelete = (department: Department) => {
    void modal.confirm({
      title: t('department.deleteConfirm', { name: department.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'confirm-delete' } },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(department.id).then(
          () => void message.success(t('department.deleted', { name: department.name })),
          // The server refuses (409) while the department has sub-departments or users.
          (error: unknown) => void message.error({ content: errorMessage(error, t), duration: 6 }),
        ),
    });
  };

  const renderTitle = (node: DepartmentNode) => {
    const d = node.department;
    return (
      <Flex align="center" gap={8} wrap data-testid="department-node">
        <Typography.Text strong>{d.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {d.userCount === 1 ? t('department.oneUser') : t('department.users', { count: d.userCount })}
        </Typography.Text>
        {d.managerId !== null ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="department-manager-name">
            {t('department.managerLabel', { name: userNames.get(d.managerId) ?? `#${d.managerId}` })}
          </Typography.Text>
        ) : null}
        <Flex gap={0} onClick={(event) => event.stopPropagation()}>
          {can('departments.create') ? (
            <Tooltip title={t('department.addChild')}>
              <Button
                size="small"
                type="text"
                icon={<PlusOutlined />}
                aria-label={t('department.addChild')}
                onClick={() => setDialog({ mode: 'create', parentId: d.id })}
                data-testid="department-add-child"
              />
            </Tooltip>
          ) : null}
          {can('departments.edit') ? (
            <Tooltip title={t('department.rename')}>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={t('department.rename')}
                onClick={() => setDialog({ mode: 'edit', department: d })}
                data-testid="department-rename"
              />
            </Tooltip>
          ) : null}
          {can('departments.delete') ? (
            <Tooltip title={t('common.delete')}>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => confirmDelete(d)}
                data-testid="department-delete"
              />
            </Tooltip>
          ) : null}
        </Flex>
      </Flex>
    );
  };

  let body;
  if (departments.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (departments.isError)
    body = <QueryErrorResult error={departments.error} onRetry={() => void departments.refetch()} />;
  else if (tree.length === 0) body = <Empty description={t('department.emptyText')} />;
  else
    body = (
      <Tree<DepartmentNode>
        treeData={tree}
        defaultExpandAll
        blockNode
        selectable={false}
        titleRender={renderTitle}
        data-testid="department-tree"
      />
    );

  return (
    <>
      <PageHeader
        title={t('department.title')}
        subTitle={t('department.emptyText')}
        extra={
          can('departments.create') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ mode: 'create', parentId: null })}
              data-testid="department-create"
            >
              {t('department.create')}
            </Button>
          ) : null
        }
      />
      <Card>{body}</Card>
      <DepartmentFormModal dialog={dialog} departments={departments.data ?? []} onClose={() => setDialog(null)} />
    </>
  );
}
