import { App, Form, type FormInstance } from 'antd';
import { defaultCategoryOf, type Customer } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FocusEvent, type RefObject } from 'react';
import { useI18n, useT } from '../../../app/i18n/i18n-context';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { toNamePath, type FieldPath } from '../../../shared/form/server-errors';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { usePermissions } from '../../auth';
import { useUserOptions } from '../../users';
import { CustomFieldItems, customFieldLabel, useActiveCustomFields, type CustomField } from '../../custom-fields';
import { DuplicateAlert, useDuplicateGuard } from '../../duplicates';
import { customerKeys, useCreateCustomer, useUpdateCustomer } from '../api';
import { CustomerConflictAlert } from './customer-conflict-alert';
import { fieldLabel } from './customer-fields';
import { CustomerCoreFields, OrganizationFields, PersonFields } from './customer-form-fields';
import {
  createRequest,
  customerToFormValues,
  formValuesToPayload,
  hasChanges,
  newCustomerValues,
  updateRequest,
  type CustomerFormValues,
  type CustomerPayload,
} from './customer-form-model';

/** The inputs whose blur triggers a duplicate check. */
const duplicateFieldIds = ['customer_form_name', 'customer_form_phone', 'customer_form_mobile', 'customer_form_email', 'customer_form_organization_creditCode', 'customer_form_person_idCardNumber'];

/** API paths that a different form field edits. */
function formPath(path: string): FieldPath {
  if (path === 'province' || path === 'city' || path === 'district') return ['region'];
  if (path.startsWith('tags.')) return ['tags'];
  return toNamePath(path);
}

interface CustomerFormDrawerProps {
  open: boolean;
  /** The customer to edit; absent to create one. */
  customer?: Customer;
  onClose: () => void;
  onSaved?: (customer: Customer, created: boolean) => void;
}

/** Quick create / edit of a customer in a drawer. */
export function CustomerFormDrawer({ open, customer, onClose, onSaved }: CustomerFormDrawerProps) {
  const t = useT();
  return (
    <FormDrawer<CustomerFormValues> open={open} onClose={onClose} title={customer ? t('customer.editTitle') : t('customer.create')} width={760} testId="customer-drawer">
      {(form) => <CustomerFormBody form={form} customer={customer} onClose={onClose} onSaved={onSaved} />}
    </FormDrawer>
  );
}

/** What the duplicate check matches on, from the form's values. */
function duplicateValues(values: CustomerFormValues, editing: Customer | undefined) {
  return {
    kind: values.kind,
    name: values.name,
    phone: values.phone ?? null,
    mobile: values.mobile ?? null,
    email: values.email ?? null,
    creditCode: values.organization?.creditCode ?? null,
    idCardNumber: values.person?.idCardNumber ?? null,
    ...(editing ? { excludeId: editing.id } : {}),
  };
}

/** What the form does as the user types: a new customer's category follows its kind, duplicates are checked on blur. */
function formEvents(form: FormInstance<CustomerFormValues>, editing: Customer | undefined, duplicates: ReturnType<typeof useDuplicateGuard>) {
  return {
    onValuesChange: (changed: Partial<CustomerFormValues>) => {
      // A new customer's role follows its kind until the user picks one: a person is a retail consumer.
      if (!editing && changed.kind && !form.isFieldTouched('category')) form.setFieldValue('category', defaultCategoryOf(changed.kind));
    },
    onBlur: (event: FocusEvent<HTMLFormElement>) => {
      // Check for duplicates when a field they are matched on loses focus.
      if (duplicateFieldIds.includes(event.target.id)) {
        duplicates.schedule(duplicateValues(form.getFieldsValue(true) as CustomerFormValues, editing));
      }
    },
  };
}

