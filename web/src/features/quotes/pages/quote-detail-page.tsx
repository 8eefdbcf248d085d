import { ArrowLeftOutlined, AuditOutlined, DeleteOutlined, DownOutlined, EditOutlined, FileDoneOutlined, FilePdfOutlined, PrinterOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, Descriptions, Dropdown, Flex, Skeleton, Typography } from 'antd';
import type { Quote, QuoteStatus } from '@crm/contracts';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { NotFoundResult, QueryErrorResult } from '../../../shared/layout/results';
import { testId } from '../../../shared/test-id';
import { ApprovalCard, useApprovalRequirement } from '../../approvals';
import { usePermissions } from '../../auth';
import { quotePdfHref, useContractFromQuote, useContractOfQuote, useDeleteQuote, useMakeQuoteCurrent, useQuote, useQuoteRevisions, useQuoteStatus } from '../api';
import { CurrentQuoteTag, QuoteStatusTag } from '../components/quote-bits';
import { QuoteFormDrawer } from '../components/quote-form-drawer';
import { QuoteLinesTable } from '../components/quote-lines-table';

/** One quote: its facts, lines and totals in yuan, status moves, the deal's current mark, every revision. */
export function QuoteDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const quote = useQuote(id);
  useDocumentTitle(quote.data ? `${quote.data.number} ${quote.data.title}` : t('quote.single'));
  if (quote.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (quote.isError) return isApiError(quote.error) && quote.error.status === 404 ? <NotFoundResult /> : <QueryErrorResult error={quote.error} onRetry={() => void quote.refetch()} />;
  return <QuoteView quote={quote.data} />;
}

