import { Typography } from 'antd';
import type { FieldChange, Locale } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isMessageKey, type MessageKey } from '../../../app/i18n/translate';
import { formatDate, formatMoney } from '../../../shared/format/format';
import { useSalesSettings } from '../api';
import { useSourceLabel } from './deal-format';

const labels: Record<string, MessageKey> = {
  stage: 'opp.f.stage', name: 'opp.f.name', amount: 'opp.f.amount', currency: 'opp.f.currency', probability: 'opp.f.probability',
  expectedCloseDate: 'opp.f.expectedCloseDate', forecastCategory: 'opp.f.forecastCategory', source: 'opp.f.source', competitors: 'opp.f.competitors',
  nextStep: 'opp.f.nextStep', description: 'opp.f.description', wonAmount: 'opp.wonAmount', lostReason: 'opp.lostReason', lostNote: 'opp.lostNote',
  contacts: 'opp.f.contacts', ownerId: 'opp.f.owner',
};

/** A stage name as the history keeps it ("探索客户 / Explore", or one name when both are alike), in the reader's language. */
export function stageInLanguage(value: string, locale: Locale): string {
  const at = value.indexOf(' / ');
  if (at < 0) return value;
  return locale === 'zh-CN' ? value.slice(0, at) : value.slice(at + 3);
}

/** How a deal's history entry reads its values: stages in the reader's language, money in its currency, labels for keys. */
function useDealValue(changes: FieldChange[], owners: ReadonlyMap<number, string>) {
  const { t, locale } = useI18n();
  const sourceLabel = useSourceLabel();
  const settings = useSalesSettings();
  const currency = changes.find((c) => c.field === 'currency');
  const money = (value: number) => formatMoney(value, typeof currency?.new === 'string' ? currency.new : (settings.data?.baseCurrency ?? 'CNY'), locale);
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('common.none');
    if (field === 'stage' && typeof value === 'string') return stageInLanguage(value, locale);
    if ((field === 'amount' || field === 'wonAmount') && typeof value === 'number') return money(value);
    if (field === 'probability') return `${String(value)}%`;
    if (field === 'expectedCloseDate' && typeof value === 'string') return formatDate(value);
    if (field === 'ownerId' && typeof value === 'number') return owners.get(value) ?? `#${value}`;
    if (field === 'source' && typeof value === 'string') return sourceLabel(value);
    const forecast = `opp.forecast.${String(value)}`;
    if (field === 'forecastCategory' && isMessageKey(forecast)) return t(forecast);
    const reason = field === 'lostReason' ? settings.data?.lostReasons.find((r) => r.key === value) : undefined;
    if (reason) return locale === 'zh-CN' ? reason.labelZh : reason.labelEn;
    if (field === 'contacts' && Array.isArray(value)) return t('opp.historyContacts', { n: value.length });
    if (Array.isArray(value)) return value.length === 0 ? t('common.none') : value.map(String).join('、');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
}

/** The changes of a deal's history entry (on its customer's timeline), as old → new lines in the reader's language. */
export function DealChanges({ changes, showOld, owners }: { changes: FieldChange[]; showOld: boolean; owners: ReadonlyMap<number, string> }) {
  const { t } = useI18n();
  const value = useDealValue(changes, owners);
  // The amount shows its currency: a separate currency line says nothing new.
  const shown = changes.filter((c) => !(c.field === 'currency' && changes.some((o) => o.field === 'amount' || o.field === 'wonAmount')));
  if (shown.length === 0) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, overflowWrap: 'anywhere' }} data-testid="deal-changes">
      {shown.map((change) => (
        <li key={change.field}>
          <Typography.Text strong>{labels[change.field] ? t(labels[change.field] as MessageKey) : change.field}</Typography.Text>
          {': '}
          {showOld && change.old !== null && change.old !== undefined ? (
            <>
              <Typography.Text delete type="secondary">{value(change.field, change.old)}</Typography.Text>
              {' → '}
            </>
          ) : null}
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{value(change.field, change.new)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
