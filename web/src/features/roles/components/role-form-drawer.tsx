import { Alert, App, Button, Drawer, Flex, Form, Input, Radio, Tag, Typography, type FormInstance } from 'antd';
import { dataScopes, type DataScope, type Permission, type Role, type RoleUpdate, maxLengthOf, roleCreate } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { textOrNull } from '../../../shared/form/normalize';
import { useFormRules } from '../../../shared/form/rules';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { DrawerFooter, useDrawerPadding } from '../../../shared/layout/drawer-footer';
import { useCreateRole, useUpdateRole } from '../api';
import { PermissionMatrix } from './permission-matrix';

/** A field's length limit, from the shared schema the server validates with. */
const limit = (field: string) => maxLengthOf(roleCreate, field);

interface RoleFormValues {
  key: string;
  name: string;
  description?: string | null;
  dataScope: DataScope;
  permissions: Permission[];
}

interface RoleFormDrawerProps {
  open: boolean;
  role?: Role;
  onClose: () => void;
}

export function RoleFormDrawer({ open, role, onClose }: RoleFormDrawerProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const padding = useDrawerPadding();
  const [form] = Form.useForm<RoleFormValues>();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={role ? t('role.editTitle') : t('role.create')}
      size={isMobile ? '100%' : 960}
      destroyOnHidden
      styles={{ body: { padding } }}
      data-testid="role-drawer"
    >
      {open ? <RoleFormBody form={form} role={role} onClose={onClose} /> : null}
    </Drawer>
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function RoleFormBody({ form, role, onClose }: Omit<RoleFormDrawerProps, 'open'> & { form: FormInstance<RoleFormValues> }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const create = useCreateRole();
  const update = useUpdateRole();
  useFocusOnOpen(form, role ? 'name' : 'key');
  const [editing, setEditing] = useState<Role | undefined>(role);
  const [conflict, setConflict] = useState<Role | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [details, setDetails] = useState<ApiErrorDetail[]>([]);
  const label = (path: string) => {
    const key = `role.f.${path.split('.')[0] ?? path}`;
    return isMessageKey(key) ? t(key) : path;
  };

  const toValues = (r: Role | undefined): RoleFormValues =>
    r
      ? { key: r.key, name: r.name, description: r.description, dataScope: r.dataScope, permissions: r.permissions }
      : { key: '', name: '', description: null, dataScope: 'own', permissions: [] };

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'CONFLICT' && error.current) {
      setConflict(error.current as Role);
      return;
    }
    setDetails(applyServerErrors(form, error));
    setFailure(errorMessage(error, t));
  };
  const onSaved = (saved: Role) => {
    void message.success(t('role.saved', { name: saved.name }));
    onClose();
  };

  const submit = (values: RoleFormValues) => {
    setFailure(null);
    setDetails([]);
    setConflict(null);
    const description = textOrNull(values.description);
    if (!editing) {
      create.mutate(
        {
          key: values.key.trim(),
          name: values.name.trim(),
          description,
          dataScope: values.dataScope,
          permissions: values.permissions,
        },
        { onSuccess: onSaved, onError },
      );
      return;
    }
    const body: RoleUpdate = { version: editing.version };
    if (values.name.trim() !== editing.name) body.name = values.name.trim();
    if (description !== editing.description) body.description = description;
    if (values.dataScope !== editing.dataScope) body.dataScope = values.dataScope;
    if (!sameList(values.permissions, editing.permissions)) body.permissions = values.permissions;
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    update.mutate({ id: editing.id, body }, { onSuccess: onSaved, onError });
  };

  const reload = () => {
    if (!conflict) return;
    setEditing(conflict);
    setConflict(null);
    form.resetFields();
    form.setFieldsValue(toValues(conflict));
  };

  return (
    <Form<RoleFormValues>
      form={form}
      name="role_form"
      layout="vertical"
      initialValues={toValues(editing)}
      onFinish={submit}
      requiredMark
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="conflict-alert"
          style={{ marginBottom: 16 }}
          title={t('common.conflictTitle')}
          description={t('common.conflictText')}
          action={
            <Button size="small" type="primary" onClick={reload} data-testid="conflict-reload">
              {t('common.loadCurrent')}
            </Button>
          }
        />
      ) : null}
      <FormErrorsAlert message={failure} details={details} labelFor={label} />
      <Flex gap={16} wrap>
        <Form.Item
          name="key"
          label={
            <Flex gap={6} align="center">
              {t('role.f.key')}
              {editing?.builtIn ? <Tag color="purple">{t('common.builtIn')}</Tag> : null}
            </Flex>
          }
          extra={editing ? undefined : t('role.keyHint')}
          rules={
            editing
              ? []
              : [rules.required, { min: 2, max: 40, message: t('common.tooLong', { max: 40 }) }, { pattern: /^[a-z][a-z0-9_]*$/, message: t('role.keyPattern') }]
          }
          style={{ flex: '1 1 220px' }}
        >
          <Input maxLength={40} disabled={Boolean(editing)} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('role.f.name')} rules={[rules.required, rules.max(limit('name'))]} style={{ flex: '1 1 220px' }}>
          <Input maxLength={limit('name')} />
        </Form.Item>
      </Flex>
      <Form.Item name="description" label={t('role.f.description')} rules={[rules.max(limit('description'))]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={limit('description')} />
      </Form.Item>
      <Form.Item name="dataScope" label={t('role.f.dataScope')} rules={[rules.requiredChoice]} extra={t('scope.extra')}>
        <Radio.Group>
          <Flex vertical gap={4}>
            {dataScopes.map((scope) => (
              <Radio key={scope} value={scope} data-testid={`scope-${scope}`}>
                {t(`scope.${scope}`)}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  — {t(`scope.${scope}.hint`)}
                </Typography.Text>
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="permissions" label={t('role.f.permissions')}>
        <PermissionMatrix />
      </Form.Item>
      <DrawerFooter>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="role-save">
          {t('common.save')}
        </Button>
      </DrawerFooter>
    </Form>
  );
}
