import {
  companyScales,
  creditStandings,
  customerCategories,
  customerKinds,
  customerStatuses,
  genders,
  lifecycleStages,
  maritalStatuses,
  ownershipTypes,
} from '@crm/contracts';
import { useMemo } from 'react';
import { useT } from '../../app/i18n/i18n-context';
import { isMessageKey, type Translate } from '../../app/i18n/translate';

/** Each enumeration and the message-key prefix of its labels. */
export const customerEnums = {
  kind: customerKinds,
  category: customerCategories,
  status: customerStatuses,
  lifecycle: lifecycleStages,
  gender: genders,
  marital: maritalStatuses,
  ownership: ownershipTypes,
  scale: companyScales,
  credit: creditStandings,
} as const;
export type CustomerEnum = keyof typeof customerEnums;

/** The label of one value, or the raw value if it is not in the catalogue. */
export function enumLabel(t: Translate, prefix: CustomerEnum, value: unknown): string {
  const key = `${prefix}.${String(value)}`;
  return isMessageKey(key) ? t(key) : String(value);
}

export function useEnumOptions(prefix: CustomerEnum) {
  const t = useT();
  return useMemo(
    () => customerEnums[prefix].map((value: string) => ({ value, label: enumLabel(t, prefix, value) })),
    [t, prefix],
  );
}
