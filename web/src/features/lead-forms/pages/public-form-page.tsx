import { Alert, Button, Card, Form, Input, InputNumber, Result, Select, Skeleton, Typography } from 'antd';
import { genders, leadCreate, maxLengthOf, type LeadFormFieldKey, type PublicLeadForm } from '@crm/contracts';
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { useFormRules } from '../../../shared/form/rules';
import { useRegionOptions } from '../../../shared/region/region-data';
import { usePublicForm, useSubmitPublicForm } from '../api';

/** A field's length limit, from the contract the server checks the submission with. */
const limit = (field: string) => maxLengthOf(leadCreate, field);

type Values = Partial<Record<LeadFormFieldKey, string | number | null>> & { website_url?: string };

/** Input limits of the text fields, from the lead's own schema. */
const maxLength: Partial<Record<LeadFormFieldKey, number>> = Object.fromEntries(
  (['name', 'company', 'jobTitle', 'wechat', 'province', 'city', 'address', 'industry', 'notes'] as const).map((field) => [field, limit(field)]),
);

/** The honeypot: real visitors never see it, so anything typed there comes from a bot. */
const honeypotStyle: CSSProperties = { position: 'absolute', left: '-10000px', top: 'auto', width: 1, height: 1, overflow: 'hidden' };

/** The values worth sending: empty answers left out, text trimmed. */
function toSubmission(values: Values, fields: PublicLeadForm['fields']) {
  const out: Record<string, string | number> = {};
  for (const { field } of fields) {
    const value = values[field];
    if (typeof value === 'number') out[field] = value;
    else if (typeof value === 'string' && value.trim() !== '') out[field] = value.trim();
  }
  return out;
}

/** What Form.Item hands its input: the value, the change handler and the id its label points at. */
interface ControlProps {
  id?: string;
  value?: string | number | null;
  onChange?: (value: unknown) => void;
}

function FieldInput({ field, ...control }: { field: LeadFormFieldKey } & ControlProps) {
  const t = useT();
  const regions = useRegionOptions();
  const text = { id: control.id, value: typeof control.value === 'string' ? control.value : undefined, onChange: control.onChange };
  switch (field) {
    case 'gender':
      return (
        <Select
          {...control}
          value={control.value ?? undefined}
          allowClear
          options={genders.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
          data-testid="public-field-gender"
        />
      );
    case 'age':
      return (
        <InputNumber
          {...control}
          value={typeof control.value === 'number' ? control.value : null}
          min={0}
          max={150}
          precision={0}
          style={{ width: '100%' }}
          data-testid="public-field-age"
        />
      );
    case 'province':
      return (
        <Select
          {...control}
          value={control.value ?? undefined}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={regions.isPending}
          options={(regions.data ?? []).map((r) => ({ value: r.value, label: r.label }))}
          data-testid="public-field-province"
        />
      );
    case 'notes':
      return <Input.TextArea {...text} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={maxLength.notes} data-testid="public-field-notes" />;
    case 'mobile':
    case 'phone':
      return <Input {...text} type="tel" inputMode="tel" autoComplete="tel" maxLength={limit(field)} data-testid={`public-field-${field}`} />;
    case 'email':
      return <Input {...text} type="email" inputMode="email" autoComplete="email" maxLength={limit('email')} data-testid="public-field-email" />;
    case 'name':
      return <Input {...text} autoComplete="name" maxLength={maxLength.name} data-testid="public-field-name" />;
    case 'company':
      return <Input {...text} autoComplete="organization" maxLength={maxLength.company} data-testid="public-field-company" />;
    default:
      return <Input {...text} maxLength={maxLength[field]} data-testid={`public-field-${field}`} />;
  }
}

/** Whether the page runs inside another site's iframe (the embed snippet). */
function isEmbedded(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    // A cross-origin parent refuses the comparison: that too means an iframe.
    return true;
  }
}

function Frame({ children }: { children: ReactNode }) {
  // No app shell: the page may sit in an iframe on someone else's site, down to 390 px wide.
  // In an iframe the page takes the host page's background instead of the app's grey.
  useEffect(() => {
    if (!isEmbedded()) return;
    const previous = document.body.style.background;
    document.body.style.background = 'transparent';
    return () => {
      document.body.style.background = previous;
    };
  }, []);
  return (
    <div style={{ minHeight: '100%', padding: '16px 12px', boxSizing: 'border-box', display: 'flex', justifyContent: 'center' }}>
      <div style={{ width: '100%', maxWidth: 560 }} data-testid="public-form-page">
        {children}
      </div>
    </div>
  );
}

