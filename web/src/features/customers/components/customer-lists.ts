import type { Industry } from '@crm/contracts';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useLeadSources } from '../../leads';
import { useIndustries } from '../api';

type Item = Pick<Industry, 'key' | 'labelZh' | 'labelEn' | 'active'>;

/**
 * Customers' managed lists, industries (行业) and sources (客户来源, shared with leads): labels of
 * a stored key in the UI language (an unknown key as it is), and select options (the active
 * items, plus the record's current value when it is switched off).
 */
export function useCustomerLists() {
  const { t, locale } = useI18n();
  const industries = useIndustries();
  const sources = useLeadSources();
  const industryItems = useMemo<Item[]>(() => industries.data?.items ?? [], [industries.data]);
  const sourceItems = useMemo<Item[]>(() => sources.data?.items ?? [], [sources.data]);

  const labelIn = useCallback(
    (items: Item[], key: string | null | undefined): string => {
      if (!key) return '';
      const item = items.find((i) => i.key === key);
      if (!item) return key;
      return locale === 'zh-CN' ? item.labelZh : item.labelEn;
    },
    [locale],
  );
  const optionsIn = useCallback(
    (items: Item[], keep?: string | null) =>
      items
        .filter((i) => i.active || i.key === keep)
        .map((i) => ({ value: i.key, label: i.active ? labelIn(items, i.key) : t('customer.inactiveOption', { label: labelIn(items, i.key) }) })),
    [labelIn, t],
  );

  const industryLabel = useCallback((key: string | null | undefined) => labelIn(industryItems, key), [labelIn, industryItems]);
  const sourceLabel = useCallback((key: string | null | undefined) => labelIn(sourceItems, key), [labelIn, sourceItems]);
  const industryOptions = useCallback((keep?: string | null) => optionsIn(industryItems, keep), [optionsIn, industryItems]);
  const sourceOptions = useCallback((keep?: string | null) => optionsIn(sourceItems, keep), [optionsIn, sourceItems]);
  const loading = industries.isPending || sources.isPending;
  return useMemo(
    () => ({ industryLabel, sourceLabel, industryOptions, sourceOptions, loading }),
    [industryLabel, sourceLabel, industryOptions, sourceOptions, loading],
  );
}
