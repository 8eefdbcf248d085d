import type { CompanySettings, Locale } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { companyLogoHref } from '../../settings';

/** The company's names in the reader's language first, then the other one when set and different; the application's name when neither is. */
export function companyNames(company: Pick<CompanySettings, 'name' | 'nameEn'> | undefined, locale: Locale, fallback: string): { primary: string; secondary: string | null } {
  const ordered = (locale === 'zh-CN' ? [company?.name, company?.nameEn] : [company?.nameEn, company?.name]).map((n) => n?.trim() ?? '').filter(Boolean);
  const [primary = fallback, secondary = null] = ordered;
  return { primary, secondary: secondary && secondary !== primary ? secondary : null };
}

/** The printable sheet's head, as on the PDF: the logo (when there is one) and beside it the company's names. */
export function QuoteLetterhead({ company }: { company: CompanySettings | undefined }) {
  const { t, locale } = useI18n();
  const names = companyNames(company, locale, t('app.name'));
  return (
    <header className="letterhead" data-testid="print-letterhead">
      {company?.logo ? (
        <img className="letterhead-logo" src={companyLogoHref(company.logo)} alt={t('settings.company.logoAlt')} width={company.logo.width} height={company.logo.height} data-testid="print-logo" />
      ) : null}
      <div>
        <div className="letterhead-name">{names.primary}</div>
        {names.secondary ? <div className="letterhead-name-other">{names.secondary}</div> : null}
      </div>
    </header>
  );
}
