import { Skeleton } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';

/**
 * An administrator's settings page: loads the setting, then shows its form, read-only without
 * settings.edit. The form is rebuilt from the server's value after a save or a reload.
 */
export function SettingsPage<S extends { version: number }>({
  title,
  subTitle,
  query,
  skeletonRows = 6,
  renderForm,
}: {
  title: MessageKey;
  subTitle: MessageKey;
  query: UseQueryResult<S>;
  skeletonRows?: number;
  renderForm: (props: { state: S; editable: boolean; onReload: () => void }) => ReactNode;
}) {
  const t = useT();
  useDocumentTitle(t(title));
  const { can } = usePermissions();
  const [formKey, setFormKey] = useState(0);

  let body;
  if (query.isPending) body = <Skeleton active paragraph={{ rows: skeletonRows }} />;
  else if (query.isError) body = <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  else
    body = (
      <div key={`${query.data.version}-${formKey}`}>
        {renderForm({ state: query.data, editable: can('settings.edit'), onReload: () => void query.refetch().then(() => setFormKey((k) => k + 1)) })}
      </div>
    );
  return (
    <>
      <PageHeader title={t(title)} subTitle={t(subTitle)} />
      {body}
    </>
  );
}