function CustomerFormBody({
  form,
  customer,
  onClose,
  onSaved,
}: Omit<CustomerFormDrawerProps, 'open'> & { form: FormInstance<CustomerFormValues> }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const customFields = useActiveCustomFields('customer');
  const duplicates = useDuplicateGuard();
  const { can, me } = usePermissions();
  const owners = useCustomerOwnerOptions();
  useFocusOnOpen(form, 'name');

  // The version being edited; replaced when the user reloads after a conflict.
  const [editing, setEditing] = useState<Customer | undefined>(customer);
  const problems = useSaveProblems<Customer, CustomerFormValues>(form, formPath);
  const includeSensitive = editing ? editing.can.viewSensitive : true;
  const initialValues = useMemo(
    () => (editing ? customerToFormValues(editing, customFields) : newCustomerValues(me?.user.id ?? null)),
    [editing, me, customFields],
  );
  const base = useMemo(
    () => formValuesToPayload(initialValues, includeSensitive, customFields),
    [initialValues, includeSensitive, customFields],
  );
  const kind = Form.useWatch('kind', form) ?? initialValues.kind;
  const save = useCustomerSave({ form, editing, base, includeSensitive, customFields, duplicates, onClose, onSaved, problems });

  const labelFor = (path: string) => {
    const field = path.startsWith('custom.') ? customFields.find((f) => `custom.${f.key}` === path) : undefined;
    return field ? customFieldLabel(field, locale) : fieldLabel(t, 'customer', path);
  };

  // Loads the version someone else saved into the form (and the page behind the drawer).
  const reloadCurrent = (current: Customer) => {
    queryClient.setQueryData(customerKeys.detail(current.id), current);
    void queryClient.invalidateQueries({ queryKey: ['customers', 'history', current.id] });
    setEditing(current);
    problems.clear();
    form.resetFields();
    form.setFieldsValue(customerToFormValues(current, customFields));
  };

  return (
    <DrawerForm<CustomerFormValues>
      form={form}
      name="customer_form"
      initialValues={initialValues}
      onFinish={save.submit}
      {...formEvents(form, editing, duplicates)}
      topRef={problems.topRef}
      conflict={
        problems.conflict && save.mine ? (
          <CustomerConflictAlert
            current={problems.conflict}
            base={base}
            mine={save.mine}
            includeSensitive={includeSensitive}
            onReload={() => problems.conflict && reloadCurrent(problems.conflict)}
          />
        ) : null
      }
      errors={{ message: problems.failure, details: problems.details, labelFor }}
      notices={<CustomerDuplicates duplicates={duplicates} creating={!editing} onOpen={onClose} onCreateAnyway={() => form.submit()} />}
      saving={save.saving}
      saveTestId="customer-save"
      onCancel={onClose}
    >
      <CustomerCoreFields
        ownerOptions={owners.options(can('customers.assign'), editing)}
        ownersLoading={owners.loading}
        ownerEditable={!editing || can('customers.assign')}
        current={editing ? { industry: editing.industry, source: editing.source } : undefined}
      />
      {kind === 'person' ? <PersonFields sensitiveEditable={includeSensitive} /> : <OrganizationFields />}
      <CustomFieldItems fields={customFields} />
    </DrawerForm>
  );
}

/** Likely duplicates of the customer being typed; a new one can be created anyway. */
function CustomerDuplicates({
  duplicates,
  creating,
  onOpen,
  onCreateAnyway,
}: {
  duplicates: ReturnType<typeof useDuplicateGuard>;
  creating: boolean;
  onOpen: () => void;
  onCreateAnyway: () => void;
}) {
  const createAnyway = () => {
    duplicates.acceptMatches();
    onCreateAnyway();
  };
  return <DuplicateAlert matches={duplicates.matches} onOpen={onOpen} onCreateAnyway={creating ? createAnyway : undefined} />;
}

/** The owners one may choose: anyone with the assign permission; else oneself (or the current owner, kept). */
function useCustomerOwnerOptions() {
  const { me } = usePermissions();
  const owners = useUserOptions();
  const options = (mayAssign: boolean, editing: Customer | undefined) => {
    if (mayAssign) return owners.options;
    // Without the assign permission a customer can only be one's own or in the pool.
    const own = owners.options.filter((o) => o.value === me?.user.id);
    const currentOwner =
      editing?.ownerId && editing.ownerName && editing.ownerId !== me?.user.id
        ? [{ value: editing.ownerId, label: editing.ownerName }]
        : [];
    return [...own, ...currentOwner];
  };
  return { options, loading: owners.loading };
}

/**
 * Creates the customer once the likely duplicates are dismissed, or sends what changed (nothing
 * changed: the drawer just closes). `mine` is what the last save sent, for the conflict notice.
 */
function useCustomerSave({
  form,
  editing,
  base,
  includeSensitive,
  customFields,
  duplicates,
  onClose,
  onSaved,
  problems,
}: {
  form: FormInstance<CustomerFormValues>;
  editing: Customer | undefined;
  base: CustomerPayload;
  includeSensitive: boolean;
  customFields: CustomField[];
  duplicates: ReturnType<typeof useDuplicateGuard>;
  onClose: () => void;
  onSaved?: (customer: Customer, created: boolean) => void;
  problems: { topRef: RefObject<HTMLDivElement | null>; show: (error: unknown) => void; clear: () => void };
}) {
  const t = useT();
  const { message } = App.useApp();
  const create = useCreateCustomer();
  const update = useUpdateCustomer(editing?.id ?? 0);
  const [mine, setMine] = useState<CustomerPayload | null>(null);
  const done = (saved: Customer, created: boolean) => {
    void message.success(t(created ? 'customer.created' : 'customer.saved', { name: saved.name }));
    onSaved?.(saved, created);
    onClose();
  };

  const submit = () => {
    // All values, including those of the collapsed or hidden profile section.
    const values = form.getFieldsValue(true) as CustomerFormValues;
    const payload = formValuesToPayload(values, includeSensitive, customFields);
    problems.clear();
    setMine(payload);
    if (!editing) {
      // Likely duplicates are shown first; "create anyway" saves regardless.
      void duplicates.confirmBeforeSave(duplicateValues(values, editing)).then((clear) => {
        if (!clear) {
          problems.topRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
          return;
        }
        create.mutate(createRequest(payload), { onSuccess: (created) => done(created, true), onError: problems.show });
      });
      return;
    }
    const request = updateRequest(base, payload, editing.version);
    if (!hasChanges(request)) {
      onClose();
      return;
    }
    update.mutate(request, { onSuccess: (saved) => done(saved, false), onError: problems.show });
  };
  return { submit, mine, saving: create.isPending || update.isPending };
}
