import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton } from 'antd';
import type { Contact } from '@crm/contracts';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { SearchBox } from '../../../shared/layout/search-box';
import { usePermissions } from '../../auth';
import { useContactList } from '../api';
import { ContactFormDrawer } from '../components/contact-form-drawer';
import { ContactsView } from '../components/contacts-view';
import { CustomFieldFilters, customFilterEntries, keepCustomFilters } from '../../custom-fields';
import { ExportButton, ImportButton } from '../../imports';
import { ListViewBar, useListViewState } from '../../list-views';

function positiveId(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : undefined;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= 200 ? n : fallback;
}

interface DrawerState {
  open: boolean;
  contact?: Contact;
}

/** Every contact the user may see, across customers, searchable; the view lives in the URL. */
export function ContactListPage() {
  const t = useT();
  useDocumentTitle(t('contact.title'));
  const isMobile = useIsMobile();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), 20);
  // Custom-field filters (cf_*) travel in the URL too.
  const customFilters = customFilterEntries(params);
  // "My contacts" (a built-in view): the contacts of the customers a user owns.
  const ownerId = positiveId(params.get('ownerId'));
  const apiQuery = { q: q || undefined, ownerId, page, pageSize, sort: '-updatedAt' as const, ...customFilters };
  // Saved views; with an empty URL the list waits for the user's default view.
  const views = useListViewState('contacts', params, setParams);
  const list = useContactList(apiQuery, views.ready);
  const [drawer, setDrawer] = useState<DrawerState>({ open: false });

  const setView = (next: { q?: string; page?: number; pageSize?: number }) => {
    const out = new URLSearchParams();
    const nq = next.q ?? q;
    const np = next.page ?? (next.q !== undefined ? 1 : page);
    const ns = next.pageSize ?? pageSize;
    if (nq) out.set('q', nq);
    if (ownerId !== undefined) out.set('ownerId', String(ownerId));
    if (np !== 1) out.set('page', String(np));
    if (ns !== 20) out.set('pageSize', String(ns));
    setParams(keepCustomFilters(params, out));
  };
  const setCustomFilters = (patch: Record<string, string | undefined>) => {
    const out = keepCustomFilters(params, new URLSearchParams(q ? { q } : {}));
    if (ownerId !== undefined) out.set('ownerId', String(ownerId));
    if (pageSize !== 20) out.set('pageSize', String(pageSize));
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') out.delete(key);
      else out.set(key, value);
    }
    setParams(out);
  };

  const addButton = can('contacts.create') ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true })} data-testid="contact-add">
      {t('contact.add')}
    </Button>
  ) : null;

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.total === 0)
    body = q || ownerId !== undefined || Object.keys(customFilters).length > 0 ? (
      <Empty description={t('contact.emptyFiltered')}>
        <Button onClick={() => setParams(new URLSearchParams())}>{t('common.clearFilters')}</Button>
      </Empty>
    ) : (
      <Empty
        description={
          <div style={{ maxWidth: 460, margin: '0 auto' }}>
            <strong>{t('contact.emptyTitle')}</strong>
            <p style={{ marginTop: 8 }}>{t('contact.emptyText')}</p>
          </div>
        }
      />
    );
  else
    body = (
      <ContactsView
        items={list.data.items}
        total={list.data.total}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        showCustomer
        onPage={(p, s) => setView({ page: p, pageSize: s })}
        onEdit={(contact) => setDrawer({ open: true, contact })}
      />
    );

  return (
    <>
      <PageHeader
        title={t('contact.title')}
        extra={
          <>
            <ImportButton entity="contacts" />
            <ExportButton entity="contacts" filters={apiQuery} />
            {addButton}
          </>
        }
      />
      <Card styles={{ body: { padding: isMobile ? 12 : 24 } }}>
        <ListViewBar state={views} />
        <Flex style={{ marginBottom: 16 }} gap={8} wrap>
          <SearchBox
            value={q}
            onSearch={(value) => setView({ q: value })}
            placeholder={t('contact.searchPlaceholder')}
            width={isMobile ? '100%' : 300}
          />
          <CustomFieldFilters entity="contact" params={params} onChange={setCustomFilters} />
        </Flex>
        {body}
      </Card>
      <ContactFormDrawer
        open={drawer.open}
        contact={drawer.contact}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </>
  );
}
