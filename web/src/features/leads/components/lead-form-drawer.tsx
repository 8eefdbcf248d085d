import { Alert, App, Button, Drawer, Form, type FormInstance } from 'antd';
import type { Lead } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { toNamePath, type FieldPath } from '../../../shared/form/server-errors';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { DrawerFooter, useDrawerPadding } from '../../../shared/layout/drawer-footer';
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
  const isMobile = useIsMobile();
  const padding = useDrawerPadding();
  const [form] = Form.useForm<LeadFormValues>();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={lead ? t('lead.editTitle') : t('lead.create')}
      size={isMobile ? '100%' : 720}
      destroyOnHidden
      styles={{ body: { padding } }}
      data-testid="lead-drawer"
    >
      {open ? <LeadFormBody form={form} lead={lead} onClose={onClose} onSaved={onSaved} /> : null}
    </Drawer>
  );
}

function LeadFormBody({ form, lead, onClose, onSaved }: Omit<LeadFormDrawerProps, 'open'> & { form: FormInstance<LeadFormValues> }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { can, me } = usePermissions();
  const owners = useUserOptions();
  useFocusOnOpen(form, 'name');

  // The version being edited; replaced when the user loads the current one after a conflict.
  const [editing, setEditing] = useState<Lead | undefined>(lead);
  const { topRef, conflict, failure, details, show: showProblem, clear: clearProblems } = useSaveProblems<Lead, LeadFormValues>(form, formPath);

  const initialValues = useMemo(() => (editing ? leadToFormValues(editing) : newLeadValues()), [editing]);
  const base = useMemo(() => formValuesToPayload(initialValues), [initialValues]);
  const create = useCreateLead();
  const update = useUpdateLead(editing?.id ?? 0);
  const saving = create.isPending || update.isPending;

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
    <Form<LeadFormValues>
      form={form}
      name="lead_form"
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      onFinishFailed={({ errorFields }) => {
        const first = errorFields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      }}
      scrollToFirstError={false}
      requiredMark
    >
      <div ref={topRef} />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          data-testid="lead-conflict"
          title={t('common.conflictTitle')}
          description={t('common.conflictText')}
          action={
            <Button size="small" type="primary" onClick={loadCurrent} data-testid="lead-load-current">
              {t('common.loadCurrent')}
            </Button>
          }
        />
      ) : null}
      <FormErrorsAlert message={failure} details={details} labelFor={labelFor} />
      <LeadDuplicateAlert matches={matches} onOpen={onClose} />
      <LeadFormFields
        ownerOptions={ownerOptions}
        ownersLoading={owners.loading}
        ownerEditable={!editing || mayAssign}
        creating={!editing}
        currentSource={editing?.source ?? null}
        referrerName={editing?.referrerCustomerName ?? null}
      />
      <DrawerFooter>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="lead-save">
          {t('common.save')}
        </Button>
      </DrawerFooter>
    </Form>
  );
}
