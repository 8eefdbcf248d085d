import { Typography } from 'antd';
import type { FieldChange } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { formatDateTime } from '../../../shared/format/format';
import { contactFieldKinds, customerFieldKinds, fieldLabel, formatFieldValue } from './customer-fields';
import { useCustomerLists } from './customer-lists';

interface ChangeLineProps {
  entity: 'customer' | 'contact';
  change: FieldChange;
  owners: ReadonlyMap<number, string>;
  showOld: boolean;
}

/** One field of a customer's or contact's entry: its label, and old → new in the field's own words. */
export function ChangeLine({ entity, change, owners, showOld }: ChangeLineProps) {
  const { t, locale } = useI18n();
  const lists = useCustomerLists();
  const kinds = entity === 'customer' ? customerFieldKinds : contactFieldKinds;
  const kind = kinds[change.field];
  const timelineKey = `timeline.field.${change.field}`;
  // A follow-up's kind (call, visit…) is not the customer's kind (organisation, person).
  const activityKey = `activity.kind.${String(change.new)}`;
  const followUpKind = change.field === 'kind' && isMessageKey(activityKey);
  const label = followUpKind ? t('timeline.field.followUpKind') : isMessageKey(timelineKey) ? t(timelineKey) : fieldLabel(t, entity, change.field);
  const reasonKey = `timeline.reason.${String(change.new)}`;
  // Industry and source are keys of the managed lists: shown by their labels.
  const listLabel = entity === 'customer' && change.field === 'industry' ? lists.industryLabel : entity === 'customer' && change.field === 'source' ? lists.sourceLabel : null;
  const show = (value: unknown) =>
    listLabel && typeof value === 'string' && value !== '' ? listLabel(value) : formatFieldValue(kind, value, t, locale, owners);
  let now = show(change.new);
  // Event details the field catalogue does not know: a rule's reason code, when it happened.
  if (change.field === 'reason' && isMessageKey(reasonKey)) now = t(reasonKey);
  if (change.field === 'at' && typeof change.new === 'string') now = formatDateTime(change.new);
  if (followUpKind) now = t(activityKey);
  return (
    <li>
      <Typography.Text strong>{label}</Typography.Text>
      {': '}
      {showOld ? (
        <>
          <Typography.Text delete type="secondary">
            {show(change.old)}
          </Typography.Text>
          {' → '}
        </>
      ) : null}
      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{now}</Typography.Text>
    </li>
  );
}
