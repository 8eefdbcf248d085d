import { currencySymbol as symbolOf, type ForecastCategory, type Locale, type OpportunityStatus, type Stage } from '@crm/contracts';
import { useMemo } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { useLeadSources } from '../api';

/** Currencies offered in forms; the settings' rates may add more. */
export const commonCurrencies = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'] as const;

/** The symbol shown before an amount of the currency (the code when it has none). */
export function currencySymbol(currency: string): string {
  return symbolOf(currency).trim();
}

export function stageName(stage: Pick<Stage, 'nameZh' | 'nameEn'>, locale: Locale): string {
  return locale === 'zh-CN' ? stage.nameZh : stage.nameEn;
}

export function dealStageName(deal: { stageNameZh: string; stageNameEn: string }, locale: Locale): string {
  return locale === 'zh-CN' ? deal.stageNameZh : deal.stageNameEn;
}

export const statusColors: Record<OpportunityStatus, string> = { open: 'processing', won: 'success', lost: 'error' };

export const statusLabels: Record<OpportunityStatus, MessageKey> = {
  open: 'opp.status.open',
  won: 'opp.status.won',
  lost: 'opp.status.lost',
};

export const forecastCategoryLabels: Record<ForecastCategory, MessageKey> = {
  pipeline: 'opp.forecast.pipeline',
  best_case: 'opp.forecast.best_case',
  commit: 'opp.forecast.commit',
  omitted: 'opp.forecast.omitted',
};

/** Whole hours as "3 d 4 h" / "3天4小时". */
export function formatHours(hours: number, t: (key: MessageKey, vars?: Record<string, number>) => string): string {
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  if (days === 0) return t('opp.hours', { hours: rest });
  if (rest === 0) return t('opp.days', { days });
  return t('opp.daysHours', { days, hours: rest });
}

/** The label of a lead source key in the UI language (the key itself when unknown). */
export function useSourceLabel(): (key: string | null) => string {
  const { locale } = useI18n();
  const sources = useLeadSources();
  return useMemo(() => {
    const labels = new Map((sources.data?.items ?? []).map((s) => [s.key, locale === 'zh-CN' ? s.labelZh : s.labelEn]));
    return (key) => (key ? (labels.get(key) ?? key) : '');
  }, [sources.data, locale]);
}
