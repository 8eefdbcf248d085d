import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import type { FollowUpRecord } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { ConflictAlert } from '../../../shared/form/conflict-alert';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useUpdateFollowUp } from '../api';
import { FollowUpDetailFields, FollowUpMainFields } from './follow-up-fields';
import { editPayload, editValues, type EditValues } from './follow-up-model';

const labels: Record<string, MessageKey> = {
  kind: 'activity.f.kind',
  content: 'activity.f.content',
  occurredAt: 'activity.f.occurredAt',
  durationMinutes: 'activity.f.duration',
  contactIds: 'activity.f.contacts',
  outcome: 'activity.f.outcome',
};

/** Corrects a follow-up: its kind, time, length, contacts, content and outcome. */
export function FollowUpEditDrawer({ record, onClose }: { record: FollowUpRecord | null; onClose: () => void }) {
  const t = useT();
  return (
    <FormDrawer<EditValues> open={record !== null} onClose={onClose} title={t('activity.editTitle')} width={620} testId="follow-up-drawer">
      {(form) => (record ? <EditForm form={form} record={record} onClose={onClose} /> : null)}
    </FormDrawer>
  );
}

function EditForm({ form, record: initial, onClose }: { form: FormInstance<EditValues>; record: FollowUpRecord; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const update = useUpdateFollowUp();
  const problems = useSaveProblems<FollowUpRecord, EditValues>(form);
  // After a conflict and "load current", the current record is the base of the next save.
  const [record, setRecord] = useState(initial);

  const submit = (values: EditValues) => {
    problems.clear();
    update.mutate(
      { id: record.id, body: editPayload(record, values) },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: problems.show,
      },
    );
  };
  const reload = () => {
    const current = problems.conflict;
    if (!current) return;
    setRecord(current);
    form.setFieldsValue(editValues(current));
    problems.clear();
  };

  return (
    <DrawerForm<EditValues>
      form={form}
      name="follow_up_edit"
      initialValues={editValues(initial)}
      onFinish={submit}
      topRef={problems.topRef}
      conflict={problems.conflict ? <ConflictAlert onReload={reload} /> : null}
      errors={{ message: problems.failure, details: problems.details, labelFor: (path) => (labels[path] ? t(labels[path]) : path) }}
      saving={update.isPending}
      saveTestId="follow-up-save"
      onCancel={onClose}
    >
      <FollowUpMainFields autoFocus customerId={record.customerId} />
      <FollowUpDetailFields customerId={record.customerId} />
    </DrawerForm>
  );
}
