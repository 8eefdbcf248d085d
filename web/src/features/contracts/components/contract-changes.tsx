import { Typography } from 'antd';
import type { FieldChange, Locale } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isMessageKey, type Translate } from '../../../app/i18n/translate';
import { formatDate, formatMoney } from '../../../shared/format/format';

const dates = new Set(['signedOn', 'startsOn', 'endsOn']);

/** A contract field's value in words: statuses and kinds by name, money in yuan, dates in the locale's format. */
export function contractValueText(field: string, value: unknown, t: Translate, locale: Locale): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  const named = field === 'status' || field === 'kind' ? `contract.${field}.${String(value)}` : '';
  if (isMessageKey(named)) return t(named);
  if (field === 'amount' && typeof value === 'number') return formatMoney(value, 'CNY', locale);
  if (dates.has(field) && typeof value === 'string') return formatDate(value);
  if (Array.isArray(value)) return value.length === 0 ? t('common.none') : value.map((item) => itemText(item, t, locale)).join('; ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One line ({product, quantity, total}) or contact ({name, role}) of a contract as its history keeps it. */
function itemText(item: unknown, t: Translate, locale: Locale): string {
  if (item === null || typeof item !== 'object') return String(item);
  const o = item as Record<string, unknown>;
  if (typeof o.product === 'string' && typeof o.quantity === 'number' && typeof o.total === 'number') return `${o.product} × ${o.quantity} = ${formatMoney(o.total, 'CNY', locale)}`;
  if (typeof o.name === 'string' && typeof o.role === 'string') {
    const role = `contract.role.${o.role}`;
    return `${o.name}（${isMessageKey(role) ? t(role) : o.role}）`;
  }
  return JSON.stringify(item);
}

/** A field of a contract's entry by its label: the contract's own, else the timeline's (an approval's flow, step, comment). */
export function contractFieldLabel(field: string, t: Translate): string {
  for (const key of [`contract.f.${field}`, `timeline.field.${field}`]) if (isMessageKey(key)) return t(key);
  return field;
}

/** The changes of a contract's history entry, as old → new lines. */
export function ContractChanges({ changes, showOld }: { changes: FieldChange[]; showOld: boolean }) {
  const { t, locale } = useI18n();
  if (changes.length === 0) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, overflowWrap: 'anywhere' }}>
      {changes.map((change) => (
        <li key={change.field}>
          <Typography.Text strong>{contractFieldLabel(change.field, t)}</Typography.Text>
          {': '}
          {showOld && change.old !== null && change.old !== undefined ? (
            <>
              <Typography.Text delete type="secondary">
                {contractValueText(change.field, change.old, t, locale)}
              </Typography.Text>
              {' → '}
            </>
          ) : null}
          <span>{contractValueText(change.field, change.new, t, locale)}</span>
        </li>
      ))}
    </ul>
  );
}
