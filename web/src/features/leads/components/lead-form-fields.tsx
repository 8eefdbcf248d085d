import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { maxLengthOf, leadUpdate } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { usePermissions } from '../../auth';
import { useFormRules } from '../../../shared/form/rules';
import { RegionCascader } from '../../../shared/region/region-cascader';
import { useEnumOptions } from '../../../shared/enums/customer-enums';
import { CustomerSelect } from './customer-select';
import { sourceOptions, useSourceLabels } from './lead-bits';
import { REFERRAL_SOURCE, type LeadFormValues } from './lead-form-model';
import { YuanInput } from '../../../shared/form/yuan-input';

/** A field's length limit, from the shared schema the server validates with. */
const limit = (field: string) => maxLengthOf(leadUpdate, field);

const half = { xs: 24, md: 12 } as const;
const full = { xs: 24 } as const;

interface LeadFormFieldsProps {
  ownerOptions: { value: number; label: string }[];
  ownersLoading: boolean;
  ownerEditable: boolean;
  /** Create: an empty owner lets the assignment rules decide; edit: it puts the lead in the pool. */
  creating: boolean;
  /** The record's current source and referrer (kept selectable when inactive / not in results). */
  currentSource?: string | null;
  referrerName?: string | null;
}

/** The lead card's fields (潜在客户登记卡), in the order a salesperson fills them in. */
export function LeadFormFields({ ownerOptions, ownersLoading, ownerEditable, creating, currentSource, referrerName }: LeadFormFieldsProps) {
  // Without an owner a new lead is the creator's, unless the creator distributes leads (the rules decide).
  const distributes = usePermissions().can('leads.assign');
  const { t } = useI18n();
  const rules = useFormRules();
  const kindOptions = useEnumOptions('kind');
  const genderOptions = useEnumOptions('gender');
  const creditOptions = useEnumOptions('credit');
  const sources = useSourceLabels();
  const form = Form.useFormInstance<LeadFormValues>();
  const source = Form.useWatch('source', form);
  const kind = Form.useWatch('kind', form);

  return (
    <Row gutter={16}>
      <Col {...full}>
        <Form.Item name="kind" label={t('lead.f.kind')} rules={[rules.requiredChoice]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={kindOptions} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="name" label={t('lead.f.name')} rules={[rules.required, rules.max(limit('name'))]} extra={kind === 'organization' ? t('lead.nameHintOrg') : undefined}>
          <Input maxLength={limit('name')} autoComplete="off" data-testid="lead-field-name" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="company" label={t('lead.f.company')} rules={[rules.max(limit('company'))]}>
          <Input maxLength={limit('company')} autoComplete="off" data-testid="lead-field-company" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="jobTitle" label={t('lead.f.jobTitle')} rules={[rules.max(limit('jobTitle'))]}>
          <Input maxLength={limit('jobTitle')} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="gender" label={t('lead.f.gender')}>
          <Select allowClear options={genderOptions} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="age" label={t('lead.f.age')} rules={[rules.range(0, 150)]}>
          <InputNumber min={0} max={150} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="mobile" label={t('lead.f.mobile')} rules={[rules.mobile]}>
          <Input type="tel" inputMode="tel" maxLength={limit('mobile')} autoComplete="off" data-testid="lead-field-mobile" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="phone" label={t('lead.f.phone')} rules={[rules.phone]}>
          <Input type="tel" inputMode="tel" maxLength={limit('phone')} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="email" label={t('lead.f.email')} rules={[rules.email]}>
          <Input inputMode="email" maxLength={limit('email')} autoComplete="off" data-testid="lead-field-email" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="wechat" label={t('lead.f.wechat')} rules={[rules.max(limit('wechat'))]}>
          <Input maxLength={limit('wechat')} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="region" label={t('lead.f.region')}>
          <RegionCascader />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="address" label={t('lead.f.address')} rules={[rules.max(limit('address'))]}>
          <Input maxLength={limit('address')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="industry" label={t('lead.f.industry')} rules={[rules.max(limit('industry'))]}>
          <Input maxLength={limit('industry')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="occupation" label={t('lead.f.occupation')} rules={[rules.max(limit('occupation'))]}>
          <Input maxLength={limit('occupation')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="annualIncome" label={t('lead.f.annualIncome')} extra={t('lead.yuanHint')}>
          <YuanInput />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="creditStanding" label={t('lead.f.creditStanding')}>
          <Select allowClear options={creditOptions} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="source" label={t('lead.f.source')} rules={[rules.requiredChoice]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={sources.loading}
            options={sourceOptions(sources.items, sources.label, currentSource)}
            placeholder={t('lead.chooseSource')}
            data-testid="lead-field-source"
          />
        </Form.Item>
      </Col>
      {source === REFERRAL_SOURCE ? (
        <Col {...half}>
          <Form.Item name="referrerCustomerId" label={t('lead.f.referrerCustomerId')} extra={t('lead.referrerHint')}>
            <CustomerSelect initialLabel={referrerName ?? null} data-testid="lead-field-referrer" />
          </Form.Item>
        </Col>
      ) : null}
      <Col {...half}>
        <Form.Item
          name="ownerId"
          label={t('lead.f.ownerId')}
          extra={creating ? t(distributes ? 'lead.ownerHintCreate' : 'lead.ownerHintCreateMine') : ownerEditable ? t('lead.ownerHintEdit') : undefined}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={ownersLoading}
            disabled={!ownerEditable}
            placeholder={creating ? t(distributes ? 'lead.ownerByRules' : 'lead.ownerMe') : t('lead.pool')}
            options={ownerOptions}
            data-testid="lead-field-owner"
          />
        </Form.Item>
      </Col>
      <Col {...full}>
        <Form.Item name="notes" label={t('lead.f.notes')} rules={[rules.max(limit('notes'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={limit('notes')} />
        </Form.Item>
      </Col>
    </Row>
  );
}
