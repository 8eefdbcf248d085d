import { Alert, App, Button, Drawer, Form, Input, Select, Switch, TreeSelect, type FormInstance } from 'antd';
import { maxLengthOf, userCreate } from '@crm/contracts';
import type { Department, Role, User, UserUpdate } from '@crm/contracts';
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
import { treeSelectData } from '../../departments';
import { useCreateUser, useUpdateUser } from '../api';

/** A field's length limit, from the shared schema the server validates with. */
const limit = (field: string) => maxLengthOf(userCreate, field);

interface UserFormValues {
  email: string;
  name: string;
  password?: string;
  mobile?: string | null;
  departmentId?: number | null;
  roleId?: number;
  active: boolean;
}

interface UserFormDrawerProps {
  open: boolean;
  user?: User;
  departments: Department[];
  roles: Role[];
  onClose: () => void;
}

export function UserFormDrawer({ open, user, departments, roles, onClose }: UserFormDrawerProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const padding = useDrawerPadding();
  const [form] = Form.useForm<UserFormValues>();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={user ? t('user.editTitle') : t('user.create')}
      size={isMobile ? '100%' : 520}
      destroyOnHidden
      styles={{ body: { padding } }}
      data-testid="user-drawer"
    >
      {open ? (
        <UserFormBody form={form} user={user} departments={departments} roles={roles} onClose={onClose} />
      ) : null}
    </Drawer>
  );
}

function UserFormBody({
  form,
  user,
  departments,
  roles,
  onClose,
}: Omit<UserFormDrawerProps, 'open'> & { form: FormInstance<UserFormValues> }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const create = useCreateUser();
  const update = useUpdateUser();
  useFocusOnOpen(form, user ? 'name' : 'email');
  const [editing, setEditing] = useState<User | undefined>(user);
  const [conflict, setConflict] = useState<User | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [details, setDetails] = useState<ApiErrorDetail[]>([]);
  const label = (path: string) => {
    const key = `user.f.${path}`;
    return isMessageKey(key) ? t(key) : path;
  };

  const toValues = (u: User | undefined): UserFormValues =>
    u
      ? { email: u.email, name: u.name, mobile: u.mobile, departmentId: u.departmentId, roleId: u.roleId, active: u.active }
      : { email: '', name: '', active: true };

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'CONFLICT' && error.current) {
      setConflict(error.current as User);
      return;
    }
    setDetails(applyServerErrors(form, error));
    setFailure(errorMessage(error, t));
  };
  const onSaved = (saved: User) => {
    void message.success(t('user.saved', { name: saved.name }));
    onClose();
  };

  const submit = (values: UserFormValues) => {
    setFailure(null);
    setDetails([]);
    setConflict(null);
    const mobile = textOrNull(values.mobile);
    const departmentId = values.departmentId ?? null;
    const roleId = values.roleId;
    if (roleId === undefined) return;
    if (!editing) {
      create.mutate(
        {
          email: values.email.trim().toLowerCase(),
          name: values.name.trim(),
          password: values.password ?? '',
          mobile,
          departmentId,
          roleId,
          active: values.active,
        },
        { onSuccess: onSaved, onError },
      );
      return;
    }
    const body: UserUpdate = { version: editing.version };
    const email = values.email.trim().toLowerCase();
    if (email !== editing.email) body.email = email;
    if (values.name.trim() !== editing.name) body.name = values.name.trim();
    if (mobile !== editing.mobile) body.mobile = mobile;
    if (departmentId !== editing.departmentId) body.departmentId = departmentId;
    if (roleId !== editing.roleId) body.roleId = roleId;
    if (values.active !== editing.active) body.active = values.active;
    if (values.password) body.password = values.password;
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
    <Form<UserFormValues>
      form={form}
      name="user_form"
      layout="vertical"
      initialValues={toValues(editing)}
      onFinish={submit}
      requiredMark
      autoComplete="off"
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
      <Form.Item name="email" label={label('email')} rules={[rules.required, rules.email]}>
        <Input inputMode="email" maxLength={limit('email')} autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label={label('name')} rules={[rules.required, rules.max(limit('name'))]}>
        <Input maxLength={limit('name')} />
      </Form.Item>
      <Form.Item
        name="password"
        label={editing ? t('user.resetPassword') : label('password')}
        extra={editing ? t('user.passwordHint') : t('password.minLength')}
        rules={[
          ...(editing ? [] : [{ required: true, message: t('common.required') }]),
          { min: 10, message: t('password.minLength') },
          rules.max(200),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="mobile" label={label('mobile')} rules={[rules.mobile]}>
        <Input type="tel" inputMode="tel" maxLength={limit('mobile')} />
      </Form.Item>
      <Form.Item name="departmentId" label={label('departmentId')}>
        <TreeSelect allowClear treeDefaultExpandAll treeData={treeSelectData(departments)} />
      </Form.Item>
      <Form.Item name="roleId" label={label('roleId')} rules={[rules.requiredChoice]}>
        <Select options={roles.map((r) => ({ value: r.id, label: r.name }))} />
      </Form.Item>
      <Form.Item name="active" label={label('active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <DrawerFooter>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="user-save">
          {t('common.save')}
        </Button>
      </DrawerFooter>
    </Form>
  );
}
