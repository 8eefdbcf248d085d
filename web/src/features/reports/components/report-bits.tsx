import { Tag } from 'antd';
import type { WorkReportKind } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import type { Translate } from '../../../app/i18n/translate';
import { formatDate } from '../../../shared/format/format';

/** A report's period as people read it: the day, or the week's first and last day. */
export function periodText(t: Translate, kind: WorkReportKind, period: string, periodEnd: string): string {
  return kind === 'daily' ? formatDate(period) : t('report.weekSpan', { from: formatDate(period), to: formatDate(periodEnd) });
}

/** "日报（2026/11/25）", "周报（2026/11/23 ~ 2026/11/29）". */
export function reportTitle(t: Translate, report: { kind: WorkReportKind; period: string; periodEnd: string }): string {
  return t(`report.titleOf.${report.kind}`, { period: periodText(t, report.kind, report.period, report.periodEnd) });
}

export function ReportKindTag({ kind }: { kind: WorkReportKind }) {
  const t = useT();
  return (
    <Tag color={kind === 'daily' ? 'blue' : 'purple'} style={{ marginInlineEnd: 0 }} data-testid="report-kind">
      {t(`report.kind.${kind}`)}
    </Tag>
  );
}