function QuoteView({ quote }: { quote: Quote }) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const status = useQuoteStatus();
  const makeCurrent = useMakeQuoteCurrent();
  const remove = useDeleteQuote();
  const revisions = useQuoteRevisions(quote.id);
  const { can } = usePermissions();
  const accepted = quote.status === 'accepted';
  const contract = useContractOfQuote(quote.id, accepted && can('contracts.view'));
  const made = contract.data?.items[0];
  const makeContract = useContractFromQuote();
  const money = (fen: number) => formatMoney(fen, quote.currency, locale);
  const failed = (error: unknown) => void message.error(errorMessage(error, t));
  // A draft a flow applies to is submitted for approval (its own button), not sent; one awaiting
  // approval can only be withdrawn (back to draft).
  const requirement = useApprovalRequirement('quote', quote.id);
  const needsApproval = quote.status === 'draft' && Boolean(requirement);
  const moves = quote.nextStatuses.filter((s) => (s === 'awaiting_approval' ? false : !(needsApproval && s === 'sent')));
  const moveLabel = (s: QuoteStatus) => (s === 'draft' && quote.status === 'awaiting_approval' ? t('approval.withdraw') : t(`quote.status.${s}`));
  const move = (next: QuoteStatus) =>
    status.mutate(
      { quote, status: next },
      {
        onSuccess: (updated) => {
          if (updated.status === 'awaiting_approval') void message.info(t('approval.sentForApproval'));
          else if (next === 'draft' && quote.status === 'awaiting_approval') void message.success(t('approval.withdrawn'));
          else void message.success(t('quote.moved', { status: t(`quote.status.${next}`) }));
        },
        onError: failed,
      },
    );

  const confirmDelete = () =>
    void modal.confirm({
      title: t('quote.deleteConfirm', { number: quote.number }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...testId('confirm-delete') },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(quote).then(() => void navigate('/quotes'), failed),
    });

  /** An accepted quote becomes a draft contract (once); confirmed first, then its page opens. */
  const confirmContract = () =>
    void modal.confirm({
      title: t('quote.contractConfirm', { number: quote.number }),
      content: t('quote.contractConfirmText'),
      okText: t('quote.makeContract'),
      okButtonProps: testId('confirm-make-contract'),
      cancelText: t('common.cancel'),
      onOk: () =>
        makeContract.mutateAsync(quote).then((saved) => {
          void message.success(t('quote.contractMade', { number: saved.number }));
          void navigate(`/contracts/${saved.id}`);
        }, failed),
    });

  return (
    <>
      <Flex vertical gap={16}>
        <Link to="/quotes">
          <ArrowLeftOutlined /> {t('quote.title')}
        </Link>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
              {quote.number} · {quote.title}
            </Typography.Title>
            <Flex gap={6} wrap align="center">
              <QuoteStatusTag status={quote.status} />
              <Typography.Text type="secondary">{t('quote.revisionLabel', { revision: quote.revision })}</Typography.Text>
              {quote.isCurrent ? <CurrentQuoteTag /> : null}
            </Flex>
          </Flex>
          <Flex gap={8} wrap>
            {quote.can.edit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="quote-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {needsApproval && quote.nextStatuses.includes('awaiting_approval') ? (
              <Button type="primary" icon={<AuditOutlined />} loading={status.isPending} onClick={() => move('awaiting_approval')} data-testid="quote-submit-approval">
                {t('approval.submit')}
              </Button>
            ) : null}
            {moves.length > 0 ? (
              <Dropdown
                menu={{
                  items: moves.map((s) => ({ key: s, label: moveLabel(s) })),
                  onClick: ({ key }) => {
                    const next = moves.find((s) => s === key);
                    if (next) move(next);
                  },
                }}
              >
                <Button loading={status.isPending} data-testid="quote-status-menu">
                  {t('quote.moveTo')} <DownOutlined />
                </Button>
              </Dropdown>
            ) : null}
            {quote.opportunityId !== null && !quote.isCurrent && quote.can.edit ? (
              <Button
                icon={<StarOutlined />}
                loading={makeCurrent.isPending}
                onClick={() => makeCurrent.mutate(quote, { onSuccess: () => void message.success(t('quote.madeCurrent', { number: quote.number })), onError: failed })}
                data-testid="quote-make-current"
              >
                {t('quote.makeCurrent')}
              </Button>
            ) : null}
            {made ? (
              <Link to={`/contracts/${made.id}`} data-testid="quote-contract-link">
                <FileDoneOutlined /> {t('quote.contractOf', { number: made.number })}
              </Link>
            ) : accepted && can('contracts.create') && contract.data ? (
              <Button type="primary" icon={<FileDoneOutlined />} loading={makeContract.isPending} onClick={confirmContract} data-testid="quote-make-contract">
                {t('quote.makeContract')}
              </Button>
            ) : null}
            <Button icon={<PrinterOutlined />} href={`/quotes/${quote.id}/print`} target="_blank" data-testid="quote-print">
              {t('quote.print')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={quotePdfHref(quote.id, locale)} download data-testid="quote-pdf">
              {t('quote.pdf')}
            </Button>
            {quote.can.delete ? <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} aria-label={t('common.delete')} /> : null}
          </Flex>
        </Flex>

        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t('quote.f.customer')}>
              <Link to={`/customers/${quote.customerId}`}>{quote.customerName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('quote.f.opportunity')}>
              {quote.opportunityId !== null ? <Link to={`/opportunities/${quote.opportunityId}`}>{quote.opportunityName ?? quote.opportunityId}</Link> : t('quote.noOpportunity')}
            </Descriptions.Item>
            <Descriptions.Item label={t('quote.f.owner')}>{quote.ownerName}</Descriptions.Item>
            <Descriptions.Item label={t('quote.f.validUntil')}>{formatDate(quote.validUntil)}</Descriptions.Item>
            <Descriptions.Item label={t('quote.f.createdAt')}>{formatDateTime(quote.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('quote.f.total')}>
              <strong data-testid="quote-total">{money(quote.total)}</strong>
            </Descriptions.Item>
          </Descriptions>
          {quote.opportunityId !== null ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('quote.currentHint')}
            </Typography.Text>
          ) : null}
        </Card>

        <ApprovalCard recordType="quote" recordId={quote.id} draft={quote.status === 'draft'} />

        <Card size="small" title={t('quote.f.lines')}>
          <QuoteLinesTable lines={quote.lines} currency={quote.currency} />
          <Descriptions size="small" column={1} bordered style={{ marginTop: 12, maxWidth: 420, marginInlineStart: 'auto' }}>
            <Descriptions.Item label={t('quote.f.subtotal')}>{money(quote.subtotal)}</Descriptions.Item>
            <Descriptions.Item label={t('quote.f.taxTotal')}>{money(quote.taxTotal)}</Descriptions.Item>
            <Descriptions.Item label={t('quote.f.total')}>
              <strong>{money(quote.total)}</strong>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
            {t('quote.roundingNote')}
          </Typography.Paragraph>
        </Card>

        {quote.terms ? (
          <Card size="small" title={t('quote.f.terms')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{quote.terms}</Typography.Paragraph>
          </Card>
        ) : null}

        <Card size="small" title={t('quote.revisions')} data-testid="quote-revisions">
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('quote.revisionNote')}
          </Typography.Paragraph>
          {revisions.isPending ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : (
            <Collapse
              size="small"
              items={[...(revisions.data?.items ?? [])].reverse().map((r) => ({
                key: r.revision,
                label: (
                  <Flex gap={8} wrap align="center">
                    <strong>{t('quote.revisionLabel', { revision: r.revision })}</strong>
                    <QuoteStatusTag status={r.document.status} />
                    <span>{money(r.document.total)}</span>
                    <Typography.Text type="secondary">{formatDateTime(r.savedAt)}</Typography.Text>
                  </Flex>
                ),
                children: <QuoteLinesTable lines={r.document.lines} currency={r.document.currency} />,
              }))}
            />
          )}
        </Card>
      </Flex>
      <QuoteFormDrawer open={editing} quote={quote} onClose={() => setEditing(false)} />
    </>
  );
}
