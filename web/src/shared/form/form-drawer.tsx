import { Button, Drawer, Form, type FormInstance, type FormProps } from 'antd';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import { useT } from '../../app/i18n/i18n-context';
import type { ApiErrorDetail } from '../api/client';
import { useIsMobile } from '../hooks/use-is-mobile';
import { DrawerFooter, useDrawerPadding } from '../layout/drawer-footer';
import { FormErrorsAlert } from './form-errors-alert';

interface FormDrawerProps<Values> {
  open: boolean;
  title: string;
  /** Width on a desktop; a phone gets the whole screen. */
  width: number;
  /** The drawer's test id (the browser journeys find the form by it). */
  testId: string;
  onClose: () => void;
  /** The form, mounted only while the drawer is open so that each opening starts afresh. */
  children: (form: FormInstance<Values>) => ReactNode;
}

/** A record's create / edit drawer: title, phone-wide size, padding, and a form instance for its body. */
export function FormDrawer<Values>({ open, title, width, testId, onClose, children }: FormDrawerProps<Values>) {
  const isMobile = useIsMobile();
  const padding = useDrawerPadding();
  const [form] = Form.useForm<Values>();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={isMobile ? '100%' : width}
      destroyOnHidden
      styles={{ body: { padding } }}
      data-testid={testId}
    >
      {open ? children(form) : null}
    </Drawer>
  );
}

type DrawerFormProps<Values> = Omit<FormProps<Values>, 'form' | 'layout' | 'children'> & {
  form: FormInstance<Values>;
  /** Scrolled to when a save fails, so that the alerts below it are seen. */
  topRef?: RefObject<HTMLDivElement | null>;
  /** Above the server's errors: the version conflict. */
  conflict?: ReactNode;
  /** The server's refusal of the last save. */
  errors: { message: string | null; details: ApiErrorDetail[]; labelFor: (path: string) => string };
  /** Below the server's errors: possible duplicates. */
  notices?: ReactNode;
  saving: boolean;
  /** The save button's test id. */
  saveTestId: string;
  onCancel: () => void;
  children: ReactNode;
};

/**
 * The form of a record drawer: vertical layout, the alerts above the fields, and a sticky footer
 * with cancel and save. Enter in a field submits (the footer is inside the form), and so does
 * Ctrl/⌘+Enter anywhere, a text area included; a refused submit scrolls to the first bad field.
 */
export function DrawerForm<Values>({
  form,
  topRef,
  conflict,
  errors,
  notices,
  saving,
  saveTestId,
  onCancel,
  children,
  ...formProps
}: DrawerFormProps<Values>) {
  const t = useT();
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.submit();
    }
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark
      scrollToFirstError={false}
      onFinishFailed={({ errorFields }) => {
        const first = errorFields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      }}
      onKeyDown={onKeyDown}
      {...formProps}
    >
      <div ref={topRef} />
      {conflict}
      <FormErrorsAlert message={errors.message} details={errors.details} labelFor={errors.labelFor} />
      {notices}
      {children}
      <DrawerFooter>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid={saveTestId}>
          {t('common.save')}
        </Button>
      </DrawerFooter>
    </Form>
  );
}
