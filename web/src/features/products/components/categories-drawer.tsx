import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Empty, Flex, Form, Input, Popconfirm, Skeleton, Tree, TreeSelect, Typography } from 'antd';
import { maxLengthOf, productCategoryCreate } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useFormRules } from '../../../shared/form/rules';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { useDeleteCategory, useProductCategories, useSaveCategory } from '../api';
import { categoryTree } from './category-tree';

const nameMax = maxLengthOf(productCategoryCreate, 'name');

/** The category tree: add a category under another, delete an empty one. */
export function CategoriesDrawer({ open, editable, onClose }: { open: boolean; editable: boolean; onClose: () => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const rules = useFormRules();
  const categories = useProductCategories(open);
  const save = useSaveCategory();
  const remove = useDeleteCategory();
  const [form] = Form.useForm<{ name: string; parentId: number | null }>();
  const items = categories.data?.items ?? [];
  const tree = categoryTree(items);

  const add = (values: { name: string; parentId: number | null }) => {
    save.mutate(
      { body: { name: values.name, parentId: values.parentId ?? null } },
      { onSuccess: () => form.resetFields(), onError: (error) => void message.error(errorMessage(error, t)) },
    );
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('product.categories')} size={isMobile ? '100%' : 480} data-testid="categories-drawer">
      {categories.isPending ? (
        <Skeleton active />
      ) : tree.length === 0 ? (
        <Empty description={t('product.categoryEmpty')} />
      ) : (
        <Tree
          treeData={tree}
          defaultExpandAll
          selectable={false}
          titleRender={(node) => {
            const category = items.find((c) => c.id === node.value);
            return (
              <Flex gap={8} align="center">
                <span>{node.title}</span>
                <Typography.Text type="secondary">({category?.productCount ?? 0})</Typography.Text>
                {editable ? (
                  <Popconfirm
                    title={t('product.categoryDeleteConfirm', { name: String(node.title) })}
                    onConfirm={() => remove.mutate(node.value, { onError: (error) => void message.error(errorMessage(error, t)) })}
                  >
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                ) : null}
              </Flex>
            );
          }}
        />
      )}
      {editable ? (
        <Form form={form} layout="vertical" onFinish={add} style={{ marginTop: 24 }}>
          <Form.Item name="name" label={t('product.categoryName')} rules={[rules.required, rules.max(nameMax)]}>
            <Input maxLength={nameMax} autoComplete="off" data-testid="category-name" />
          </Form.Item>
          <Form.Item name="parentId" label={t('product.categoryParent')}>
            <TreeSelect treeData={tree} allowClear placeholder={t('product.categoryTop')} treeDefaultExpandAll />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={save.isPending}>
            {t('product.categoryCreate')}
          </Button>
        </Form>
      ) : null}
    </Drawer>
  );
}
