import { FileDoneOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, List, Modal, Pagination, Skeleton, Typography } from 'antd';
import type { Contract, Customer, Opportunity } from '@crm/contracts';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDate, formatMoney } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { testId } from '../../../shared/test-id';
import { usePermissions } from '../../auth';
import { useContractFromDeal, useContractList } from '../api';
import { ContractKindTag, ContractStatusTag } from './contract-bits';
import { ContractFormDrawer } from './contract-form-drawer';

const pageSize = 5;

/** The customer's transactions as its contracts add up: first and last deal, count and total. */
function DealFigures({ customer }: { customer: Customer }) {
  const { t, locale } = useI18n();
  return (
    // Four across under the page's middle; in its side column (lg and up) two, or one where it is narrowest.
    <Descriptions size="small" column={{ xs: 2, sm: 4, lg: 2, xl: 1, xxl: 2 }} style={{ marginBottom: 8 }} data-testid="customer-deal-figures">
      <Descriptions.Item label={t('contract.figures.count')}>
        <span data-testid="customer-deal-count">{customer.dealCount}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('contract.figures.total')}>{formatMoney(customer.dealTotal, 'CNY', locale)}</Descriptions.Item>
      <Descriptions.Item label={t('contract.figures.first')}>{customer.firstDealAt ? formatDate(customer.firstDealAt) : t('common.none')}</Descriptions.Item>
      <Descriptions.Item label={t('contract.figures.last')}>{customer.lastDealAt ? formatDate(customer.lastDealAt) : t('common.none')}</Descriptions.Item>
    </Descriptions>
  );
}

/** The customer page's 合同 card: the transaction figures and its contracts and orders. */
export function CustomerContracts({ customer }: { customer: Customer }) {
  const { can } = usePermissions();
  if (!can('contracts.view')) return null;
  return <ContractsCard customerId={customer.id} customerName={customer.name} figures={<DealFigures customer={customer} />} />;
}

/** The deal page's 合同 card: contracts of this deal; a won deal offers to make one from it. */
export function DealContracts({ deal }: { deal: Opportunity }) {
  const { can } = usePermissions();
  if (!can('contracts.view')) return null;
  return <ContractsCard customerId={deal.customerId} customerName={deal.customerName} deal={deal} />;
}

function ContractsCard({ customerId, customerName, deal, figures }: { customerId: number; customerName: string; deal?: Opportunity; figures?: ReactNode }) {
  const { t, locale } = useI18n();
  const { can } = usePermissions();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [fromDeal, setFromDeal] = useState(false);
  const list = useContractList({ customerId, ...(deal ? { opportunityId: deal.id } : {}), page, pageSize, sort: '-createdAt' });

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.total === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={deal ? t('contract.dealEmpty') : t('contract.customerEmpty')} />;
  else
    body = (
      <Flex vertical gap={8}>
        <List<Contract>
          size="small"
          loading={list.isFetching}
          dataSource={list.data.items}
          renderItem={(c) => (
            <List.Item data-testid="related-contract">
              <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                <Flex justify="space-between" gap={8} wrap>
                  <Link to={`/contracts/${c.id}`} style={{ fontWeight: 600, minWidth: 0 }}>
                    {c.number} · {c.title}
                  </Link>
                  <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(c.amount, c.currency, locale)}
                  </Typography.Text>
                </Flex>
                <Flex gap={6} wrap align="center">
                  <ContractStatusTag status={c.status} />
                  <ContractKindTag kind={c.kind} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.signedOn ? `${t('contract.f.signedOn')} ${formatDate(c.signedOn)}` : ''}
                    {c.endsOn ? ` · ${t('contract.f.endsOn')} ${formatDate(c.endsOn)}` : ''}
                    {c.ownerName ? ` · ${c.ownerName}` : ''}
                  </Typography.Text>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
        {list.data.total > pageSize ? (
          <Flex justify="center">
            <Pagination simple size="small" current={page} pageSize={pageSize} total={list.data.total} onChange={setPage} />
          </Flex>
        ) : null}
      </Flex>
    );

  const mayCreate = can('contracts.create');
  return (
    <Card
      size="small"
      title={list.data ? t('contract.cardCount', { count: list.data.total }) : t('contract.title')}
      extra={
        mayCreate ? (
          <Flex gap={6} wrap>
            {deal?.status === 'won' ? (
              <Button size="small" type="primary" icon={<FileDoneOutlined />} onClick={() => setFromDeal(true)} data-testid="deal-contract-create">
                {t('contract.fromDeal')}
              </Button>
            ) : (
              <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-contract-create">
                {t('contract.create')}
              </Button>
            )}
          </Flex>
        ) : null
      }
      data-testid={deal ? 'deal-contracts' : 'customer-contracts'}
    >
      {figures}
      {body}
      <ContractFormDrawer open={creating} customer={{ id: customerId, name: customerName }} opportunity={deal ? { id: deal.id, name: deal.name } : undefined} onClose={() => setCreating(false)} />
      {deal && fromDeal ? <WonDealContractOffer deal={deal} onClose={() => setFromDeal(false)} /> : null}
    </Card>
  );
}

/**
 * After a deal is won: offer to make its contract (its won amount, its current quote's products,
 * its contacts), a draft that opens at once; or not now.
 */
export function WonDealContractOffer({ deal, onClose }: { deal: Pick<Opportunity, 'id' | 'name' | 'wonAmount' | 'amount' | 'currency'>; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const make = useContractFromDeal();
  return (
    <Modal
      open
      title={t('contract.offerTitle', { name: deal.name })}
      okText={t('contract.fromDeal')}
      cancelText={t('contract.notNow')}
      okButtonProps={{ loading: make.isPending, ...testId('won-contract-create') }}
      cancelButtonProps={testId('won-contract-later')}
      onCancel={onClose}
      onOk={() =>
        make.mutate(
          { dealId: deal.id, body: {} },
          {
            onSuccess: (saved) => {
              void message.success(t('contract.created', { number: saved.number }));
              onClose();
              void navigate(`/contracts/${saved.id}`);
            },
            onError: (error) => void message.error({ content: errorMessage(error, t), duration: 6 }),
          },
        )
      }
    >
      <Typography.Paragraph>{t('contract.offerText', { amount: formatMoney(deal.wonAmount ?? deal.amount, deal.currency, locale) })}</Typography.Paragraph>
    </Modal>
  );
}
