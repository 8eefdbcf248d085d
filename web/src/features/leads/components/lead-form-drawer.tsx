import { App, Form, type FormInstance } from 'antd';
import type { Lead } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { ConflictAlert } from '../../../shared/form/conflict-alert';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { toNamePath, type FieldPath } from '../../../shared/form/server-errors';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { usePermissions } from '../../auth';
import { useUserOptions } from '../../users';
import { leadKeys, useCreateLead, useUpdateLead } from '../api';
import { LeadDuplicateAlert, useLeadDuplicateCheck } from './lead-duplicates';
import { LeadFormFields } from './lead-form-fields';
import {
  createRequest,
  formValuesToPayload,
  hasChanges,
  leadToFormValues,
  newLeadValues,
  updateRequest,
  type LeadFormValues,
} from './lead-form-model';

/** API paths that a different form field edits. */
function formPath(path: string): FieldPath {
  if (path === 'province' || path === 'city' || path === 'district') return ['region'];
  return toNamePath(path);
}

interface LeadFormDrawerProps {
  open: boolean;
  /** The lead to edit; absent to create one. */
  lead?: Lead;
  onClose: () => void;
  onSaved?: (lead: Lead, created: boolean) => void;
}

/** Quick create / edit of a lead in a drawer. */
export function LeadFormDrawer({ open, lead, onClose, onSaved }: LeadFormDrawerProps) {
  const t = useT();
  return (
    <FormDrawer<LeadFormValues> open={open} onClose={onClose} title={lead ? t('lead.editTitle') : t('lead.create')} width={720} testId="lead-drawer">
      {(form) => <LeadFormBody form={form} lead={lead} onClose={onClose} onSaved={onSaved} />}
    </FormDrawer>
  );
}

function LeadFormBody({ form, lead, onClose, onSaved }: Omit<LeadFormDrawerProps, 'open'> & { form: FormInstance<LeadFormValues> }) {
  const t = useT();
  const queryClient = useQueryClient();
  const { can, me } = usePermissions();
  const owners = useUserOptions();
  useFocusOnOpen(form, 'name');

  // The version being edited; replaced when the user loads the current one after a conflict.
  const [editing, setEditing] = useState<Lead | undefined>(lead);
  const { topRef, conflict, failure, details, show: showProblem, clear: clearProblems } = useSaveProblems<Lead, LeadFormValues>(form, formPath);

  const initialValues = useMemo(() => (editing ? leadToFormValues(editing) : newLeadValues()), [editing]);
  const { submit, saving } = useLeadSave({ form, editing, initialValues, onClose, onSaved, onError: showProblem, clearProblems });

  const mayAssign = can('leads.assign');
  const ownerOptions = useMemo(() => {
    if (mayAssign) return owners.options;
    // Without the assign permission a lead can only be one's own (or left to the rules / pool).
    const own = owners.options.filter((o) => o.value === me?.user.id);
    const current = editing?.ownerId && editing.ownerName && editing.ownerId !== me?.user.id ? [{ value: editing.ownerId, label: editing.ownerName }] : [];
    return [...own, ...current];
  }, [mayAssign, owners.options, me, editing]);

  const company = Form.useWatch('company', form);
  const mobile = Form.useWatch('mobile', form);
  const phone = Form.useWatch('phone', form);
  const email = Form.useWatch('email', form);
  const matches = useLeadDuplicateCheck({ company, mobile, phone, email }, editing?.id);

  const loadCurrent = () => {
    if (!conflict) return;
    queryClient.setQueryData(leadKeys.detail(conflict.id), conflict);
    setEditing(conflict);
    clearProblems();
    form.resetFields();
    form.setFieldsValue(leadToFormValues(conflict));
  };

  const labelFor = (path: string) => {
    const key = `lead.f.${formPath(path).join('.')}`;
    return isMessageKey(key) ? t(key) : path;
  };

  return (
    <DrawerForm<LeadFormValues>
      form={form}
      name="lead_form"
      initialValues={initialValues}
      onFinish={submit}
      topRef={topRef}
      conflict={conflict ? <ConflictAlert onReload={loadCurrent} testId="lead-conflict" reloadTestId="lead-load-current" /> : null}
      errors={{ message: failure, details, labelFor }}
      notices={<LeadDuplicateAlert matches={matches} onOpen={onClose} />}
      saving={saving}
      saveTestId="lead-save"
      onCancel={onClose}
    >
      <LeadFormFields
        ownerOptions={ownerOptions}
        ownersLoading={owners.loading}
        ownerEditable={!editing || mayAssign}
        creating={!editing}
        currentSource={editing?.source ?? null}
        referrerName={editing?.referrerCustomerName ?? null}
      />
    </DrawerForm>
  );
}

/** Creates the lead, or sends what changed (nothing changed: the drawer just closes). */
function useLeadSave({
  form,
  editing,
  initialValues,
  onClose,
  onSaved,
  onError: showProblem,
  clearProblems,
}: {
  form: FormInstance<LeadFormValues>;
  editing: Lead | undefined;
  initialValues: LeadFormValues;
  onClose: () => void;
  onSaved?: (lead: Lead, created: boolean) => void;
  onError: (error: unknown) => void;
  clearProblems: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const base = useMemo(() => formValuesToPayload(initialValues), [initialValues]);
  const create = useCreateLead();
  const update = useUpdateLead(editing?.id ?? 0);

  const submit = () => {
    const values = form.getFieldsValue(true) as LeadFormValues;
    const payload = formValuesToPayload(values);
    clearProblems();
    if (!editing) {
      create.mutate(createRequest(payload), {
        onSuccess: (created) => {
          void message.success(
            created.ownerId === null
              ? t('lead.createdToPool', { name: created.name })
              : t('lead.createdFor', { name: created.name, owner: created.ownerName ?? '' }),
          );
          onSaved?.(created, true);
          onClose();
        },
        onError: showProblem,
      });
      return;
    }
    const request = updateRequest(base, payload, editing.version);
    if (!hasChanges(request)) {
      onClose();
      return;
    }
    update.mutate(request, {
      onSuccess: (saved) => {
        void message.success(t('lead.saved', { name: saved.name }));
        onSaved?.(saved, false);
        onClose();
      },
      onError: showProblem,
    });
  };
  return { submit, saving: create.isPending || update.isPending };
}
