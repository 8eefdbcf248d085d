import { Button, Card, Checkbox, Flex, List, Pagination, Typography } from 'antd';
import { ScheduleOutlined } from '@ant-design/icons';
import type { Customer } from '@crm/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { OwnerLabel } from './customer-bits';
import { PhoneLink } from '../../../shared/format/phone-link';
import { regionText } from '../../../shared/region/region-text';
import { enumLabel, StatusTag } from '../../../shared/enums/customer-enums';
import type { CustomerListParams } from './customer-list-params';
import { LastFollowUp, NextFollowUp } from './customer-follow-up-columns';
import { CustomerQuickSheet } from './customer-quick-sheet';

interface CustomerCardsProps {
  view: CustomerListParams;
  items: Customer[];
  total: number;
  totalCapped?: boolean;
  loading: boolean;
  onChange: (patch: Partial<CustomerListParams>) => void;
  /** Selection for the bulk bar (a checkbox on each card); left out when the user has no bulk action. */
  selectedIds?: number[];
  onSelect?: (ids: number[]) => void;
}

/**
 * The customer list on a phone: one card per customer, no horizontal scrolling. A card of a
 * customer the user may change opens a quick sheet for its status and next follow-up date.
 */
export function CustomerCards({ view, items, total, totalCapped, loading, onChange, selectedIds, onSelect }: CustomerCardsProps) {
  const t = useT();
  const [quickId, setQuickId] = useState<number | null>(null);
  // The card's customer as now cached: after a save or a 409 the sheet works on the stored version.
  const quick = quickId === null ? null : (items.find((c) => c.id === quickId) ?? null);
  return (
    <Flex vertical gap={12} data-testid="customer-cards">
      <List<Customer>
        loading={loading}
        dataSource={items}
        split={false}
        renderItem={(customer) => (
          <List.Item style={{ padding: '0 0 8px' }}>
            <Card size="small" style={{ width: '100%' }}>
              <Flex justify="space-between" align="start" gap={8}>
                {onSelect ? (
                  <Checkbox
                    checked={selectedIds?.includes(customer.id) ?? false}
                    onChange={(e) => onSelect(e.target.checked ? [...(selectedIds ?? []), customer.id] : (selectedIds ?? []).filter((id) => id !== customer.id))}
                    aria-label={t('bulk.selectCard', { name: customer.name })}
                    style={{ padding: 4, margin: -4 }}
                    data-testid="customer-card-select"
                  />
                ) : null}
                <Link to={`/customers/${customer.id}`} style={{ fontWeight: 600, minWidth: 0, flex: 1 }} data-testid="customer-link">
                  {customer.name}
                </Link>
                <StatusTag status={customer.status} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {customer.archiveNo} · {enumLabel(t, 'kind', customer.kind)} · {enumLabel(t, 'category', customer.category)}
              </Typography.Text>
              <Flex wrap gap={12} style={{ marginTop: 6 }}>
                <OwnerLabel customer={customer} />
                <PhoneLink phone={customer.mobile ?? customer.phone} />
                {regionText(customer) ? <span>{regionText(customer)}</span> : null}
              </Flex>
              <Flex gap={8} align="center" justify="space-between">
                <Flex wrap gap={12} style={{ fontSize: 12, minWidth: 0 }}>
                  <span>
                    {t('customer.f.lastFollowUpAt')} <LastFollowUp at={customer.lastFollowUpAt} t={t} />
                  </span>
                  {customer.nextFollowUpOn ? (
                    <span data-testid="customer-card-next">
                      {t('customer.f.nextFollowUpOn')} <NextFollowUp on={customer.nextFollowUpOn} t={t} />
                    </span>
                  ) : null}
                </Flex>
                {customer.can.edit ? (
                  <Button
                    size="small"
                    icon={<ScheduleOutlined />}
                    onClick={() => setQuickId(customer.id)}
                    aria-label={t('quick.open', { name: customer.name })}
                    title={t('quick.open', { name: customer.name })}
                    data-testid="customer-card-quick"
                  />
                ) : null}
              </Flex>
            </Card>
          </List.Item>
        )}
      />
      <Flex justify="center">
        <Pagination
          simple
          current={view.page}
          pageSize={view.pageSize}
          total={total}
          onChange={(page) => onChange({ page })}
        />
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
        {t('common.total', { total: totalCapped ? `${total.toLocaleString()}+` : total })}
      </Typography.Text>
      <CustomerQuickSheet customer={quick} onClose={() => setQuickId(null)} />
    </Flex>
  );
}
