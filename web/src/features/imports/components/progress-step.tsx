import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Dropdown, Flex, Progress, Row, Statistic, Typography } from 'antd';
import type { ImportJob } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { usePermissions } from '../../auth';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime } from '../../../shared/format/format';
import { isActive, reportHref, useCancelImport } from '../api';
import { ImportStatusTag } from './outcome-tag';

/** Step 4: the running job's progress (polled), its counters, and the report once it is done. */
export function ProgressStep({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const cancel = useCancelImport(job.id);
  const active = isActive(job);
  const percent = job.totalRows > 0 ? Math.floor((job.processed / job.totalRows) * 100) : active ? 0 : 100;
  const done = job.status === 'finished' || job.status === 'cancelled' || job.status === 'failed';
  const { can } = usePermissions();
  // Purchases show in customer analytics; without it there is no list to open.
  const listPath = { customers: '/customers', contacts: '/contacts', leads: '/leads', purchases: can('analytics.view') ? '/analytics' : null }[job.entity];

  const confirmCancel = () =>
    void modal.confirm({
      title: t('import.cancelConfirm'),
      content: t('import.cancelText'),
      okText: t('import.cancel'),
      okButtonProps: { danger: true },
      cancelText: t('common.back'),
      onOk: () =>
        cancel.mutateAsync().then(
          () => void message.info(t('import.cancelled')),
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });

  const reportItems = [
    { key: 'csv', label: t('import.reportAllCsv'), href: reportHref(job.id, 'csv') },
    { key: 'xlsx', label: t('import.reportAllXlsx'), href: reportHref(job.id, 'xlsx') },
    { key: 'rcsv', label: t('import.reportRejectedCsv'), href: reportHref(job.id, 'csv', 'rejected') },
    { key: 'rxlsx', label: t('import.reportRejectedXlsx'), href: reportHref(job.id, 'xlsx', 'rejected') },
  ];

  return (
    <Flex vertical gap={16} data-testid="import-progress-step">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{job.fileName}</Typography.Text>
          <ImportStatusTag status={job.status} />
        </Flex>
        <Typography.Text type="secondary">
          {job.startedAt ? t('import.startedAt', { at: formatDateTime(job.startedAt) }) : null}
          {job.finishedAt ? ` · ${t('import.finishedAt', { at: formatDateTime(job.finishedAt) })}` : null}
        </Typography.Text>
      </Flex>
      <Progress
        percent={percent}
        status={job.status === 'failed' ? 'exception' : done ? 'success' : 'active'}
        format={() => `${job.processed} / ${job.totalRows}`}
        aria-label={t('import.title')}
        data-testid="import-progress"
      />
      {job.status === 'queued' ? <Typography.Text type="secondary">{t('import.queuedHint')}</Typography.Text> : null}
      {job.error ? <Alert type="error" showIcon title={job.error} /> : null}
      <Row gutter={[12, 12]}>
        {(['created', 'updated', 'skipped', 'rejected'] as const).map((outcome) => (
          <Col key={outcome} xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t(`import.outcome.${outcome}`)}
                value={job[outcome]}
                styles={outcome === 'rejected' && job.rejected > 0 ? { content: { color: '#cf1322' } } : undefined}
                data-testid={`import-count-${outcome}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {job.status === 'finished' ? (
        <Alert
          type={job.rejected > 0 ? 'warning' : 'success'}
          showIcon
          title={t('import.finishedSummary', { created: job.created, updated: job.updated, skipped: job.skipped, rejected: job.rejected })}
          data-testid="import-finished"
        />
      ) : null}
      <Flex wrap gap={8} justify="space-between">
        <Flex wrap gap={8}>
          {done ? (
            <>
              {job.rejected > 0 ? (
                <Button type="primary" icon={<DownloadOutlined />} href={reportHref(job.id, 'csv', 'rejected')} download data-testid="import-report-rejected">
                  {t('import.reportRejected')}
                </Button>
              ) : null}
              <Dropdown trigger={['click']} menu={{ items: reportItems.map((item) => ({ key: item.key, label: <a href={item.href} download>{item.label}</a> })) }}>
                <Button icon={<DownloadOutlined />} data-testid="import-report">
                  {t('import.report')}
                </Button>
              </Dropdown>
            </>
          ) : null}
          {active ? (
            <Button danger onClick={confirmCancel} loading={cancel.isPending} data-testid="import-cancel">
              {t('import.cancel')}
            </Button>
          ) : null}
        </Flex>
        <Flex wrap gap={8}>
          {done && listPath ? (
            <Link to={listPath}>
              <Button data-testid="import-open-list">{t(`import.openList.${job.entity}`)}</Button>
            </Link>
          ) : null}
          <Button onClick={onAnother} data-testid="import-another">
            {t('import.another')}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
