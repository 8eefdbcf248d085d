import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Select, Skeleton, Switch, type FormInstance } from 'antd';
import { fenToYuan, maxLengthOf, priceListUpdate, yuanToFen, type CustomerCategory, type PriceList, type PriceListCreate, type PriceListUpdate } from '@crm/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { useEnumOptions } from '../../../shared/enums/customer-enums';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { useFormRules } from '../../../shared/form/rules';
import { toNamePath } from '../../../shared/form/server-errors';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { YuanInput } from '../../../shared/form/yuan-input';
import { useRegionOptions } from '../../../shared/region/region-data';
import { usePriceList, useSavePriceList } from '../api';
import { ProductSelect } from './product-select';

const limit = (field: string) => maxLengthOf(priceListUpdate, field);
const half = { flex: '1 1 200px', minWidth: 0 };

interface Values {
  name: string;
  customerCategory: CustomerCategory | null;
  province: string | null;
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
  active: boolean;
  items: Array<{ productId?: number; price: number | null }>;
}

const labels: Record<string, MessageKey> = {
  name: 'priceList.f.name',
  customerCategory: 'priceList.f.customerCategory',
  province: 'priceList.f.province',
  validFrom: 'priceList.f.validFrom',
  validTo: 'priceList.f.validTo',
  items: 'priceList.f.items',
};

function labelFor(t: (key: MessageKey) => string, path: string): string {
  const key = labels[path.split('.')[0] ?? ''];
  return key ? t(key) : path;
}

function valuesOf(list: PriceList | undefined): Values {
  return {
    name: list?.name ?? '',
    customerCategory: list?.customerCategory ?? null,
    province: list?.province ?? null,
    validFrom: list?.validFrom ? dayjs(list.validFrom) : null,
    validTo: list?.validTo ? dayjs(list.validTo) : null,
    active: list?.active ?? true,
    items: (list?.items ?? []).map((i) => ({ productId: i.productId, price: fenToYuan(i.price) })),
  };
}

/** New price list and edit: who it is for, when it is valid, and its prices in yuan. */
export function PriceListDrawer({ open, id, onClose }: { open: boolean; id?: number; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <FormDrawer<Values> open={open} onClose={onClose} title={id ? t('priceList.editTitle') : t('priceList.create')} width={640} testId="price-list-drawer">
      {(form) => <PriceListLoader form={form} id={id} onClose={onClose} />}
    </FormDrawer>
  );
}

function PriceListLoader({ form, id, onClose }: { form: FormInstance<Values>; id?: number; onClose: () => void }) {
  const list = usePriceList(id);
  if (id !== undefined && list.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <PriceListForm form={form} list={list.data} onClose={onClose} />;
}

function PriceListForm({ form, list, onClose }: { form: FormInstance<Values>; list?: PriceList; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rules = useFormRules();
  const save = useSavePriceList();
  const categories = useEnumOptions('category');
  const regions = useRegionOptions();
  const problems = useSaveProblems<PriceList, Values>(form, toNamePath);

  /** The product a saved row names, shown before any search. */
  const initialProduct = (row: number) => {
    const productId: unknown = form.getFieldValue(['items', row, 'productId']);
    const item = list?.items.find((i) => i.productId === productId);
    return item ? { id: item.productId, code: item.productCode, name: item.productName } : undefined;
  };

  const submit = (values: Values) => {
    problems.clear();
    const fields = {
      name: values.name,
      customerCategory: values.customerCategory ?? null,
      province: values.province ?? null,
      validFrom: values.validFrom ? values.validFrom.format('YYYY-MM-DD') : null,
      validTo: values.validTo ? values.validTo.format('YYYY-MM-DD') : null,
      active: values.active,
      items: values.items.filter((i) => i.productId !== undefined).map((i) => ({ productId: i.productId ?? 0, price: yuanToFen(i.price) ?? 0 })),
    };
    const body: PriceListCreate | PriceListUpdate = list ? { ...fields, version: list.version } : fields;
    save.mutate(
      { id: list?.id, body },
      {
        onSuccess: (saved) => {
          void message.success(t('priceList.saved', { name: saved.name }));
          onClose();
        },
        onError: problems.show,
      },
    );
  };

  return (
    <DrawerForm<Values>
      form={form}
      name="price_list_form"
      initialValues={valuesOf(list)}
      onFinish={submit}
      topRef={problems.topRef}
      errors={{ message: problems.failure, details: problems.details, labelFor: (path) => labelFor(t, path) }}
      saving={save.isPending}
      saveTestId="price-list-save"
      onCancel={onClose}
    >
      <Form.Item name="name" label={t('priceList.f.name')} rules={[rules.required, rules.max(limit('name'))]}>
        <Input maxLength={limit('name')} autoComplete="off" data-testid="price-list-name" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="customerCategory" label={t('priceList.f.customerCategory')} style={half}>
          <Select options={categories} allowClear placeholder={t('priceList.anyCustomer')} />
        </Form.Item>
        <Form.Item name="province" label={t('priceList.f.province')} style={half}>
          <Select
            options={(regions.data ?? []).map((r) => ({ value: r.value, label: r.label }))}
            loading={regions.isPending}
            allowClear
            showSearch
            placeholder={t('priceList.anyCustomer')}
          />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item name="validFrom" label={t('priceList.f.validFrom')} style={half}>
          <DatePicker style={{ width: '100%' }} placeholder={t('priceList.always')} />
        </Form.Item>
        <Form.Item name="validTo" label={t('priceList.f.validTo')} style={half}>
          <DatePicker style={{ width: '100%' }} placeholder={t('priceList.always')} />
        </Form.Item>
      </Flex>
      <Form.Item name="active" label={t('priceList.f.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item label={t('priceList.f.items')}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map(({ key, name }) => (
                <Flex key={key} gap={8} wrap align="start">
                  <div style={{ flex: '2 1 240px', minWidth: 0 }}>
                    <Form.Item name={[name, 'productId']} noStyle rules={[rules.requiredChoice]}>
                      <ProductSelect initial={initialProduct(name)} placeholder={t('priceList.product')} aria-label={t('priceList.product')} />
                    </Form.Item>
                  </div>
                  <div style={{ flex: '1 1 140px' }}>
                    <Form.Item name={[name, 'price']} noStyle rules={[rules.requiredChoice]}>
                      <YuanInput aria-label={t('priceList.price')} />
                    </Form.Item>
                  </div>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ price: null })} style={{ alignSelf: 'flex-start' }}>
                {t('priceList.addItem')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
    </DrawerForm>
  );
}
