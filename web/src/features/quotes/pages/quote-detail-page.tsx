import { ArrowLeftOutlined, DeleteOutlined, DownOutlined, EditOutlined, FilePdfOutlined, PrinterOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, Descriptions, Dropdown, Flex, Skeleton, Typography } from 'antd';
import type { Quote } from '@crm/contracts';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { NotFoundResult, QueryErrorResult } from '../../../shared/layout/results';
import { testId } from '../../../shared/test-id';
import { quotePdfHref, useDeleteQuote, useMakeQuoteCurrent, useQuote, useQuoteRevisions, useQuoteStatus } from '../api';
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
  const money = (fen: number) => formatMoney(fen, quote.currency, locale);
  const failed = (error: unknown) => void message.error(errorMessage(error, t));

  const confirmDelete = () =>
    void modal.confirm({
      title: t('quote.deleteConfirm', { number: quote.number }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...testId('confirm-delete') },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(quote).then(() => void navigate('/quotes'), failed),
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
            {quote.nextStatuses.length > 0 ? (
              <Dropdown
                menu={{
                  items: quote.nextStatuses.map((s) => ({ key: s, label: t(`quote.status.${s}`) })),
                  onClick: ({ key }) => {
                    const next = quote.nextStatuses.find((s) => s === key);
                    if (next) status.mutate({ quote, status: next }, { onSuccess: () => void message.success(t('quote.moved', { status: t(`quote.status.${next}`) })), onError: failed });
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
