import { App, Flex, Form, Input, InputNumber, Switch, TreeSelect } from 'antd';
import { fenToYuan, maxLengthOf, productUpdate, yuanToFen, type Product, type ProductCreate, type ProductUpdate } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { useFormRules } from '../../../shared/form/rules';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { YuanInput } from '../../../shared/form/yuan-input';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useProductCategories, useSaveProduct } from '../api';
import { categoryTree } from './category-tree';

const limit = (field: string) => maxLengthOf(productUpdate, field);
const half = { flex: '1 1 200px', minWidth: 0 };

interface Values {
  code: string;
  name: string;
  categoryId: number | null;
  unit: string;
  standardPrice: number | null;
  cost: number | null;
  taxRate: number;
  active: boolean;
  description: string;
}

const labels: Record<string, MessageKey> = {
  code: 'product.f.code',
  name: 'product.f.name',
  categoryId: 'product.f.category',
  unit: 'product.f.unit',
  standardPrice: 'product.f.standardPrice',
  cost: 'product.f.cost',
  taxRate: 'product.f.taxRate',
  description: 'product.f.description',
};

function valuesOf(p: Product | undefined): Values {
  return {
    code: p?.code ?? '',
    name: p?.name ?? '',
    categoryId: p?.categoryId ?? null,
    unit: p?.unit ?? '个',
    standardPrice: p ? fenToYuan(p.standardPrice) : null,
    cost: p?.cost === null || p?.cost === undefined ? null : fenToYuan(p.cost),
    taxRate: p?.taxRate ?? 13,
    active: p?.active ?? true,
    description: p?.description ?? '',
  };
}

/** New product and edit, in a drawer: prices typed in yuan, sent in fen. */
export function ProductFormDrawer({ open, product, onClose }: { open: boolean; product?: Product; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormDrawer<Values> open={open} onClose={onClose} title={product ? t('product.editTitle') : t('product.create')} width={560} testId="product-drawer">
      {(form) => <ProductForm form={form} product={product} onClose={onClose} />}
    </FormDrawer>
  );
}

function ProductForm({ form, product, onClose }: { form: ReturnType<typeof Form.useForm<Values>>[0]; product?: Product; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rules = useFormRules();
  const save = useSaveProduct();
  const categories = useProductCategories();
  const problems = useSaveProblems<Product, Values>(form);
  useFocusOnOpen(form, 'code');

  const submit = (values: Values) => {
    problems.clear();
    const fields = {
      code: values.code,
      name: values.name,
      categoryId: values.categoryId ?? null,
      unit: values.unit,
      standardPrice: yuanToFen(values.standardPrice) ?? 0,
      cost: yuanToFen(values.cost),
      taxRate: values.taxRate,
      active: values.active,
      description: values.description,
    };
    const body: ProductCreate | ProductUpdate = product ? { ...fields, version: product.version } : fields;
    save.mutate(
      { id: product?.id, body },
      {
        onSuccess: (saved) => {
          void message.success(t('product.saved', { name: saved.name }));
          onClose();
        },
        onError: problems.show,
      },
    );
  };

  return (
    <DrawerForm<Values>
      form={form}
      name="product_form"
      initialValues={valuesOf(product)}
      onFinish={submit}
      topRef={problems.topRef}
      errors={{ message: problems.failure, details: problems.details, labelFor: (path) => (labels[path] ? t(labels[path]) : path) }}
      saving={save.isPending}
      saveTestId="product-save"
      onCancel={onClose}
    >
      <Flex gap={16} wrap>
        <Form.Item name="code" label={t('product.f.code')} rules={[rules.required, rules.max(limit('code'))]} style={half}>
          <Input maxLength={limit('code')} autoComplete="off" data-testid="product-code" />
        </Form.Item>
        <Form.Item name="unit" label={t('product.f.unit')} rules={[rules.required, rules.max(limit('unit'))]} style={half}>
          <Input maxLength={limit('unit')} autoComplete="off" />
        </Form.Item>
      </Flex>
      <Form.Item name="name" label={t('product.f.name')} rules={[rules.required, rules.max(limit('name'))]}>
        <Input maxLength={limit('name')} autoComplete="off" data-testid="product-name" />
      </Form.Item>
      <Form.Item name="categoryId" label={t('product.f.category')}>
        <TreeSelect treeData={categoryTree(categories.data?.items ?? [])} allowClear loading={categories.isPending} treeDefaultExpandAll />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="standardPrice" label={t('product.f.standardPrice')} rules={[rules.requiredChoice]} style={half}>
          <YuanInput data-testid="product-price" />
        </Form.Item>
        <Form.Item name="cost" label={t('product.f.cost')} style={half}>
          <YuanInput />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item name="taxRate" label={t('product.f.taxRate')} rules={[rules.requiredChoice]} style={half}>
          <InputNumber<number> min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="active" label={t('product.f.active')} valuePropName="checked" style={half}>
          <Switch />
        </Form.Item>
      </Flex>
      <Form.Item name="description" label={t('product.f.description')} rules={[rules.max(limit('description'))]}>
        <Input.TextArea rows={3} maxLength={limit('description')} />
      </Form.Item>
    </DrawerForm>
  );
}
