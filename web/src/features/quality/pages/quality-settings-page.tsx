import { Alert, App, Button, Card, Checkbox, Col, Divider, Flex, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { expectableCustomerFields, type CustomerKind, type DataQualitySettingsResponse } from '@crm/contracts';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { useFormRules } from '../../../shared/form/rules';
import { applyServerErrors } from '../../../shared/form/server-errors';
import type { ApiErrorDetail } from '../../../shared/api/client';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useActiveCustomFields } from '../../custom-fields';
import { organizationSections, personSections } from '../../customers';
import { useQualitySettings, useSaveQualitySettings } from '../api';
import { qualityFieldLabel } from '../components/quality-labels';

interface SettingsFormValues {
  organization: string[];
  person: string[];
  staleDays: number;
  incompleteBelow: number;
}

/** The fields an administrator may mark as expected for one kind of customer. */
function useExpectableOptions(kind: CustomerKind) {
  const { t, locale } = useI18n();
  const customFields = useActiveCustomFields('customer');
  return useMemo(() => {
    const sections = kind === 'person' ? Object.values(personSections).flat() : Object.values(organizationSections).flat();
    const paths = [
      ...expectableCustomerFields,
      ...sections.map((key) => `${kind}.${key}`),
      ...customFields.map((f) => `custom.${f.key}`),
    ];
    return paths.map((path) => ({ value: path, label: qualityFieldLabel(path, t, locale, customFields) }));
  }, [kind, t, locale, customFields]);
}

/** Administration: expected fields per kind, when a record is stale, when it is incomplete. */
export function QualitySettingsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('quality.settingsTitle'));
  const query = useQualitySettings();
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return <SettingsForm key={query.data.version} settings={query.data} onReload={() => void query.refetch()} />;
}

function SettingsForm({ settings, onReload }: { settings: DataQualitySettingsResponse; onReload: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rules = useFormRules();
  const { can } = usePermissions();
  const editable = can('settings.edit');
  const [form] = Form.useForm<SettingsFormValues>();
  const save = useSaveQualitySettings();
  const organizationOptions = useExpectableOptions('organization');
  const personOptions = useExpectableOptions('person');
  const [failure, setFailure] = useState<string | null>(null);
  const [details, setDetails] = useState<ApiErrorDetail[]>([]);
  const [stale, setStale] = useState(false);

  const initialValues: SettingsFormValues = {
    organization: settings.expected.organization,
    person: settings.expected.person,
    staleDays: settings.staleDays,
    incompleteBelow: settings.incompleteBelow,
  };

  const submit = (values: SettingsFormValues) => {
    setFailure(null);
    setDetails([]);
    save.mutate(
      {
        expected: { organization: values.organization, person: values.person },
        staleDays: values.staleDays,
        incompleteBelow: values.incompleteBelow,
        version: settings.version,
      },
      {
        onSuccess: () => void message.success(t('quality.settingsSaved')),
        onError: (error) => {
          if (isApiError(error) && error.code === 'CONFLICT') {
            setStale(true);
            return;
          }
          setDetails(
            applyServerErrors(form, error, (path) => {
              if (path.startsWith('expected.organization')) return ['organization'];
              if (path.startsWith('expected.person')) return ['person'];
              return [path];
            }),
          );
          setFailure(errorMessage(error, t));
        },
      },
    );
  };

  const checkboxes = (options: { value: string; label: string }[]) => (
    <Checkbox.Group style={{ width: '100%' }} disabled={!editable}>
      <Row gutter={[8, 8]}>
        {options.map((o) => (
          <Col key={o.value} xs={12} md={8} xl={6}>
            <Checkbox value={o.value}>{o.label}</Checkbox>
          </Col>
        ))}
      </Row>
    </Checkbox.Group>
  );

  return (
    <>
      <PageHeader title={t('quality.settingsTitle')} subTitle={t('quality.settingsSubtitle')} />
      <Form<SettingsFormValues> form={form} name="quality_settings" layout="vertical" initialValues={initialValues} onFinish={submit}>
        {stale ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('quality.settingsConflict')}
            action={
              <Button size="small" onClick={onReload} data-testid="quality-settings-reload">
                {t('common.reload')}
              </Button>
            }
          />
        ) : null}
        <FormErrorsAlert message={failure} details={details} labelFor={(path) => path} />
        <Card>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="incompleteBelow"
                label={t('quality.f.incompleteBelow')}
                extra={t('quality.f.incompleteBelowHint')}
                rules={[rules.requiredChoice, rules.range(1, 100)]}
              >
                <InputNumber<number> min={1} max={100} precision={0} suffix="%" style={{ width: '100%' }} disabled={!editable} autoFocus />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="staleDays"
                label={t('quality.f.staleDays')}
                extra={t('quality.f.staleDaysHint')}
                rules={[rules.requiredChoice, rules.range(1, 3650)]}
              >
                <InputNumber<number> min={1} max={3650} precision={0} suffix={t('common.days')} style={{ width: '100%' }} disabled={!editable} />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('quality.expectedOrganization')}</Divider>
          <Form.Item name="organization" data-testid="quality-expected-organization">
            {checkboxes(organizationOptions)}
          </Form.Item>
          <Divider titlePlacement="start">{t('quality.expectedPerson')}</Divider>
          <Form.Item name="person" data-testid="quality-expected-person">
            {checkboxes(personOptions)}
          </Form.Item>
          {editable ? (
            <Flex justify="flex-end" gap={8}>
              <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
                {t('quality.recomputeHint')}
              </Typography.Text>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="quality-settings-save">
                {t('common.save')}
              </Button>
            </Flex>
          ) : null}
        </Card>
      </Form>
    </>
  );
}
