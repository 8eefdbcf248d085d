import { App, Form, Input, Select, Switch, TreeSelect, type FormInstance } from 'antd';
import { maxLengthOf, userCreate } from '@crm/contracts';
import type { Department, Role, User, UserUpdate } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { ConflictAlert } from '../../../shared/form/conflict-alert';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { textOrNull } from '../../../shared/form/normalize';
import { useFormRules } from '../../../shared/form/rules';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
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
  return (
    <FormDrawer<UserFormValues> open={open} onClose={onClose} title={user ? t('user.editTitle') : t('user.create')} width={520} testId="user-drawer">
      {(form) => <UserFormBody form={form} user={user} departments={departments} roles={roles} onClose={onClose} />}
    </FormDrawer>
  );
}

function toValues(u: User | undefined): UserFormValues {
  return u
    ? { email: u.email, name: u.name, mobile: u.mobile, departmentId: u.departmentId, roleId: u.roleId, active: u.active }
    : { email: '', name: '', active: true };
}

function useUserLabel() {
  const t = useT();
  return (path: string) => {
    const key = `user.f.${path}`;
    return isMessageKey(key) ? t(key) : path;
  };
}

function UserFormBody({
  form,
  user,
  departments,
  roles,
  onClose,
}: Omit<UserFormDrawerProps, 'open'> & { form: FormInstance<UserFormValues> }) {
  useFocusOnOpen(form, user ? 'name' : 'email');
  const label = useUserLabel();
  const [editing, setEditing] = useState<User | undefined>(user);
  const problems = useSaveProblems<User, UserFormValues>(form);
  const { submit, saving } = useUserSave(editing, onClose, problems);

  const reload = () => {
    if (!problems.conflict) return;
    setEditing(problems.conflict);
    problems.clear();
    form.resetFields();
    form.setFieldsValue(toValues(problems.conflict));
  };

  return (
    <DrawerForm<UserFormValues>
      form={form}
      name="user_form"
      initialValues={toValues(editing)}
      onFinish={submit}
      autoComplete="off"
      topRef={problems.topRef}
      conflict={problems.conflict ? <ConflictAlert onReload={reload} /> : null}
      errors={{ message: problems.failure, details: problems.details, labelFor: label }}
      saving={saving}
      saveTestId="user-save"
      onCancel={onClose}
    >
      <UserFields editing={Boolean(editing)} departments={departments} roles={roles} />
    </DrawerForm>
  );
}

function UserFields({ editing, departments, roles }: { editing: boolean; departments: Department[]; roles: Role[] }) {
  const t = useT();
  const rules = useFormRules();
  const label = useUserLabel();
  return (
    <>
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
          rules.max(limit('password')),
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
    </>
  );
}

/** The changed fields of a user (the version always), or null when nothing changed. */
function userChanges(editing: User, values: UserFormValues, roleId: number): UserUpdate | null {
  const body: UserUpdate = { version: editing.version };
  const mobile = textOrNull(values.mobile);
  const departmentId = values.departmentId ?? null;
  const email = values.email.trim().toLowerCase();
  if (email !== editing.email) body.email = email;
  if (values.name.trim() !== editing.name) body.name = values.name.trim();
  if (mobile !== editing.mobile) body.mobile = mobile;
  if (departmentId !== editing.departmentId) body.departmentId = departmentId;
  if (roleId !== editing.roleId) body.roleId = roleId;
  if (values.active !== editing.active) body.active = values.active;
  if (values.password) body.password = values.password;
  return Object.keys(body).length === 1 ? null : body;
}

/** Creates the user, or sends what changed (nothing changed: the drawer just closes). */
function useUserSave(editing: User | undefined, onClose: () => void, problems: { show: (error: unknown) => void; clear: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const create = useCreateUser();
  const update = useUpdateUser();
  const onError = problems.show;
  const onSaved = (saved: User) => {
    void message.success(t('user.saved', { name: saved.name }));
    onClose();
  };

  const submit = (values: UserFormValues) => {
    problems.clear();
    const roleId = values.roleId;
    if (roleId === undefined) return;
    if (!editing) {
      create.mutate(
        {
          email: values.email.trim().toLowerCase(),
          name: values.name.trim(),
          password: values.password ?? '',
          mobile: textOrNull(values.mobile),
          departmentId: values.departmentId ?? null,
          roleId,
          active: values.active,
        },
        { onSuccess: onSaved, onError },
      );
      return;
    }
    const body = userChanges(editing, values, roleId);
    if (!body) {
      onClose();
      return;
    }
    update.mutate({ id: editing.id, body }, { onSuccess: onSaved, onError });
  };
  return { submit, saving: create.isPending || update.isPending };
}
