import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../app/i18n/i18n-context';
import { isApiError } from '../api/client';
import { errorMessage } from '../api/error-message';

// The results that stand for a page (no permission, not found, a failed query): Ant Design's Result
// with its illustrations, loaded when one is first shown (results.tsx), not with every page.

/** A result that stands for the page (not found, no permission, an error) is the page's heading. */
function PageTitle({ children }: { children: string }) {
  return <h1 style={{ margin: 0, font: 'inherit', color: 'inherit' }}>{children}</h1>;
}

export function NoPermissionResult() {
  const t = useT();
  return (
    <Result
      status="403"
      title={<PageTitle>{t('result.noPermission')}</PageTitle>}
      subTitle={t('result.noPermissionText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
      data-testid="no-permission"
    />
  );
}

export function NotFoundResult() {
  const t = useT();
  return (
    <Result
      status="404"
      title={<PageTitle>{t('result.notFound')}</PageTitle>}
      subTitle={t('result.notFoundText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
      data-testid="not-found"
    />
  );
}

/** The result for a failed query: 403 and 404 get their own pages, anything else a retry. */
export function QueryErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (isApiError(error) && error.status === 403) return <NoPermissionResult />;
  if (isApiError(error) && error.status === 404) return <NotFoundResult />;
  return (
    <Result
      status="error"
      title={<PageTitle>{t('result.error')}</PageTitle>}
      subTitle={errorMessage(error, t)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
