import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Switch, Typography } from 'antd';
import { leadSourcesUpdate, maxLengthOf, type LeadSourcesState, type LeadSourcesUpdate } from '@crm/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { MessageKey } from '../../../app/i18n/translate';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { SettingsPage, StaleSettingsAlert } from '../../settings';
import { useLeadSources, useSaveLeadSources } from '../api';

const limit = (field: string) => maxLengthOf(leadSourcesUpdate, 'items', '[]', field);

interface SourceRow {
  key: string;
  labelZh: string;
  labelEn: string;
  active: boolean;
  /** Added on this page and not saved yet: only then may its key be typed. */
  added?: boolean;
}

interface SourcesValues {
  items: SourceRow[];
}

const keyPattern = /^[a-z][a-z0-9_]*$/;

interface ListFormProps {
  state: LeadSourcesState;
  editable: boolean;
  onReload: () => void;
  /** Saves the whole list (lead sources, industries...: lists of the same shape). */
  save: UseMutationResult<LeadSourcesState, Error, LeadSourcesUpdate>;
  help: MessageKey;
  addLabel: MessageKey;
  /** The confirmation of a removal ({name}) and what it explains. */
  removeConfirm: MessageKey;
  removeText: MessageKey;
  name: string;
}

/** A managed list's editor: key, zh and en labels, on/off, order; items in use can be switched off, not removed. */
export function ManagedListForm({ state, editable, onReload, save, help, addLabel, removeConfirm, removeText, name }: ListFormProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<SourcesValues>();
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });

  const submit = () => {
    const values = form.getFieldsValue(true) as SourcesValues;
    setFailure({ message: null, details: [] });
    save.mutate(
      {
        items: values.items.map((row) => ({
          key: row.key.trim(),
          labelZh: row.labelZh.trim(),
          labelEn: row.labelEn.trim(),
          active: row.active,
        })),
        version: state.version,
      },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            setStale(true);
            return;
          }
          const details = applyServerErrors(form, error);
          setFailure({ message: errorMessage(error, t), details });
        },
      },
    );
  };

  const labelFor = (path: string) => {
    const [, index, field] = path.split('.');
    const row = index === undefined ? undefined : (form.getFieldValue(['items', Number(index)]) as SourceRow | undefined);
    const fieldLabel = field === 'labelZh' ? t('leadSource.labelZh') : field === 'labelEn' ? t('leadSource.labelEn') : field === 'key' ? t('leadSource.key') : '';
    return [row?.key ?? path, fieldLabel].filter(Boolean).join(' · ');
  };

  return (
    <Card>
      {stale ? (
        <StaleSettingsAlert
          onReload={() => {
            setStale(false);
            onReload();
          }}
        />
      ) : null}
      <FormErrorsAlert message={failure.message} details={failure.details} labelFor={labelFor} />
      <Typography.Paragraph type="secondary">{t(help)}</Typography.Paragraph>
      <Form<SourcesValues>
        form={form}
        name={name}
        initialValues={{ items: state.items }}
        onFinish={submit}
        disabled={!editable}
        onFinishFailed={({ errorFields }) => {
          const first = errorFields[0];
          if (first) form.scrollToField(first.name, { block: 'center' });
        }}
      >
        <Form.List name="items">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={isMobile ? 12 : 4} data-testid="lead-sources-list">
              {fields.map((field, index) => {
                const row = form.getFieldValue(['items', field.name]) as SourceRow | undefined;
                return (
                  <Flex
                    key={field.key}
                    gap={8}
                    wrap={isMobile}
                    align="start"
                    style={isMobile ? { border: '1px solid #f0f0f0', borderRadius: 8, padding: 8 } : undefined}
                    data-testid="lead-source-row"
                  >
                    <Flex gap={2} style={{ paddingTop: 4 }}>
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowUpOutlined />}
                        aria-label={t('leadSource.moveUp')}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      />
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowDownOutlined />}
                        aria-label={t('leadSource.moveDown')}
                        disabled={index === fields.length - 1}
                        onClick={() => move(index, index + 1)}
                      />
                    </Flex>
                    <Form.Item
                      name={[field.name, 'key']}
                      style={{ width: isMobile ? 'calc(100% - 72px)' : 210, marginBottom: 8 }}
                      rules={[
                        { required: true, whitespace: true, message: t('common.required') },
                        { pattern: keyPattern, message: t('leadSource.keyRule') },
                        { min: 2, max: limit('key'), message: t('leadSource.keyLength') },
                      ]}
                    >
                      {row?.added ? (
                        <Input placeholder={t('leadSource.key')} aria-label={t('leadSource.key')} maxLength={limit('key')} data-testid="lead-source-key" />
                      ) : (
                        <Input variant="borderless" readOnly aria-label={t('leadSource.key')} style={{ fontFamily: 'monospace', color: 'rgba(0,0,0,0.55)' }} />
                      )}
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'labelZh']}
                      style={{ flex: '1 1 160px', marginBottom: 8 }}
                      rules={[
                        { required: true, whitespace: true, message: t('common.required') },
                        { max: limit('labelZh'), message: t('common.tooLong', { max: limit('labelZh') }) },
                      ]}
                    >
                      <Input placeholder={t('leadSource.labelZh')} aria-label={t('leadSource.labelZh')} maxLength={limit('labelZh')} data-testid="lead-source-zh" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'labelEn']}
                      style={{ flex: '1 1 160px', marginBottom: 8 }}
                      rules={[
                        { required: true, whitespace: true, message: t('common.required') },
                        { max: limit('labelEn'), message: t('common.tooLong', { max: limit('labelEn') }) },
                      ]}
                    >
                      <Input placeholder={t('leadSource.labelEn')} aria-label={t('leadSource.labelEn')} maxLength={limit('labelEn')} data-testid="lead-source-en" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'active']} valuePropName="checked" style={{ marginBottom: 8, paddingTop: 4 }}>
                      <Switch
                        checkedChildren={t('common.active')}
                        unCheckedChildren={t('common.inactive')}
                        aria-label={t('common.active')}
                        data-testid="lead-source-active"
                      />
                    </Form.Item>
                    {row?.added ? (
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                    ) : (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        onClick={() =>
                          void modal.confirm({
                            title: t(removeConfirm, { name: row?.labelZh ?? row?.key ?? '' }),
                            content: t(removeText),
                            okText: t('common.delete'),
                            okButtonProps: { danger: true },
                            cancelText: t('common.cancel'),
                            onOk: () => remove(field.name),
                          })
                        }
                      />
                    )}
                  </Flex>
                );
              })}
              {editable ? (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ key: '', labelZh: '', labelEn: '', active: true, added: true } satisfies SourceRow)}
                  style={{ alignSelf: 'flex-start', marginTop: 8 }}
                  data-testid="lead-source-add"
                >
                  {t(addLabel)}
                </Button>
              ) : null}
            </Flex>
          )}
        </Form.List>
        <Flex gap={8} style={{ marginTop: 16 }}>
          {editable ? (
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="lead-sources-save">
              {t('common.save')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('settings.readOnly')}</Typography.Text>
          )}
        </Flex>
      </Form>
    </Card>
  );
}

function SourcesListForm(props: { state: LeadSourcesState; editable: boolean; onReload: () => void }) {
  const save = useSaveLeadSources();
  return (
    <ManagedListForm
      {...props}
      save={save}
      help="leadSource.help"
      addLabel="leadSource.add"
      removeConfirm="leadSource.removeConfirm"
      removeText="leadSource.removeText"
      name="lead_sources"
    />
  );
}

/** 线索来源: the list of sources offered on leads, in display order, with both languages' labels. */
export function LeadSourcesPage() {
  return (
    <SettingsPage
      title="leadSource.title"
      subTitle="leadSource.subtitle"
      query={useLeadSources()}
      skeletonRows={10}
      renderForm={(props) => <SourcesListForm {...props} />}
    />
  );
}
