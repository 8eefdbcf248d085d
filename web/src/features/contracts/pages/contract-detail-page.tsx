import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Flex, List, Row, Skeleton, Tag, Typography } from 'antd';
import type { Contract, ContractStatus } from '@crm/contracts';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { NotFoundResult, QueryErrorResult } from '../../../shared/layout/results';
import { testId } from '../../../shared/test-id';
import { ContractAttachments } from '../../attachments';
import { usePermissions } from '../../auth';
import { QuoteLinesTable } from '../../quotes';
import { useContract, useContractStatus, useDeleteContract } from '../api';
import { ContractKindTag, ContractStatusTag } from '../components/contract-bits';
import { ContractFormDrawer } from '../components/contract-form-drawer';
import { ContractHistory } from '../components/contract-history';
import { ApprovalCard, useApprovalRequirement } from '../../approvals';
import { ContractReceivablesCard } from '../../receivables';

/** One contract or order: its facts, lines, contacts, files, status moves (each confirmed) and history. */
export function ContractDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const contract = useContract(id);
  useDocumentTitle(contract.data ? `${contract.data.number} ${contract.data.title}` : t('contract.single'));
  if (!Number.isInteger(id) || id <= 0) return <NotFoundResult />;
  if (contract.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (contract.isError) return isApiError(contract.error) && contract.error.status === 404 ? <NotFoundResult /> : <QueryErrorResult error={contract.error} onRetry={() => void contract.refetch()} />;
  return <ContractView contract={contract.data} />;
}

/** Buttons of the moves a user may make now; destructive or binding ones are styled so. */
const moveStyle: Record<ContractStatus, { type?: 'primary'; danger?: boolean }> = {
  draft: {},
  awaiting_approval: {},
  active: { type: 'primary' },
  completed: {},
  cancelled: { danger: true },
};