function PublicForm({ token, form: spec }: { token: string; form: PublicLeadForm }) {
  const t = useT();
  const rules = useFormRules();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitPublicForm(token);
  const [thankYou, setThankYou] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const onFinish = (values: Values) => {
    setProblem(null);
    submit.mutate(
      { values: toSubmission(values, spec.fields), ...(values.website_url ? { website_url: values.website_url } : {}) },
      {
        onSuccess: (result) => setThankYou(result.thankYou),
        onError: (error) => {
          if (isApiError(error) && error.status === 429) setProblem(t('publicForm.rateLimited'));
          else if (isApiError(error) && error.status === 413) setProblem(t('publicForm.tooLarge'));
          else if (isApiError(error) && error.status === 404) setProblem(t('publicForm.gone'));
          else setProblem(errorMessage(error, t));
          if (isApiError(error) && error.details.length > 0) {
            // The server names fields as `values.<field>`; each message goes beside its input.
            const byField = new Map<string, string[]>();
            for (const detail of error.details) {
              const field = detail.path.startsWith('values.') ? detail.path.slice('values.'.length).split('.')[0] : undefined;
              if (!field || !spec.fields.some((f) => f.field === field)) continue;
              byField.set(field, [...(byField.get(field) ?? []), detail.message]);
            }
            form.setFields([...byField].map(([name, errors]) => ({ name: name as LeadFormFieldKey, errors })));
          }
        },
      },
    );
  };

  if (thankYou !== null) {
    return (
      <Card>
        <Result
          status="success"
          title={<span style={{ whiteSpace: 'pre-wrap', fontSize: 18 }} data-testid="public-form-thanks">{thankYou}</span>}
          style={{ padding: '24px 0' }}
        />
      </Card>
    );
  }

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }} data-testid="public-form-title">
        {spec.title}
      </Typography.Title>
      {spec.description ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{spec.description}</Typography.Paragraph> : null}
      {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} data-testid="public-form-error" /> : null}
      <Form<Values> form={form} layout="vertical" name="public_form" onFinish={onFinish} requiredMark scrollToFirstError>
        {spec.fields.map(({ field, required, label }) => {
          const fieldRules = [
            ...(required ? [field === 'gender' || field === 'province' || field === 'age' ? rules.requiredChoice : rules.required] : []),
            ...(field === 'email' ? [rules.email] : []),
            ...(field === 'mobile' ? [rules.mobile] : field === 'phone' ? [rules.phone] : []),
            ...(maxLength[field] ? [rules.max(maxLength[field] ?? 0)] : []),
          ];
          return (
            <Form.Item key={field} name={field} label={label || t(`webForm.field.${field}`)} rules={fieldRules}>
              <FieldInput field={field} />
            </Form.Item>
          );
        })}
        <div style={honeypotStyle} aria-hidden="true">
          <label htmlFor="website_url">Website</label>
          <Form.Item name="website_url" noStyle>
            <input id="website_url" name="website_url" type="text" tabIndex={-1} autoComplete="off" data-testid="public-form-honeypot" />
          </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="public-form-submit">
          {t('publicForm.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** /f/:token: a web form for anyone (no sign-in); its answers become a lead. */
export function PublicFormPage() {
  const t = useT();
  const { token = '' } = useParams();
  const query = usePublicForm(token);
  const title = query.data?.title;

  useEffect(() => {
    document.title = title ?? t('publicForm.pageTitle');
  }, [title, t]);

  let body: ReactNode;
  if (query.isPending) body = <Card><Skeleton active paragraph={{ rows: 6 }} /></Card>;
  else if (query.isError)
    body = (
      <Card>
        {isApiError(query.error) && (query.error.status === 404 || query.error.status === 400) ? (
          <Result status="404" title={t('publicForm.unavailable')} subTitle={t('publicForm.unavailableText')} data-testid="public-form-unavailable" />
        ) : (
          <Result
            status="error"
            title={t('result.error')}
            subTitle={errorMessage(query.error, t)}
            extra={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
          />
        )}
      </Card>
    );
  else body = <PublicForm token={token} form={query.data} />;
  return <Frame>{body}</Frame>;
}
