import { Card, Typography } from 'antd';
import type { WorkReport } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';

const parts: Array<{ field: 'summary' | 'plan' | 'problems'; label: MessageKey }> = [
  { field: 'summary', label: 'report.f.summary' },
  { field: 'plan', label: 'report.f.plan' },
  { field: 'problems', label: 'report.f.problems' },
];

/** What was done, the plan and the problems, as the author wrote them (line breaks kept). */
export function ReportTexts({ report }: { report: WorkReport }) {
  const t = useT();
  return (
    <Card data-testid="report-texts">
      {parts.map(({ field, label }) => (
        <div key={field} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t(label)}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 4, marginBottom: 0 }} type={report[field] ? undefined : 'secondary'} data-testid={`report-${field}-text`}>
            {report[field] ?? t('report.nothing')}
          </Typography.Paragraph>
        </div>
      ))}
    </Card>
  );
}
