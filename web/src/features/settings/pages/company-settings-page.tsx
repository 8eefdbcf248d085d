import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { companySettingsUpdate, defaultTimeZone, maxLengthOf, type CompanySettings } from '@crm/contracts';
import { useMemo, useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useCompanySettings, useSaveCompanySettings } from '../api';
import { CompanyLogoCard } from '../components/company-logo-card';
import { SettingsPage } from '../components/settings-page';
import { StaleSettingsAlert } from '../components/stale-alert';

interface Values {
  timeZone: string;
  name: string;
  nameEn: string;
}

const nameMax = maxLengthOf(companySettingsUpdate, 'name');

/** "UTC+08:00" for a zone now (daylight saving included). */
function utcOffset(timeZone: string): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value.replace('GMT', 'UTC') || 'UTC';
  } catch {
    return '';
  }
}

/** Every IANA zone the browser knows, with its offset; the stored one is always offered. */
function useTimeZoneOptions(current: string) {
  return useMemo(() => {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [defaultTimeZone, 'UTC'];
    return [...new Set([current, defaultTimeZone, ...zones])].map((zone) => ({ value: zone, label: `${zone} (${utcOffset(zone)})` }));
  }, [current]);
}

function SettingsForm({ state, editable, onReload }: { state: CompanySettings; editable: boolean; onReload: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCompanySettings();
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  const options = useTimeZoneOptions(state.timeZone);
  useFocusOnOpen(form, 'timeZone');

  const submit = (values: Values) => {
    setFailure({ message: null, details: [] });
    save.mutate(
      { timeZone: values.timeZone, name: values.name, nameEn: values.nameEn, version: state.version },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            setStale(true);
            return;
          }
          const details = applyServerErrors(form, error);
          setFailure({ message: errorMessage(error, t), details });
        },
      },
    );
  };

  return (
    <Card>
      {stale ? (
        <StaleSettingsAlert
          onReload={() => {
            setStale(false);
            onReload();
          }}
        />
      ) : null}
      <FormErrorsAlert message={failure.message} details={failure.details} labelFor={(path) => (path === 'timeZone' ? t('settings.company.timeZone') : path === 'name' ? t('settings.company.name') : path === 'nameEn' ? t('settings.company.nameEn') : path)} />
      <Form<Values>
        form={form}
        name="company_settings"
        layout="vertical"
        initialValues={{ timeZone: state.timeZone, name: state.name, nameEn: state.nameEn }}
        onFinish={submit}
        disabled={!editable}
        style={{ maxWidth: 640 }}
      >
        <Form.Item
          name="timeZone"
          label={t('settings.company.timeZone')}
          extra={t('settings.company.timeZoneHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select showSearch options={options} optionFilterProp="label" data-testid="company-time-zone" />
        </Form.Item>
        <Form.Item name="name" label={t('settings.company.name')} extra={t('settings.company.nameHint')} rules={[{ max: nameMax, message: t('common.tooLong', { max: nameMax }) }]}>
          <Input maxLength={nameMax} autoComplete="organization" data-testid="company-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('settings.company.nameEn')} rules={[{ max: nameMax, message: t('common.tooLong', { max: nameMax }) }]}>
          <Input maxLength={nameMax} autoComplete="off" />
        </Form.Item>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="company-settings-save">
            {t('common.save')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('settings.readOnly')}</Typography.Text>
        )}
      </Form>
    </Card>
  );
}

/** 公司设置: the company's time zone (exported times, "today"), its name and its logo on quotations. */
export function CompanySettingsPage() {
  return (
    <SettingsPage
      title="settings.company.title"
      subTitle="settings.company.subtitle"
      query={useCompanySettings()}
      skeletonRows={2}
      renderForm={(props) => (
        <>
          <SettingsForm {...props} />
          <CompanyLogoCard {...props} />
        </>
      )}
    />
  );
}
