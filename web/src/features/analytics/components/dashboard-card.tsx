import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import type { ReactNode } from 'react';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { useDashboardText } from './dashboard-text';

/** A dashboard card: its title, the chart's .xlsx export (a plain link: the browser downloads it), the body. */
export function DashboardCard({ title, exportHref, testId, extra, children }: { title: string; exportHref?: string; testId: string; extra?: ReactNode; children: ReactNode }) {
  const d = useDashboardText();
  const isMobile = useIsMobile();
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{title}</h2>}
      data-testid={testId}
      extra={
        <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          {extra}
          {exportHref ? (
            <Button size="small" icon={<DownloadOutlined />} href={exportHref} download aria-label={d('exportLabel', { chart: title })} data-testid={`${testId}-export`}>
              {isMobile ? null : d('export')}
            </Button>
          ) : null}
        </span>
      }
      style={{ height: '100%' }}
    >
      {children}
    </Card>
  );
}
