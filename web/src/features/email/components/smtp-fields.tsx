import { Checkbox, Flex, Form, Input, InputNumber, Select } from 'antd';
import { email, emailSettingsUpdate, maxLengthOf, smtpSecurities } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { useFormRules } from '../../../shared/form/rules';

export const smtpLimit = (field: string) => maxLengthOf(emailSettingsUpdate, field);
const addressLimit = maxLengthOf(email);
const half = { flex: '1 1 200px', minWidth: 0 } as const;
/** The usual port of each kind of connection, filled in when the kind changes. */
export const defaultPorts: Record<(typeof smtpSecurities)[number], number> = { none: 25, starttls: 587, tls: 465 };

/** Server, port and security. */
export function SmtpServerFields() {
  const t = useT();
  const rules = useFormRules();
  return (
    <>
      <Form.Item name="host" label={t('email.f.host')} extra={t('email.f.hostHint')} rules={[rules.max(smtpLimit('host'))]}>
        <Input maxLength={smtpLimit('host')} autoComplete="off" spellCheck={false} data-testid="smtp-host" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="security" label={t('email.f.security')} style={half}>
          <Select options={smtpSecurities.map((s) => ({ value: s, label: t(`email.security.${s}`) }))} data-testid="smtp-security" />
        </Form.Item>
        <Form.Item name="port" label={t('email.f.port')} rules={[rules.requiredChoice]} style={half}>
          <InputNumber<number> min={1} max={65535} precision={0} style={{ width: '100%' }} data-testid="smtp-port" />
        </Form.Item>
      </Flex>
    </>
  );
}

/** Sign-in: the password is never shown; empty keeps the saved one. */
export function SmtpAccountFields({ passwordSet }: { passwordSet: boolean }) {
  const t = useT();
  const rules = useFormRules();
  return (
    <Flex gap={12} wrap>
      <Form.Item name="user" label={t('email.f.user')} extra={t('email.f.userHint')} rules={[rules.max(smtpLimit('user'))]} style={half}>
        <Input maxLength={smtpLimit('user')} autoComplete="off" spellCheck={false} data-testid="smtp-user" />
      </Form.Item>
      <div style={half}>
        <Form.Item name="password" label={t('email.f.password')} extra={passwordSet ? t('email.f.passwordSet') : t('email.f.passwordNone')} style={{ marginBottom: 8 }}>
          <Input.Password autoComplete="new-password" maxLength={smtpLimit('password')} data-testid="smtp-password" />
        </Form.Item>
        {passwordSet ? (
          <Form.Item name="clearPassword" valuePropName="checked">
            <Checkbox data-testid="smtp-password-clear">{t('email.f.passwordClear')}</Checkbox>
          </Form.Item>
        ) : null}
      </div>
    </Flex>
  );
}

/** Who the emails come from, and the CRM address their links start with. */
export function SmtpSenderFields() {
  const t = useT();
  const rules = useFormRules();
  return (
    <>
      <Flex gap={12} wrap>
        <Form.Item name="fromAddress" label={t('email.f.fromAddress')} rules={[rules.email, rules.max(addressLimit)]} style={half}>
          <Input maxLength={addressLimit} autoComplete="off" spellCheck={false} data-testid="smtp-from-address" />
        </Form.Item>
        <Form.Item name="fromName" label={t('email.f.fromName')} extra={t('email.f.fromNameHint')} rules={[rules.max(smtpLimit('fromName'))]} style={half}>
          <Input maxLength={smtpLimit('fromName')} autoComplete="organization" data-testid="smtp-from-name" />
        </Form.Item>
      </Flex>
      <Form.Item name="appUrl" label={t('email.f.appUrl')} extra={t('email.f.appUrlHint')} rules={[rules.max(smtpLimit('appUrl'))]}>
        <Input maxLength={smtpLimit('appUrl')} autoComplete="off" spellCheck={false} placeholder="https://crm.example.com" data-testid="smtp-app-url" />
      </Form.Item>
    </>
  );
}
