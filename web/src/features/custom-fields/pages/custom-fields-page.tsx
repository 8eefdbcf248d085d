import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Popconfirm, Skeleton, Table, Tabs, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import {
  customFieldEntities,
  useCustomFields,
  useDeactivateCustomField,
  useReorderCustomFields,
  useUpdateCustomField,
  type CustomField,
  type CustomFieldEntity,
} from '../api';
import { CustomFieldDrawer } from '../components/custom-field-drawer';
import { customFieldLabel, optionLabel } from '../components/custom-field-values';

interface DrawerState {
  open: boolean;
  field?: CustomField;
}

/** Administration of custom fields (自定义字段), one tab per entity. */
export function CustomFieldsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('customField.title'));
  const [entity, setEntity] = useState<CustomFieldEntity>('customer');
  const [drawer, setDrawer] = useState<DrawerState>({ open: false });
  const { can } = usePermissions();
  const editable = can('settings.edit');

  return (
    <>
      <PageHeader
        title={t('customField.title')}
        subTitle={t('customField.subtitle')}
        extra={
          editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true })} data-testid="custom-field-create">
              {t('customField.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Tabs
          activeKey={entity}
          onChange={(key) => setEntity(key as CustomFieldEntity)}
          items={customFieldEntities.map((value) => ({
            key: value,
            label: <span data-testid={`custom-field-tab-${value}`}>{t(`customField.entity.${value}`)}</span>,
            children: value === entity ? <FieldTable entity={value} editable={editable} onEdit={(field) => setDrawer({ open: true, field })} onCreate={() => setDrawer({ open: true })} /> : null,
          }))}
        />
      </Card>
      <CustomFieldDrawer open={drawer.open} entity={entity} field={drawer.field} onClose={() => setDrawer({ open: false })} />
    </>
  );
}

function FieldTable({
  entity,
  editable,
  onEdit,
  onCreate,
}: {
  entity: CustomFieldEntity;
  editable: boolean;
  onEdit: (field: CustomField) => void;
  onCreate: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const query = useCustomFields(entity, true);
  const reorder = useReorderCustomFields();
  const deactivate = useDeactivateCustomField();
  const update = useUpdateCustomField();

  if (query.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const fields = query.data;
  if (fields.length === 0) {
    return (
      <Empty description={t('customField.empty')} data-testid="custom-field-empty">
        {editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
            {t('customField.create')}
          </Button>
        ) : null}
      </Empty>
    );
  }

  const move = (index: number, delta: number) => {
    const ids = fields.map((f) => f.id);
    const target = index + delta;
    if (target < 0 || target >= ids.length) return;
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(target, 0, moved);
    reorder.mutate(
      { entity, ids },
      { onError: (error) => void message.error(errorMessage(error, t)) },
    );
  };

  const columns: TableProps<CustomField>['columns'] = [
    {
      key: 'label',
      title: t('customField.f.label'),
      render: (_v, field) => (
        <Flex vertical>
          <span>
            {customFieldLabel(field, locale)}
            {field.required ? <Tag color="red" style={{ marginInlineStart: 8 }}>{t('customField.f.required')}</Tag> : null}
          </span>
          <code style={{ fontSize: 12, color: '#888' }}>custom.{field.key}</code>
        </Flex>
      ),
    },
    { key: 'type', title: t('customField.f.type'), render: (_v, field) => t(`customField.type.${field.type}`) },
    {
      key: 'options',
      title: t('customField.f.options'),
      responsive: ['md'],
      render: (_v, field) =>
        field.options.length > 0 ? (
          <Flex wrap gap={4}>
            {field.options.map((o) => (
              <Tag key={o.value}>{optionLabel(o, locale)}</Tag>
            ))}
          </Flex>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'active',
      title: t('customField.f.active'),
      render: (_v, field) =>
        field.active ? <Tag color="green">{t('customField.active')}</Tag> : <Tag>{t('customField.inactive')}</Tag>,
    },
  ];
  if (editable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_v, field, index) => (
        <Flex gap={4} wrap>
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={t('customField.moveUp')}
            disabled={index === 0 || reorder.isPending}
            onClick={() => move(index, -1)}
            data-testid={`custom-field-up-${field.key}`}
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={t('customField.moveDown')}
            disabled={index === fields.length - 1 || reorder.isPending}
            onClick={() => move(index, 1)}
            data-testid={`custom-field-down-${field.key}`}
          />
          <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(field)} data-testid={`custom-field-edit-${field.key}`}>
            {isMobile ? null : t('common.edit')}
          </Button>
          {field.active ? (
            <Popconfirm
              title={t('customField.deactivateConfirm', { name: customFieldLabel(field, locale) })}
              description={t('customField.deactivateText')}
              okText={t('customField.deactivate')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                deactivate.mutateAsync(field).then(
                  () => void message.success(t('customField.deactivated', { name: customFieldLabel(field, locale) })),
                  (error: unknown) => void message.error(errorMessage(error, t)),
                )
              }
            >
              <Button size="small" danger icon={<StopOutlined />} data-testid={`custom-field-deactivate-${field.key}`}>
                {isMobile ? null : t('customField.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              size="small"
              onClick={() =>
                update.mutate(
                  { id: field.id, body: { version: field.version, active: true } },
                  { onError: (error) => void message.error(errorMessage(error, t)) },
                )
              }
            >
              {t('customField.reactivate')}
            </Button>
          )}
        </Flex>
      ),
    });
  }

  return (
    <Table<CustomField>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={fields}
      pagination={false}
      loading={query.isFetching || reorder.isPending}
      scroll={{ x: 'max-content' }}
      rowClassName={(field) => (field.active ? '' : 'row-inactive')}
      data-testid="custom-field-table"
    />
  );
}
