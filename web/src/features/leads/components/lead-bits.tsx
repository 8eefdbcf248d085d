import { Tag, Tooltip } from 'antd';
import { leadStatuses, manRanks, type Lead, type LeadSource, type LeadStatus, type ManGrade } from '@crm/contracts';
import { useCallback, useMemo } from 'react';
import { useI18n, useT } from '../../../app/i18n/i18n-context';
import type { Translate } from '../../../app/i18n/translate';
import { useLeadSources } from '../api';

const statusColors: Record<LeadStatus, string> = {
  new: 'blue',
  contacting: 'geekblue',
  qualified: 'cyan',
  converted: 'green',
  disqualified: 'default',
};

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const t = useT();
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }} data-testid="lead-status">
      {t(`lead.status.${status}`)}
    </Tag>
  );
}

export function useStatusOptions(only: readonly LeadStatus[] = leadStatuses) {
  const t = useT();
  return useMemo(() => only.map((value) => ({ value, label: t(`lead.status.${value}`) })), [t, only]);
}

/** Rank 1 (ideal) green ... rank 4 (not a prospect) red. */
const rankColors = { 1: 'green', 2: 'blue', 3: 'gold', 4: 'red' } as const;

/** The advice of a MAN grade (DOMAIN.md section 3). */
export function manAdvice(t: Translate, grade: ManGrade): string {
  return t(`man.advice.${grade}`);
}

/** The MAN grade as a coloured tag with its advice as a tooltip; "not graded" while unanswered. */
export function GradeTag({ grade, large }: { grade: ManGrade | null; large?: boolean }) {
  const t = useT();
  const style = large ? { fontSize: 20, lineHeight: '32px', padding: '0 12px', marginInlineEnd: 0 } : { marginInlineEnd: 0 };
  if (grade === null) {
    return (
      <Tooltip title={t('man.notGradedHint')}>
        <Tag style={style} data-testid="lead-grade" data-grade="">
          {t('man.notGraded')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={manAdvice(t, grade)}>
      <Tag color={rankColors[manRanks[grade]]} style={{ ...style, fontFamily: 'monospace', fontWeight: 600 }} data-testid="lead-grade" data-grade={grade}>
        {grade}
      </Tag>
    </Tooltip>
  );
}

/** The source list and a function naming a source key in the UI language (unknown keys as they are). */
export function useSourceLabels() {
  const { locale } = useI18n();
  const sources = useLeadSources();
  const items = useMemo(() => sources.data?.items ?? [], [sources.data]);
  const label = useCallback(
    (key: string | null | undefined): string => {
      if (!key) return '';
      const source = items.find((s) => s.key === key);
      if (!source) return key;
      return locale === 'zh-CN' ? source.labelZh : source.labelEn;
    },
    [items, locale],
  );
  return { items, label, loading: sources.isPending };
}

/** Select options of the sources: the active ones, plus `keep` (the record's current source) if inactive. */
export function sourceOptions(items: LeadSource[], label: (key: string) => string, keep?: string | null) {
  return items.filter((s) => s.active || s.key === keep).map((s) => ({ value: s.key, label: label(s.key) }));
}

export function LeadOwner({ lead }: { lead: Pick<Lead, 'ownerId' | 'ownerName'> }) {
  const t = useT();
  if (lead.ownerId === null) return <Tag style={{ marginInlineEnd: 0 }}>{t('lead.pool')}</Tag>;
  return <span>{lead.ownerName ?? ''}</span>;
}

/** The lead's name with its company ("张伟 · 华信科技"). */
export function leadTitle(lead: Pick<Lead, 'name' | 'company'>): string {
  return lead.company ? `${lead.name} · ${lead.company}` : lead.name;
}
