import { listViewCreate, listViewVisibilities, maxLengthOf, type ListView, type ListViewVisibility } from '@crm/contracts';
import { App, Form, Input, Modal, Radio, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useDepartments, treeSelectData } from '../../departments';
import { useCreateListView, useUpdateListView } from '../api';
import type { ListViewState } from '../use-list-view-state';

interface Values {
  name: string;
  visibility: ListViewVisibility;
  departmentId?: number;
}

/** Save the list as it is shown as a new view, or rename (and share) one's own view. */
export function ViewEditor({ state, view, onClose }: { state: ListViewState; view: ListView | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<{ message: string; details: ApiErrorDetail[] } | null>(null);
  const create = useCreateListView(state.list);
  const update = useUpdateListView(state.list);
  const canShare = state.data?.canShare ?? false;
  const departments = useDepartments(canShare);
  const visibility = Form.useWatch('visibility', form);

  const submit = async ({ name, visibility, departmentId }: Values) => {
    const sharing = { visibility, departmentId: visibility === 'department' ? (departmentId ?? null) : null };
    try {
      if (view) await update.mutateAsync({ id: view.id, body: { name, ...sharing, version: view.version } });
      else await create.mutateAsync({ list: state.list, name, ...sharing, ...state.current() });
      void message.success(t('views.saved'));
      onClose();
    } catch (error) {
      // Field errors beside their fields; those of the list's filters (not in this form) listed above it.
      const details = applyServerErrors(form, error).filter((d) => !['name', 'visibility', 'departmentId'].includes(d.path));
      setProblem({ message: errorMessage(error, t), details });
    }
  };

  return (
    <Modal open title={t(view ? 'views.editTitle' : 'views.newTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={create.isPending || update.isPending} okButtonProps={{ ...{ 'data-testid': 'view-save' } }} destroyOnHidden>
      {problem ? <FormErrorsAlert message={problem.message} details={problem.details} labelFor={(path) => path.replace(/^filters\./, '')} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ name: view?.name ?? '', visibility: view?.visibility ?? 'personal', departmentId: view?.departmentId ?? undefined }} requiredMark={false}>
        <Form.Item name="name" label={t('views.name')} rules={[{ required: true, whitespace: true, message: t('views.name') }]}>
          <Input autoFocus maxLength={maxLengthOf(listViewCreate, 'name')} placeholder={t('views.namePlaceholder')} data-testid="view-name" />
        </Form.Item>
        {canShare ? (
          <Form.Item name="visibility" label={t('views.visibility')}>
            <Radio.Group options={listViewVisibilities.map((v) => ({ value: v, label: t(`views.visibility.${v}`) }))} data-testid="view-visibility" />
          </Form.Item>
        ) : null}
        {canShare && visibility === 'department' ? (
          <Form.Item name="departmentId" label={t('views.department')}>
            <TreeSelect allowClear treeDefaultExpandAll placeholder={t('views.visibility.department')} treeData={treeSelectData(departments.data ?? [])} loading={departments.isPending} />
          </Form.Item>
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('views.saveHint')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
