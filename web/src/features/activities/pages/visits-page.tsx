import { Card } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { ListEmpty } from '../../../shared/layout/list-empty';
import { PageHeader } from '../../../shared/layout/page-header';
import { useDayVisits } from '../api';
import { positiveId } from '../components/task-model';
import { VisitCards } from '../components/visit-cards';
import { VisitFilters } from '../components/visit-filters';
import { VisitTable } from '../components/visit-table';

const pageSize = 50;
const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid();

/** 拜访签到: the visits of a day (`?date=`, today by default) by the users in my scope, or one of them (`?authorId=`), with their check-ins. */
export function VisitsPage() {
  const t = useT();
  useDocumentTitle(t('visit.title'));
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const date = isDay(params.get('date')) ? (params.get('date') as string) : dayjs().format('YYYY-MM-DD');
  const authorId = positiveId(params.get('authorId'));
  const page = positiveId(params.get('page')) ?? 1;
  const visits = useDayVisits({ date, authorId, page, pageSize });

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const items = visits.data?.items ?? [];
  const list = { items, loading: visits.isPending, total: visits.data?.total ?? 0, page, pageSize, onPage: (p: number) => update({ page: p > 1 ? String(p) : null }) };

  return (
    <>
      <PageHeader
        title={t('visit.title')}
        subTitle={t('visit.subtitle')}
        extra={
          <VisitFilters
            date={date}
            authorId={authorId}
            onChange={(patch) => update({ ...(patch.date ? { date: patch.date } : {}), ...(patch.authorId !== undefined ? { authorId: patch.authorId === null ? null : String(patch.authorId) } : {}), page: null })}
          />
        }
      />
      <Card>
        {!visits.isPending && items.length === 0 ? (
          <ListEmpty filtered={authorId !== null} filteredText={t('visit.emptyTitle')} onClear={() => update({ authorId: null, page: null })} title={t('visit.emptyTitle')} text={t('visit.emptyText')} testId="visits-empty" />
        ) : isMobile ? (
          <VisitCards {...list} />
        ) : (
          <VisitTable {...list} />
        )}
      </Card>
    </>
  );
}
