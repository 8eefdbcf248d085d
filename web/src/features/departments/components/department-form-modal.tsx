import { App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { maxLengthOf, departmentCreate } from '@crm/contracts';
import type { Department } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { useFormRules } from '../../../shared/form/rules';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { testId } from '../../../shared/test-id';
import { useUserOptions } from '../../users';
import { useCreateDepartment, useUpdateDepartment } from '../api';
import { descendantIds, treeSelectData } from './department-tree';

/** A field's length limit, from the shared schema the server validates with. */
const limit = (field: string) => maxLengthOf(departmentCreate, field);

interface DepartmentFormValues {
  name: string;
  parentId?: number | null;
  managerId?: number | null;
}

export type DepartmentDialog =
  | { mode: 'create'; parentId: number | null }
  | { mode: 'edit'; department: Department };

interface DepartmentFormModalProps {
  dialog: DepartmentDialog | null;
  departments: Department[];
  onClose: () => void;
}

/** Create a department (optionally under a parent) or rename / move one. */
export function DepartmentFormModal({ dialog, departments, onClose }: DepartmentFormModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<DepartmentFormValues>();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const [failure, setFailure] = useState<string | null>(null);
  const [details, setDetails] = useState<ApiErrorDetail[]>([]);
  const users = useUserOptions();

  const editing = dialog?.mode === 'edit' ? dialog.department : undefined;
  const initialValues: DepartmentFormValues = editing
    ? { name: editing.name, parentId: editing.parentId, managerId: editing.managerId }
    : { name: '', parentId: dialog?.mode === 'create' ? dialog.parentId : null, managerId: null };
  const parents = treeSelectData(departments, editing ? descendantIds(departments, editing.id) : new Set());

  const onError = (error: unknown) => {
    setDetails(applyServerErrors(form, error));
    setFailure(errorMessage(error, t));
  };
  const onSaved = (saved: Department) => {
    void message.success(t('department.saved', { name: saved.name }));
    onClose();
  };

  const submit = (values: DepartmentFormValues) => {
    setFailure(null);
    setDetails([]);
    const name = values.name.trim();
    const parentId = values.parentId ?? null;
    const managerId = values.managerId ?? null;
    if (editing) {
      const body = {
        version: editing.version,
        ...(name !== editing.name ? { name } : {}),
        ...(parentId !== editing.parentId ? { parentId } : {}),
        ...(managerId !== editing.managerId ? { managerId } : {}),
      };
      update.mutate({ id: editing.id, body }, { onSuccess: onSaved, onError });
    } else {
      create.mutate({ name, parentId, managerId }, { onSuccess: onSaved, onError });
    }
  };

  return (
    <Modal
      open={dialog !== null}
      title={editing ? t('department.editTitle') : t('department.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      okButtonProps={{
        htmlType: 'submit',
        form: 'department_form',
        loading: create.isPending || update.isPending,
        ...testId('department-save'),
      }}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (open) form.focusField('name');
      }}
      afterClose={() => {
        setFailure(null);
        setDetails([]);
      }}
    >
      <FormErrorsAlert
        message={failure}
        details={details}
        labelFor={(path) =>
          path === 'parentId' ? t('department.f.parentId') : path === 'managerId' ? t('department.f.managerId') : t('department.f.name')
        }
      />
      <Form form={form} name="department_form" layout="vertical" initialValues={initialValues} onFinish={submit} preserve={false}>
        <Form.Item name="name" label={t('department.f.name')} rules={[rules.required, rules.max(limit('name'))]}>
          <Input maxLength={limit('name')} autoComplete="off" />
        </Form.Item>
        <Form.Item name="parentId" label={t('department.f.parentId')}>
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            treeData={parents}
            placeholder={t('department.root')}
            showSearch={{ treeNodeFilterProp: 'title' }}
          />
        </Form.Item>
        <Form.Item name="managerId" label={t('department.f.managerId')} extra={t('department.managerHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={users.loading}
            options={users.options}
            placeholder={t('department.noManager')}
            data-testid="department-manager"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
