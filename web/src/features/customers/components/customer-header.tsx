import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import type { Customer } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { enumLabel } from '../../../shared/enums/customer-enums';
import { StatusTag } from '../../../shared/enums/status-tag';
import { CustomerOwnershipActions, OwnershipSummary } from '../../pool';
import { useDeleteCustomerFlow } from './use-delete-customer';

/** The record's header: its name, status and kind, archive number, owner and clocks, and the actions the user may take. */
export function CustomerHeader({ customer: c, onEdit }: { customer: Customer; onEdit: () => void }) {
  const t = useT();
  const confirmDelete = useDeleteCustomerFlow(c);
  return (
    <Card styles={{ body: { padding: 16 } }}>
      <Flex justify="space-between" align="start" wrap gap={12}>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Link to="/customers" style={{ fontSize: 13 }}>
            <ArrowLeftOutlined /> {t('customer.title')}
          </Link>
          <Flex align="center" wrap gap={8}>
            <Typography.Title level={1} style={{ fontSize: 24, margin: 0, overflowWrap: 'anywhere' }} data-testid="customer-name">
              {c.name}
            </Typography.Title>
            <StatusTag status={c.status} />
            <Tag style={{ marginInlineEnd: 0 }}>{enumLabel(t, 'kind', c.kind)}</Tag>
          </Flex>
          <Typography.Text type="secondary" data-testid="customer-archive-no">
            {t('customer.f.archiveNo')}: {c.archiveNo}
          </Typography.Text>
          <OwnershipSummary customer={c} />
        </Flex>
        <Flex gap={8} wrap>
          <CustomerOwnershipActions customer={c} />
          {c.can.edit ? (
            <Button type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid="customer-edit">
              {t('common.edit')}
            </Button>
          ) : null}
          {c.can.delete ? (
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="customer-delete">
              {t('common.delete')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      {c.viaDeal ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={t('customer.viaDeal')}
          description={t('customer.viaDealHint', { owner: c.ownerName ?? '' })}
          data-testid="customer-via-deal"
        />
      ) : null}
    </Card>
  );
}
