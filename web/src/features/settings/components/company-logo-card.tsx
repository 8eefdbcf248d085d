import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Typography, Upload } from 'antd';
import type { CompanyLogoRef, CompanySettings } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { testId } from '../../../shared/test-id';
import { companyLogoHref, useRemoveCompanyLogo, useUploadCompanyLogo } from '../api';
import { checkLogoFile, readAsBase64 } from './company-logo-file';
import { StaleSettingsAlert } from './stale-alert';

/** The current logo, at most 64 px high, or a line saying there is none. */
function LogoPreview({ logo }: { logo: CompanyLogoRef | null }) {
  const t = useT();
  if (!logo) return <Typography.Text type="secondary">{t('settings.company.logoNone')}</Typography.Text>;
  return (
    <span style={{ display: 'inline-flex', padding: 8, border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff', maxWidth: '100%' }}>
      <img src={companyLogoHref(logo)} alt={t('settings.company.logoAlt')} width={logo.width} height={logo.height} style={{ maxHeight: 64, maxWidth: '100%', width: 'auto', height: 'auto' }} data-testid="company-logo-preview" />
    </span>
  );
}

/** 公司设置 → Logo: the current logo; upload or replace it and remove it after a confirmation (settings.edit). */
export function CompanyLogoCard({ state, editable, onReload }: { state: CompanySettings; editable: boolean; onReload: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const upload = useUploadCompanyLogo();
  const remove = useRemoveCompanyLogo();
  const [stale, setStale] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const fail = (error: unknown) => {
    if (isApiError(error) && error.status === 409) setStale(true);
    else setProblem((isApiError(error) && error.details.find((d) => d.path === 'image')?.message) || errorMessage(error, t));
  };
  const send = (file: File) => {
    setProblem(null);
    const check = checkLogoFile(file);
    if (!check.ok) return setProblem(t(check.key, check.vars));
    readAsBase64(file).then(
      (image) => upload.mutate({ image, contentType: check.contentType, version: state.version }, { onSuccess: () => void message.success(t('settings.company.logoSaved')), onError: fail }),
      fail,
    );
  };
  const removeLogo = () =>
    remove.mutateAsync(state.version).then(() => void message.success(t('settings.company.logoRemoved')), fail);

  return (
    <Card title={t('settings.company.logo')} style={{ marginTop: 16 }} data-testid="company-logo">
      {stale ? <StaleSettingsAlert onReload={() => { setStale(false); onReload(); }} /> : null}
      {problem ? <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('settings.company.logoFailed')} description={problem} data-testid="company-logo-problem" /> : null}
      <Flex gap={16} align="center" wrap>
        <LogoPreview logo={state.logo} />
        {editable ? (
          <Flex gap={8} wrap>
            <Upload accept="image/png,image/jpeg" showUploadList={false} beforeUpload={(file) => { send(file); return false; }}>
              <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="company-logo-upload">
                {t(state.logo ? 'settings.company.logoReplace' : 'settings.company.logoUpload')}
              </Button>
            </Upload>
            {state.logo ? (
              <Popconfirm title={t('settings.company.logoRemoveConfirm')} okText={t('settings.company.logoRemove')} cancelText={t('common.cancel')} okButtonProps={{ danger: true, ...testId('company-logo-remove-confirm') }} onConfirm={removeLogo}>
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="company-logo-remove">
                  {t('settings.company.logoRemove')}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('settings.company.logoHint')}
      </Typography.Paragraph>
    </Card>
  );
}
