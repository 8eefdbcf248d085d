import { AimOutlined, ContactsOutlined, ProjectOutlined, SearchOutlined, TeamOutlined } from '@ant-design/icons';
import { Empty, Flex, Input, List, Modal, Spin, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Contact, Customer, Lead, ListResponse } from '@crm/contracts';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { usePermissions } from '../features/auth';
// Straight from its file, not the feature's index: the index would pull the deal forms into the shell's chunk.
import { useOpportunitySearch } from '../features/opportunities';
import { apiRequest } from '../shared/api/client';
import { useT } from './i18n/i18n-context';

interface Hit {
  key: string;
  type: 'customer' | 'contact' | 'lead' | 'opportunity';
  title: string;
  detail: string;
  path: string;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function SearchResults({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 250);

  const customers = useQuery({
    queryKey: ['search', 'customers', q],
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<Customer>>('/customers', { query: { q, page: 1, pageSize: 6 }, signal }),
    enabled: q !== '' && can('customers.view'),
    placeholderData: keepPreviousData,
  });
  const contacts = useQuery({
    queryKey: ['search', 'contacts', q],
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<Contact>>('/contacts', { query: { q, page: 1, pageSize: 4 }, signal }),
    enabled: q !== '' && can('contacts.view'),
    placeholderData: keepPreviousData,
  });
  const leads = useQuery({
    queryKey: ['search', 'leads', q],
    queryFn: ({ signal }) => apiRequest<ListResponse<Lead>>('/leads', { query: { q, page: 1, pageSize: 4 }, signal }),
    enabled: q !== '' && can('leads.view'),
    placeholderData: keepPreviousData,
  });
  const opportunities = useOpportunitySearch(q);

  const hits: Hit[] = q
    ? [
        ...(customers.data?.items ?? []).map((c) => ({
          key: `customer-${c.id}`,
          type: 'customer' as const,
          title: c.name,
          detail: [c.archiveNo, c.ownerName ?? t('customer.publicPool')].join(' · '),
          path: `/customers/${c.id}`,
        })),
        ...(contacts.data?.items ?? []).map((c) => ({
          key: `contact-${c.id}`,
          type: 'contact' as const,
          title: c.name,
          detail: [c.customerName, c.title, c.mobile].filter(Boolean).join(' · '),
          path: `/customers/${c.customerId}?tab=contacts`,
        })),
        ...(leads.data?.items ?? []).map((l) => ({
          key: `lead-${l.id}`,
          type: 'lead' as const,
          title: l.name,
          detail: [l.company, t(`lead.status.${l.status}`), l.ownerName ?? t('lead.pool')].filter(Boolean).join(' · '),
          path: `/leads/${l.id}`,
        })),
        ...opportunities.hits,
      ]
    : [];
  const loading = customers.isFetching || contacts.isFetching || leads.isFetching || opportunities.fetching;

  const open = (hit: Hit | undefined) => {
    if (!hit) return;
    onClose();
    void navigate(hit.path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, hits.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(hits[active]);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Input
        autoFocus
        size="large"
        prefix={<SearchOutlined />}
        suffix={loading ? <Spin size="small" /> : null}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        data-testid="global-search-input"
      />
      {q && hits.length === 0 && !loading ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.empty')} /> : null}
      {hits.length > 0 ? (
        <List<Hit>
          dataSource={hits}
          size="small"
          renderItem={(hit, index) => (
            <List.Item
              onClick={() => open(hit)}
              onMouseEnter={() => setActive(index)}
              style={{
                cursor: 'pointer',
                paddingInline: 8,
                borderRadius: 6,
                background: index === active ? '#f0f5ff' : undefined,
              }}
              data-testid="global-search-hit"
            >
              <Flex gap={8} align="center" style={{ minWidth: 0, width: '100%' }}>
                {hit.type === 'customer' ? <TeamOutlined /> : hit.type === 'lead' ? <AimOutlined /> : hit.type === 'opportunity' ? <ProjectOutlined /> : <ContactsOutlined />}
                <Flex vertical style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Text strong ellipsis>
                    {hit.title}
                  </Typography.Text>
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {hit.detail}
                  </Typography.Text>
                </Flex>
                <Tag style={{ marginInlineEnd: 0 }}>
                  {hit.type === 'customer'
                    ? t('customer.single')
                    : hit.type === 'lead'
                      ? t('lead.single')
                      : hit.type === 'opportunity'
                        ? t('opp.single')
                        : t('contact.single')}
                </Tag>
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('search.hint')}
      </Typography.Text>
    </Flex>
  );
}

/** The search dialog: loaded when first opened (GlobalSearch). */
export function GlobalSearchDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      title={t('search.title')}
      destroyOnHidden
      width={560}
      styles={{ body: { paddingTop: 8 } }}
    >
      {open ? <SearchResults onClose={onClose} /> : null}
    </Modal>
  );
}
