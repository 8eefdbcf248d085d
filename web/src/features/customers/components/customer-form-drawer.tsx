import { App, Button, Drawer, Form, type FormInstance } from 'antd';
import { defaultCategoryOf, type Customer } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useI18n, useT } from '../../../app/i18n/i18n-context';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors, toNamePath, type FieldPath } from '../../../shared/form/server-errors';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { DrawerFooter, useDrawerPadding } from '../../../shared/layout/drawer-footer';
import { usePermissions } from '../../auth';
import { useUserOptions } from '../../users';
import { CustomFieldItems, customFieldLabel, useActiveCustomFields } from '../../custom-fields';
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
  const isMobile = useIsMobile();
  const padding = useDrawerPadding();
  const [form] = Form.useForm<CustomerFormValues>();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={customer ? t('customer.editTitle') : t('customer.create')}
      size={isMobile ? '100%' : 760}
      destroyOnHidden
      styles={{ body: { padding } }}
      data-testid="customer-drawer"
    >
      {open ? <CustomerFormBody form={form} customer={customer} onClose={onClose} onSaved={onSaved} /> : null}
    </Drawer>
  );
}

function CustomerFormBody({
  form,
  customer,
  onClose,
  onSaved,
}: Omit<CustomerFormDrawerProps, 'open'> & { form: FormInstance<CustomerFormValues> }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const customFields = useActiveCustomFields('customer');
  const duplicates = useDuplicateGuard();
  const { can, me } = usePermissions();
  const owners = useUserOptions();
  const topRef = useRef<HTMLDivElement>(null);
  useFocusOnOpen(form, 'name');

  // The version being edited; replaced when the user reloads after a conflict.
  const [editing, setEditing] = useState<Customer | undefined>(customer);
  const [conflict, setConflict] = useState<{ current: Customer; mine: CustomerPayload } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [details, setDetails] = useState<ApiErrorDetail[]>([]);

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

  const create = useCreateCustomer();
  const update = useUpdateCustomer(editing?.id ?? 0);
  const saving = create.isPending || update.isPending;

  const ownerOptions = useMemo(() => {
    if (can('customers.assign')) return owners.options;
    // Without the assign permission a customer can only be one's own or in the pool.
    const own = owners.options.filter((o) => o.value === me?.user.id);
    const currentOwner =
      editing?.ownerId && editing.ownerName && editing.ownerId !== me?.user.id
        ? [{ value: editing.ownerId, label: editing.ownerName }]
        : [];
    return [...own, ...currentOwner];
  }, [can, owners.options, me, editing]);

  const showProblem = (error: unknown, mine: CustomerPayload) => {
    if (isApiError(error) && error.code === 'CONFLICT' && error.current) {
      setConflict({ current: error.current as Customer, mine });
    } else {
      setDetails(applyServerErrors(form, error, formPath));
      setFailure(errorMessage(error, t));
    }
    topRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  const submit = () => {
    // All values, including those of the collapsed or hidden profile section.
    const values = form.getFieldsValue(true) as CustomerFormValues;
    const payload = formValuesToPayload(values, includeSensitive, customFields);
    setFailure(null);
    setDetails([]);
    setConflict(null);
    if (!editing) {
      // Likely duplicates are shown first; "create anyway" saves regardless.
      void duplicates.confirmBeforeSave(duplicateValues(values)).then((clear) => {
        if (!clear) {
          topRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
          return;
        }
        create.mutate(createRequest(payload), {
          onSuccess: (created) => {
            void message.success(t('customer.created', { name: created.name }));
            onSaved?.(created, true);
            onClose();
          },
          onError: (error) => showProblem(error, payload),
        });
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
        void message.success(t('customer.saved', { name: saved.name }));
        onSaved?.(saved, false);
        onClose();
      },
      onError: (error) => showProblem(error, payload),
    });
  };

  const duplicateValues = (values: CustomerFormValues) => ({
    kind: values.kind,
    name: values.name,
    phone: values.phone ?? null,
    mobile: values.mobile ?? null,
    email: values.email ?? null,
    creditCode: values.organization?.creditCode ?? null,
    idCardNumber: values.person?.idCardNumber ?? null,
    ...(editing ? { excludeId: editing.id } : {}),
  });

  const labelFor = (path: string) => {
    const field = path.startsWith('custom.') ? customFields.find((f) => `custom.${f.key}` === path) : undefined;
    return field ? customFieldLabel(field, locale) : fieldLabel(t, 'customer', path);
  };

  const reloadCurrent = () => {
    if (!conflict) return;
    const current = conflict.current;
    queryClient.setQueryData(customerKeys.detail(current.id), current);
    void queryClient.invalidateQueries({ queryKey: ['customers', 'history', current.id] });
    setEditing(current);
    setConflict(null);
    setFailure(null);
    setDetails([]);
    form.resetFields();
    form.setFieldsValue(customerToFormValues(current, customFields));
  };

  return (
    <Form<CustomerFormValues>
      form={form}
      name="customer_form"
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      onFinishFailed={({ errorFields }) => {
        const first = errorFields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      }}
      scrollToFirstError={false}
      requiredMark
      onValuesChange={(changed: Partial<CustomerFormValues>) => {
        // A new customer's role follows its kind until the user picks one: a person is a retail consumer.
        if (!editing && changed.kind && !form.isFieldTouched('category')) form.setFieldValue('category', defaultCategoryOf(changed.kind));
      }}
      onBlur={(event) => {
        // Check for duplicates when a field they are matched on loses focus.
        if (duplicateFieldIds.includes(event.target.id)) {
          duplicates.schedule(duplicateValues(form.getFieldsValue(true) as CustomerFormValues));
        }
      }}
    >
      <div ref={topRef} />
      {conflict ? (
        <CustomerConflictAlert
          current={conflict.current}
          base={base}
          mine={conflict.mine}
          includeSensitive={includeSensitive}
          onReload={reloadCurrent}
        />
      ) : null}
      <FormErrorsAlert message={failure} details={details} labelFor={labelFor} />
      <DuplicateAlert
        matches={duplicates.matches}
        onOpen={onClose}
        onCreateAnyway={
          editing
            ? undefined
            : () => {
                duplicates.acceptMatches();
                form.submit();
              }
        }
      />
      <CustomerCoreFields
        ownerOptions={ownerOptions}
        ownersLoading={owners.loading}
        ownerEditable={!editing || can('customers.assign')}
        current={editing ? { industry: editing.industry, source: editing.source } : undefined}
      />
      {kind === 'person' ? <PersonFields sensitiveEditable={includeSensitive} /> : <OrganizationFields />}
      <CustomFieldItems fields={customFields} />
      <DrawerFooter>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="customer-save">
          {t('common.save')}
        </Button>
      </DrawerFooter>
    </Form>
  );
}
