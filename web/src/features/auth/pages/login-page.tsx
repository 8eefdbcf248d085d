import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isLocale } from '../../../app/i18n/locale-storage';
import { LanguageSwitch } from '../../../app/language-switch';
import { isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useLogin, useMe } from '../api';

interface LoginFormValues {
  email: string;
  password: string;
}

/** Only same-site paths are accepted as the place to return to after signing in. */
function safeNext(next: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')) return next;
  return '/';
}

export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  useDocumentTitle(t('login.title'));
  const [form] = Form.useForm<LoginFormValues>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [failure, setFailure] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  const submit = (values: LoginFormValues) => {
    setFailure(null);
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: ({ user }) => {
          // The language the user chose last time, on any device, wins after signing in.
          if (isLocale(user.locale) && user.locale !== locale) setLocale(user.locale);
          void navigate(next, { replace: true });
        },
        onError: (error) => {
          applyServerErrors(form, error);
          if (isApiError(error) && error.status === 401) setFailure(error.message || t('login.badCredentials'));
          else if (isApiError(error) && error.status === 429) setFailure(error.message || t('login.throttled'));
          else setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(180deg, #eef3ff 0%, #f5f7fa 100%)' }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400, marginBottom: 8 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex vertical gap={4} style={{ marginBottom: 24 }}>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            {t('app.tagline')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </Flex>
        {failure ? (
          <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />
        ) : null}
        <Form form={form} name="login_form" layout="vertical" onFinish={submit} requiredMark={false} size="large">
          {/* Plain rules, not useFormRules: the login page stays free of the phone and zod checks. */}
          <Form.Item name="email" label={t('login.email')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { type: 'email', message: t('common.invalidEmail') }]}>
            <Input prefix={<MailOutlined />} autoComplete="username" autoFocus inputMode="email" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
