import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { formatDate, formatMoney, formatNumber } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { NotFoundResult, QueryErrorResult } from '../../../shared/layout/results';
import { useCompanySettings } from '../../settings';
import { quotePdfHref, useQuote } from '../api';
import { QuoteLetterhead, companyNames } from '../components/quote-letterhead';
import './quote-print.css';

/** The printable quotation (报价单): company, customer, lines and totals in yuan, in the user's language; the browser prints it. */
export function QuotePrintPage() {
  const { t, locale } = useI18n();
  const id = Number(useParams().id);
  const quote = useQuote(id);
  const company = useCompanySettings();
  // The name in the reader's language, else the other one, else the application's.
  const companyName = companyNames(company.data, locale, t('app.name')).primary;
  useDocumentTitle(quote.data ? `${t('quote.printTitle')} ${quote.data.number}` : t('quote.printTitle'));
  // The letterhead waits for the company's settings: a sheet printed meanwhile would carry the application's name.
  if (quote.isPending || company.isPending) return <Skeleton active paragraph={{ rows: 12 }} style={{ padding: 24 }} />;
  if (quote.isError) return isApiError(quote.error) && quote.error.status === 404 ? <NotFoundResult /> : <QueryErrorResult error={quote.error} onRetry={() => void quote.refetch()} />;
  const q = quote.data;
  const money = (fen: number) => formatMoney(fen, q.currency, locale);
  return (
    <>
      <div className="quote-print-bar">
        <Button href={`/quotes/${q.id}`} icon={<ArrowLeftOutlined />}>
          {t('quote.printBack')}
        </Button>
        <span className="quote-print-actions">
          <Button icon={<FilePdfOutlined />} href={quotePdfHref(q.id, locale)} download data-testid="quote-print-pdf">
            {t('quote.pdf')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="quote-print-now">
            {t('quote.print')}
          </Button>
        </span>
      </div>
      <main className="quote-print" data-testid="quote-print-sheet">
        <QuoteLetterhead company={company.data} />
        <h1>{t('quote.printTitle')}</h1>
        <div className="facts">
          <div>
            <strong>{t('quote.printCompany')}：</strong>
            <span data-testid="print-company">{companyName}</span>
          </div>
          <div>
            <strong>{t('quote.printNo')}：</strong>
            {q.number} ({t('quote.revisionLabel', { revision: q.revision })})
          </div>
          <div>
            <strong>{t('quote.printCustomer')}：</strong>
            {q.customerName}
          </div>
          <div>
            <strong>{t('quote.printDate')}：</strong>
            {formatDate(q.updatedAt.slice(0, 10))}
          </div>
          <div>
            <strong>{t('quote.f.title')}：</strong>
            {q.title}
          </div>
          <div>
            <strong>{t('quote.f.validUntil')}：</strong>
            {formatDate(q.validUntil)}
          </div>
        </div>
        {/* On a phone the lines scroll sideways inside the sheet, which stays on screen. */}
        <div className="lines" tabIndex={0} role="region" aria-label={t('quote.f.lines')}>
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('quote.line.product')}</th>
              <th className="num">{t('quote.line.quantity')}</th>
              <th>{t('quote.line.unit')}</th>
              <th className="num">{t('quote.line.unitPrice')}</th>
              <th className="num">{t('quote.line.discount')}</th>
              <th className="num">{t('quote.line.taxRate')}</th>
              <th className="num">{t('quote.line.net')}</th>
              <th className="num">{t('quote.line.total')}</th>
            </tr>
          </thead>
          <tbody>
            {q.lines.map((l) => (
              <tr key={l.position}>
                <td>{l.position}</td>
                <td>
                  {l.productName}
                  <br />
                  <small>{l.productCode}</small>
                </td>
                <td className="num">{formatNumber(l.quantity, locale)}</td>
                <td>{l.unit}</td>
                <td className="num">{money(l.unitPrice)}</td>
                <td className="num">{l.discountPercent ? `${l.discountPercent}%` : ''}</td>
                <td className="num">{l.taxRate}%</td>
                <td className="num">{money(l.net)}</td>
                <td className="num">{money(l.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
        <table className="totals">
          <tbody>
            <tr>
              <th>{t('quote.f.subtotal')}</th>
              <td className="num">{money(q.subtotal)}</td>
            </tr>
            <tr>
              <th>{t('quote.f.taxTotal')}</th>
              <td className="num">{money(q.taxTotal)}</td>
            </tr>
            <tr>
              <th>{t('quote.f.total')}</th>
              <td className="num" data-testid="print-total">
                <strong>{money(q.total)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
        {q.terms ? (
          <>
            <h2 style={{ fontSize: 14, marginTop: 16 }}>{t('quote.f.terms')}</h2>
            <p style={{ whiteSpace: 'pre-wrap' }}>{q.terms}</p>
          </>
        ) : null}
        <p className="note">{t('quote.roundingNote')}</p>
      </main>
    </>
  );
}
