import { Col, Collapse, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { customerUpdate, maxLengthOf } from '@crm/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useFormRules } from '../../../shared/form/rules';
import { YuanInput } from '../../../shared/form/yuan-input';
import { RegionCascader } from '../../../shared/region/region-cascader';
import { useEnumOptions } from '../../../shared/enums/customer-enums';
import { useCustomerLists } from './customer-lists';
import { fieldLabel } from './customer-fields';
import { PUBLIC_POOL } from './customer-form-model';

const half = { xs: 24, md: 12 } as const;
const full = { xs: 24 } as const;
/** A field's length limit, from the shared schema the server validates with. */
const limit = (...path: string[]) => maxLengthOf(customerUpdate, ...path);

interface CoreFieldsProps {
  ownerOptions: { value: number | string; label: string }[];
  ownersLoading: boolean;
  ownerEditable: boolean;
  /** The record's stored industry and source: offered even when switched off. */
  current?: { industry: string | null; source: string | null };
}

export function CustomerCoreFields({ ownerOptions, ownersLoading, ownerEditable, current }: CoreFieldsProps) {
  const { t } = useI18n();
  const rules = useFormRules();
  const label = (path: string) => fieldLabel(t, 'customer', path);
  const kindOptions = useEnumOptions('kind');
  const categoryOptions = useEnumOptions('category');
  const statusOptions = useEnumOptions('status');
  const lifecycleOptions = useEnumOptions('lifecycle');
  const lists = useCustomerLists();

  return (
    <Row gutter={16}>
      <Col {...full}>
        <Form.Item name="kind" label={label('kind')} tooltip={t('customer.kindHint')} rules={[rules.requiredChoice]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={kindOptions} />
        </Form.Item>
      </Col>
      <Col {...full}>
        <Form.Item name="name" label={label('name')} rules={[rules.required, rules.max(limit('name'))]}>
          <Input maxLength={limit('name')} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="category" label={label('category')} tooltip={t('customer.categoryHint')} rules={[rules.requiredChoice]}>
          <Select options={categoryOptions} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="status" label={label('status')} rules={[rules.requiredChoice]}>
          <Select options={statusOptions} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="lifecycleStage" label={label('lifecycleStage')} rules={[rules.requiredChoice]}>
          <Select options={lifecycleOptions} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="ownerId" label={label('ownerId')} rules={[rules.requiredChoice]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={ownersLoading}
            disabled={!ownerEditable}
            options={[{ value: PUBLIC_POOL, label: t('customer.publicPool') }, ...ownerOptions]}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="industry" label={label('industry')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={lists.loading}
            placeholder={t('customer.industryPlaceholder')}
            options={lists.industryOptions(current?.industry)}
            data-testid="customer-industry"
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="source" label={label('source')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={lists.loading}
            placeholder={t('customer.sourcePlaceholder')}
            options={lists.sourceOptions(current?.source)}
            data-testid="customer-source"
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="phone" label={label('phone')} rules={[rules.phone]}>
          <Input type="tel" inputMode="tel" maxLength={limit('phone')} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="mobile" label={label('mobile')} rules={[rules.mobile]}>
          <Input type="tel" inputMode="tel" maxLength={limit('mobile')} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="email" label={label('email')} rules={[rules.email]}>
          <Input inputMode="email" maxLength={limit('email')} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="website" label={label('website')} rules={[rules.max(limit('website'))]}>
          <Input inputMode="url" maxLength={limit('website')} placeholder="https://" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="region" label={label('region')}>
          <RegionCascader />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="address" label={label('address')} rules={[rules.max(limit('address'))]}>
          <Input maxLength={limit('address')} />
        </Form.Item>
      </Col>
      <Col {...full}>
        <Form.Item name="tags" label={label('tags')} rules={[rules.tags(20, 30)]}>
          <Select mode="tags" tokenSeparators={[',', '，']} placeholder={t('customer.tagsPlaceholder')} open={false} suffixIcon={null} />
        </Form.Item>
      </Col>
      <Col {...full}>
        <Form.Item name="notes" label={label('notes')} rules={[rules.max(limit('notes'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={limit('notes')} showCount />
        </Form.Item>
      </Col>
    </Row>
  );
}

function TextField({ path, multiline = false, disabled = false, extra }: {
  path: [string, string];
  multiline?: boolean;
  disabled?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const rules = useFormRules();
  const max = limit(...path);
  return (
    <Col {...(multiline ? full : half)}>
      <Form.Item name={path} label={fieldLabel(t, 'customer', path.join('.'))} rules={[rules.max(max)]} extra={extra}>
        {multiline ? (
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={max} disabled={disabled} />
        ) : (
          <Input maxLength={max} disabled={disabled} />
        )}
      </Form.Item>
    </Col>
  );
}

function DateField({ path }: { path: [string, string] }) {
  const { t } = useI18n();
  return (
    <Col {...half}>
      <Form.Item name={path} label={fieldLabel(t, 'customer', path.join('.'))}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
}

/** Person archive (个人客户档案) in collapsible groups; sensitive fields read-only when masked. */
export function PersonFields({ sensitiveEditable }: { sensitiveEditable: boolean }) {
  const { t } = useI18n();
  const rules = useFormRules();
  const genderOptions = useEnumOptions('gender');
  const maritalOptions = useEnumOptions('marital');
  const label = (key: string) => fieldLabel(t, 'customer', `person.${key}`);
  const masked = sensitiveEditable ? undefined : t('common.masked');

  const basic = (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name={['person', 'gender']} label={label('gender')}>
          <Select options={genderOptions} allowClear />
        </Form.Item>
      </Col>
      <DateField path={['person', 'birthday']} />
      <TextField path={['person', 'idCardNumber']} disabled={!sensitiveEditable} extra={masked} />
      <TextField path={['person', 'wechat']} />
      <TextField path={['person', 'qq']} />
      <TextField path={['person', 'preferredChannel']} />
      <TextField path={['person', 'homeAddress']} multiline />
      <TextField path={['person', 'preferences']} multiline />
    </Row>
  );
  const career = (
    <Row gutter={16}>
      <TextField path={['person', 'employer']} />
      <TextField path={['person', 'employerType']} />
      <TextField path={['person', 'jobTitle']} />
      <Col {...half}>
        <Form.Item name={['person', 'annualIncome']} label={label('annualIncome')} rules={[rules.range(0, 1e11)]}>
          <YuanInput />
        </Form.Item>
      </Col>
      <TextField path={['person', 'careerGoals']} multiline />
    </Row>
  );
  const family = (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name={['person', 'maritalStatus']} label={label('maritalStatus')}>
          <Select options={maritalOptions} allowClear />
        </Form.Item>
      </Col>
      <DateField path={['person', 'weddingAnniversary']} />
      <TextField path={['person', 'spouseName']} />
      <DateField path={['person', 'spouseBirthday']} />
      <TextField path={['person', 'children']} multiline />
      <TextField path={['person', 'hobbies']} multiline />
    </Row>
  );
  const life = (
    <Row gutter={16}>
      <TextField path={['person', 'education']} />
      <TextField path={['person', 'favoriteSports']} />
      <TextField path={['person', 'schools']} multiline />
      <TextField path={['person', 'clubs']} multiline />
      <TextField path={['person', 'topics']} multiline />
      <TextField path={['person', 'media']} multiline />
      <TextField path={['person', 'health']} multiline disabled={!sensitiveEditable} extra={masked} />
    </Row>
  );

  return (
    <>
      <Divider titlePlacement="start">{t('customer.sectionPerson')}</Divider>
      <Collapse
        defaultActiveKey={['basic']}
        items={[
          { key: 'basic', label: t('customer.sectionPersonBasic'), children: basic, forceRender: true },
          { key: 'career', label: t('customer.sectionPersonCareer'), children: career, forceRender: true },
          { key: 'family', label: t('customer.sectionPersonFamily'), children: family, forceRender: true },
          { key: 'life', label: t('customer.sectionPersonLife'), children: life, forceRender: true },
        ]}
      />
    </>
  );
}

/** Organisation archive (企业客户档案). */
export function OrganizationFields() {
  const { t } = useI18n();
  const rules = useFormRules();
  const ownershipOptions = useEnumOptions('ownership');
  const scaleOptions = useEnumOptions('scale');
  const creditOptions = useEnumOptions('credit');
  const label = (key: string) => fieldLabel(t, 'customer', `organization.${key}`);

  const business = (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name={['organization', 'ownership']} label={label('ownership')}>
          <Select options={ownershipOptions} allowClear />
        </Form.Item>
      </Col>
      <TextField path={['organization', 'creditCode']} />
      <TextField path={['organization', 'legalRepresentative']} />
      <TextField path={['organization', 'country']} />
      <TextField path={['organization', 'postcode']} />
      <Col {...half}>
        <Form.Item name={['organization', 'foundedYear']} label={label('foundedYear')} rules={[rules.range(1800, 2100)]}>
          <InputNumber<number> min={1800} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={['organization', 'employees']} label={label('employees')} rules={[rules.range(0, 10_000_000)]}>
          <InputNumber<number> min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={['organization', 'annualRevenue']} label={label('annualRevenue')} rules={[rules.range(0, 1e13)]}>
          <YuanInput max={1e13} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={['organization', 'scale']} label={label('scale')}>
          <Select options={scaleOptions} allowClear />
        </Form.Item>
      </Col>
      <TextField path={['organization', 'industryPosition']} />
    </Row>
  );
  const credit = (
    <Row gutter={16}>
      <TextField path={['organization', 'settlementMethod']} />
      <Col {...half}>
        <Form.Item name={['organization', 'creditStanding']} label={label('creditStanding')}>
          <Select options={creditOptions} allowClear />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name={['organization', 'creditLimit']} label={label('creditLimit')} rules={[rules.range(0, 1e11)]}>
          <YuanInput />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          name={['organization', 'purchaseCycleDays']}
          label={label('purchaseCycleDays')}
          rules={[rules.range(0, 3650)]}
        >
          <InputNumber<number> min={0} max={3650} precision={0} suffix={t('common.days')} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );

  return (
    <>
      <Divider titlePlacement="start">{t('customer.sectionOrganization')}</Divider>
      <Collapse
        defaultActiveKey={['business', 'credit']}
        items={[
          { key: 'business', label: t('customer.sectionOrgBusiness'), children: business, forceRender: true },
          { key: 'credit', label: t('customer.sectionOrgCredit'), children: credit, forceRender: true },
        ]}
      />
    </>
  );
}