function ContractView({ contract }: { contract: Contract }) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const { can } = usePermissions();
  const status = useContractStatus();
  const remove = useDeleteContract();
  const money = (fen: number) => formatMoney(fen, contract.currency, locale);
  const failed = (error: unknown) => void message.error({ content: errorMessage(error, t), duration: 6 });

  // A draft an approval flow applies to is submitted (it becomes active with the last approval);
  // one without a flow is signed directly; one awaiting approval can be withdrawn or cancelled.
  const requirement = useApprovalRequirement('contract', contract.id);
  const needsApproval = contract.status === 'draft' && Boolean(requirement);
  const moves = contract.nextStatuses.filter((s) => (s === 'awaiting_approval' ? needsApproval : !(needsApproval && s === 'active')));
  const moveLabel = (s: ContractStatus) => (s === 'draft' && contract.status === 'awaiting_approval' ? t('approval.withdraw') : t(`contract.move.${s}.ok`));

  const confirmMove = (next: ContractStatus) =>
    void modal.confirm({
      title: t(`contract.move.${next}.title`, { number: contract.number }),
      content: t(`contract.move.${next}.text`),
      okText: t(`contract.move.${next}.ok`),
      okButtonProps: { danger: next === 'cancelled', ...testId('confirm-move') },
      cancelText: t('common.cancel'),
      onOk: () =>
        status.mutateAsync({ contract, status: next }).then(
          (updated) => void (updated.status === 'awaiting_approval' ? message.info(t('approval.sentForApproval')) : message.success(t('contract.moved', { status: t(`contract.status.${updated.status}`) }))),
          failed,
        ),
    });

  const confirmDelete = () =>
    void modal.confirm({
      title: t('contract.deleteConfirm', { number: contract.number }),
      content: contract.status === 'active' || contract.status === 'completed' ? t('contract.deleteActiveText') : t('contract.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...testId('confirm-delete') },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(contract).then(() => {
          void message.success(t('contract.deleted', { number: contract.number }));
          void navigate('/contracts');
        }, failed),
    });

  return (
    <>
      <Flex vertical gap={16}>
        <Link to="/contracts">
          <ArrowLeftOutlined /> {t('contract.title')}
        </Link>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Typography.Title level={1} style={{ fontSize: 24, margin: 0, overflowWrap: 'anywhere' }} data-testid="contract-heading">
              {contract.number} · {contract.title}
            </Typography.Title>
            <Flex gap={6} wrap align="center">
              <ContractStatusTag status={contract.status} />
              <ContractKindTag kind={contract.kind} />
            </Flex>
          </Flex>
          <Flex gap={8} wrap>
            {moves.map((next) => (
              <Button key={next} {...moveStyle[next]} loading={status.isPending && status.variables?.status === next} onClick={() => confirmMove(next)} data-testid={`contract-move-${next}`}>
                {moveLabel(next)}
              </Button>
            ))}
            {contract.can.edit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="contract-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {contract.can.delete ? <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} aria-label={t('common.delete')} data-testid="contract-delete" /> : null}
          </Flex>
        </Flex>

        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <Flex vertical gap={16}>
              <ApprovalCard recordType="contract" recordId={contract.id} draft={contract.status === 'draft'} />
              <Card size="small" title={t('contract.facts')}>
                <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                  <Descriptions.Item label={t('contract.f.customer')}>
                    <Link to={`/customers/${contract.customerId}`} data-testid="contract-customer-link">
                      {contract.customerName}
                    </Link>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('contract.f.opportunity')}>
                    {contract.opportunityId !== null ? <Link to={`/opportunities/${contract.opportunityId}`}>{contract.opportunityName ?? contract.opportunityId}</Link> : t('contract.noOpportunity')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('contract.f.quote')}>
                    {contract.quoteId !== null ? <Link to={`/quotes/${contract.quoteId}`}>{contract.quoteNumber ?? contract.quoteId}</Link> : t('common.none')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('contract.f.owner')}>{contract.ownerName}</Descriptions.Item>
                  <Descriptions.Item label={t('contract.f.signedOn')}>{contract.signedOn ? formatDate(contract.signedOn) : t('common.none')}</Descriptions.Item>
                  <Descriptions.Item label={t('contract.f.term')}>
                    {contract.startsOn || contract.endsOn ? `${formatDate(contract.startsOn) || '…'} – ${formatDate(contract.endsOn) || '…'}` : t('common.none')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('contract.f.amount')}>
                    <strong data-testid="contract-amount-value">{money(contract.amount)}</strong>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('contract.f.activatedAt')}>{contract.activatedAt ? formatDateTime(contract.activatedAt) : t('common.none')}</Descriptions.Item>
                </Descriptions>
              </Card>

              <Card size="small" title={t('contract.f.lines')}>
                {contract.lines.length > 0 ? (
                  <>
                    <QuoteLinesTable lines={contract.lines} currency={contract.currency} />
                    <Descriptions size="small" column={1} bordered style={{ marginTop: 12, maxWidth: 420, marginInlineStart: 'auto' }}>
                      <Descriptions.Item label={t('quote.f.subtotal')}>{money(contract.subtotal ?? 0)}</Descriptions.Item>
                      <Descriptions.Item label={t('quote.f.taxTotal')}>{money(contract.taxTotal ?? 0)}</Descriptions.Item>
                      <Descriptions.Item label={t('contract.f.amount')}>
                        <strong>{money(contract.amount)}</strong>
                      </Descriptions.Item>
                    </Descriptions>
                    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
                      {t('quote.roundingNote')}
                    </Typography.Paragraph>
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('contract.directAmount', { amount: money(contract.amount) })}</Typography.Text>
                )}
              </Card>

              <ContractReceivablesCard contractId={contract.id} />
              {contract.notes ? (
                <Card size="small" title={t('contract.f.notes')}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{contract.notes}</Typography.Paragraph>
                </Card>
              ) : null}

              <Card size="small" title={t('contract.history')} data-testid="contract-history">
                <ContractHistory contractId={contract.id} />
              </Card>
            </Flex>
          </Col>
          <Col xs={24} lg={9}>
            <Flex vertical gap={16}>
              <Card size="small" title={t('contract.f.contacts')}>
                {contract.contacts.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contract.noContacts')} />
                ) : (
                  <List
                    size="small"
                    dataSource={contract.contacts}
                    renderItem={(k) => (
                      <List.Item data-testid="contract-contact-row">
                        <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
                          <span>{k.name}</span>
                          <Tag style={{ marginInlineEnd: 0 }}>{t(`contract.role.${k.role}`)}</Tag>
                        </Flex>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
              <Card size="small" title={t('contract.files')}>
                <ContractAttachments contractId={contract.id} canEdit={can('contracts.edit')} />
              </Card>
            </Flex>
          </Col>
        </Row>
      </Flex>
      <ContractFormDrawer open={editing} contract={contract} onClose={() => setEditing(false)} />
    </>
  );
}
