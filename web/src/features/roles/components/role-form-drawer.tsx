import { App, Flex, Form, Input, Radio, Tag, Typography, type FormInstance } from 'antd';
import { dataScopes, type DataScope, type Permission, type Role, type RoleUpdate, maxLengthOf, roleCreate } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { ConflictAlert } from '../../../shared/form/conflict-alert';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { textOrNull } from '../../../shared/form/normalize';
import { useFormRules } from '../../../shared/form/rules';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
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
  return (
    <FormDrawer<RoleFormValues> open={open} onClose={onClose} title={role ? t('role.editTitle') : t('role.create')} width={960} testId="role-drawer">
      {(form) => <RoleFormBody form={form} role={role} onClose={onClose} />}
    </FormDrawer>
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

function toValues(r: Role | undefined): RoleFormValues {
  return r
    ? { key: r.key, name: r.name, description: r.description, dataScope: r.dataScope, permissions: r.permissions }
    : { key: '', name: '', description: null, dataScope: 'own', permissions: [] };
}

function RoleFormBody({ form, role, onClose }: Omit<RoleFormDrawerProps, 'open'> & { form: FormInstance<RoleFormValues> }) {
  const t = useT();
  useFocusOnOpen(form, role ? 'name' : 'key');
  const [editing, setEditing] = useState<Role | undefined>(role);
  const problems = useSaveProblems<Role, RoleFormValues>(form);
  const { submit, saving } = useRoleSave(editing, onClose, problems);
  const label = (path: string) => {
    const key = `role.f.${path.split('.')[0] ?? path}`;
    return isMessageKey(key) ? t(key) : path;
  };

  const reload = () => {
    if (!problems.conflict) return;
    setEditing(problems.conflict);
    problems.clear();
    form.resetFields();
    form.setFieldsValue(toValues(problems.conflict));
  };

  return (
    <DrawerForm<RoleFormValues>
      form={form}
      name="role_form"
      initialValues={toValues(editing)}
      onFinish={submit}
      topRef={problems.topRef}
      conflict={problems.conflict ? <ConflictAlert onReload={reload} /> : null}
      errors={{ message: problems.failure, details: problems.details, labelFor: label }}
      saving={saving}
      saveTestId="role-save"
      onCancel={onClose}
    >
      <RoleFields existing={Boolean(editing)} builtIn={editing?.builtIn ?? false} />
    </DrawerForm>
  );
}

/** Key (fixed once created), name, description, data scope and the permission matrix. */
function RoleFields({ existing, builtIn }: { existing: boolean; builtIn: boolean }) {
  const t = useT();
  const rules = useFormRules();
  return (
    <>
      <Flex gap={16} wrap>
        <Form.Item
          name="key"
          label={
            <Flex gap={6} align="center">
              {t('role.f.key')}
              {builtIn ? <Tag color="purple">{t('common.builtIn')}</Tag> : null}
            </Flex>
          }
          extra={existing ? undefined : t('role.keyHint')}
          rules={
            existing
              ? []
              : [rules.required, { min: 2, max: limit('key'), message: t('common.tooLong', { max: limit('key') }) }, { pattern: /^[a-z][a-z0-9_]*$/, message: t('role.keyPattern') }]
          }
          style={{ flex: '1 1 220px' }}
        >
          <Input maxLength={limit('key')} disabled={existing} autoComplete="off" />
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
    </>
  );
}

/** The changed fields of a role (the version always), or null when nothing changed. */
function roleChanges(editing: Role, values: RoleFormValues): RoleUpdate | null {
  const body: RoleUpdate = { version: editing.version };
  const description = textOrNull(values.description);
  if (values.name.trim() !== editing.name) body.name = values.name.trim();
  if (description !== editing.description) body.description = description;
  if (values.dataScope !== editing.dataScope) body.dataScope = values.dataScope;
  if (!sameList(values.permissions, editing.permissions)) body.permissions = values.permissions;
  return Object.keys(body).length === 1 ? null : body;
}

/** Creates the role, or sends what changed (nothing changed: the drawer just closes). */
function useRoleSave(editing: Role | undefined, onClose: () => void, problems: { show: (error: unknown) => void; clear: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const create = useCreateRole();
  const update = useUpdateRole();
  const onError = problems.show;
  const onSaved = (saved: Role) => {
    void message.success(t('role.saved', { name: saved.name }));
    onClose();
  };

  const submit = (values: RoleFormValues) => {
    problems.clear();
    if (!editing) {
      const { key, name, description, dataScope, permissions } = values;
      create.mutate(
        { key: key.trim(), name: name.trim(), description: textOrNull(description), dataScope, permissions },
        { onSuccess: onSaved, onError },
      );
      return;
    }
    const body = roleChanges(editing, values);
    if (!body) {
      onClose();
      return;
    }
    update.mutate({ id: editing.id, body }, { onSuccess: onSaved, onError });
  };
  return { submit, saving: create.isPending || update.isPending };
}
