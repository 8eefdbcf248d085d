import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { contactRoles, forecastCategories, maxLengthOf, opportunityUpdate, type Opportunity } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { useFormRules } from '../../../shared/form/rules';
import type { UserOption } from '../../users';
import { useCustomerContactOptions } from '../api';
import { forecastCategoryLabels } from './deal-format';
import { CustomerSelect } from './deal-pickers';

/** A field's length limit, from the shared schema the server validates with. */
const limit = (field: string) => maxLengthOf(opportunityUpdate, field);

type Option<V> = { value: V; label: string };

/** The choices the deal form offers, worked out from the pipelines, settings and permissions. */
export interface DealChoices {
  pipelines: Option<number>[];
  stages: Option<number>[];
  currencies: string[];
  owners: { options: UserOption[]; loading: boolean; editable: boolean };
  sources: { options: Option<string>[]; loading: boolean };
}

const half = { flex: '1 1 220px', minWidth: 0 };

/** Name, customer, pipeline and stage. A closed deal keeps its pipeline and stage here. */
export function DealPlaceFields({ choices, editing, customer }: { choices: DealChoices; editing?: Opportunity; customer?: { id: number; name: string } }) {
  const t = useT();
  const rules = useFormRules();
  const closed = editing?.status !== undefined && editing.status !== 'open';
  return (
    <>
      <Form.Item name="name" label={t('opp.f.name')} rules={[rules.required, rules.max(limit('name'))]}>
        <Input maxLength={limit('name')} autoComplete="off" placeholder={t('opp.namePlaceholder')} data-testid="deal-name" />
      </Form.Item>
      <Form.Item name="customerId" label={t('opp.f.customer')} rules={[rules.requiredChoice]}>
        <CustomerSelect
          initial={editing ? { id: editing.customerId, name: editing.customerName } : customer}
          disabled={Boolean(editing) || Boolean(customer)}
          placeholder={t('opp.chooseCustomer')}
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="pipelineId" label={t('opp.f.pipeline')} rules={[rules.requiredChoice]} style={half}>
          <Select options={choices.pipelines} disabled={closed} data-testid="deal-pipeline" />
        </Form.Item>
        <Form.Item name="stageId" label={t('opp.f.stage')} rules={[rules.requiredChoice]} style={half}>
          <Select options={choices.stages} disabled={closed} data-testid="deal-stage" />
        </Form.Item>
      </Flex>
    </>
  );
}

/** Amount and currency, probability, expected close date and forecast category. */
export function DealForecastFields({ currencies }: { currencies: string[] }) {
  const t = useT();
  const rules = useFormRules();
  return (
    <>
      <Flex gap={16} wrap>
        <Form.Item label={t('opp.f.amount')} required style={half}>
          <Flex gap={0}>
            <Form.Item name="amount" noStyle rules={[rules.requiredChoice]}>
              <InputNumber<number> min={0} max={1e13} precision={2} style={{ flex: 1 }} placeholder={t('opp.amountHint')} data-testid="deal-amount" />
            </Form.Item>
            <Form.Item name="currency" noStyle>
              <Select options={currencies.map((c) => ({ value: c, label: c }))} style={{ width: 90 }} aria-label={t('opp.f.currency')} data-testid="deal-currency" />
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item name="probability" label={t('opp.f.probability')} extra={t('opp.probabilityHint')} style={half}>
          <InputNumber<number> min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} data-testid="deal-probability" />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item name="expectedCloseDate" label={t('opp.f.expectedCloseDate')} rules={[rules.requiredChoice]} style={half}>
          <DatePicker style={{ width: '100%' }} data-testid="deal-close-date" />
        </Form.Item>
        <Form.Item name="forecastCategory" label={t('opp.f.forecastCategory')} extra={t('opp.forecastCategoryHint')} style={half}>
          <Select options={forecastCategories.map((c) => ({ value: c, label: t(forecastCategoryLabels[c]) }))} data-testid="deal-forecast-category" />
        </Form.Item>
      </Flex>
    </>
  );
}

/** Owner and source. */
export function DealOwnerFields({ owners, sources }: Pick<DealChoices, 'owners' | 'sources'>) {
  const t = useT();
  return (
    <Flex gap={16} wrap>
      <Form.Item name="ownerId" label={t('opp.f.owner')} style={half}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={owners.options}
          loading={owners.loading}
          disabled={!owners.editable}
          data-testid="deal-owner"
        />
      </Form.Item>
      <Form.Item name="source" label={t('opp.f.source')} style={half}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={sources.options} loading={sources.loading} data-testid="deal-source" />
      </Form.Item>
    </Flex>
  );
}

/** The customer's contacts on the deal, each with a role; a customer has to be chosen first. */
export function DealContactsField({ customerId }: { customerId: number | undefined }) {
  const t = useT();
  const contacts = useCustomerContactOptions(customerId);
  const options = (contacts.data ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }));
  return (
    <Form.Item label={t('opp.f.contacts')} extra={customerId === undefined ? t('opp.contactsFirstCustomer') : undefined}>
      <Form.List name="contacts">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <DealContactRow key={field.key} name={field.name} options={options} loading={contacts.isFetching} onRemove={() => remove(field.name)} />
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              disabled={customerId === undefined || fields.length >= 50}
              onClick={() => add({ role: 'decision_maker' })}
              data-testid="deal-add-contact"
            >
              {t('opp.addContact')}
            </Button>
            {customerId !== undefined && contacts.data?.length === 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('opp.noContacts')}
              </Typography.Text>
            ) : null}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

function DealContactRow({ name, options, loading, onRemove }: { name: number; options: Option<number>[]; loading: boolean; onRemove: () => void }) {
  const t = useT();
  const rules = useFormRules();
  return (
    <Flex gap={8} align="start">
      <Form.Item name={[name, 'contactId']} noStyle rules={[rules.requiredChoice]}>
        <Select
          placeholder={t('opp.chooseContact')}
          aria-label={t('opp.chooseContact')}
          showSearch={{ optionFilterProp: 'label' }}
          loading={loading}
          options={options}
          style={{ flex: 2, minWidth: 0 }}
        />
      </Form.Item>
      <Form.Item name={[name, 'role']} noStyle rules={[rules.requiredChoice]}>
        <Select
          placeholder={t('opp.f.role')}
          aria-label={t('opp.f.role')}
          options={contactRoles.map((r) => ({ value: r, label: t(`opp.role.${r}`) }))}
          style={{ flex: 1, minWidth: 0 }}
        />
      </Form.Item>
      <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={onRemove} />
    </Flex>
  );
}

/** Competitors, next step and description. */
export function DealNoteFields() {
  const t = useT();
  const rules = useFormRules();
  return (
    <>
      <Form.Item name="competitors" label={t('opp.f.competitors')} extra={t('opp.competitorsHint')} rules={[rules.tags(20, 60)]}>
        <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} data-testid="deal-competitors" />
      </Form.Item>
      <Form.Item name="nextStep" label={t('opp.f.nextStep')} rules={[rules.max(limit('nextStep'))]}>
        <Input maxLength={limit('nextStep')} placeholder={t('opp.nextStepHint')} data-testid="deal-next-step" />
      </Form.Item>
      <Form.Item name="description" label={t('opp.f.description')} rules={[rules.max(limit('description'))]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={limit('description')} />
      </Form.Item>
    </>
  );
}
