import { AppstoreOutlined, PlusOutlined, SwapOutlined, TableOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Segmented, Skeleton, Tag } from 'antd';
import type { Pipeline } from '@crm/contracts';
import { useState, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n, useT } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { ListEmpty } from '../../../shared/layout/list-empty';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useOpportunityBoard, useOpportunityList, usePipelines, useSalesSettings } from '../api';
import { DealBoard } from '../components/board/deal-board';
import { DealCards } from '../components/deal-cards';
import { DealFilters } from '../components/deal-filters';
import { DealFormDrawer, defaultPipeline } from '../components/deal-form-drawer';
import { hasDealFilters, parseDealParams, sharedFilters, toDealSearchParams, toListQuery, type DealParams } from '../components/deal-params';
import { DealTable } from '../components/deal-table';
import { DealTransferModal } from '../components/deal-transfer-modal';
import { stageName } from '../components/deal-format';
import { dealViewAdapter } from '../components/deal-view-adapter';
import { ListViewBar, useListViewState } from '../../list-views';

const perStage = 20;

/** 商机: the pipeline board and the table, sharing their filters through the URL. */
export function OpportunitiesPage() {
  const t = useT();
  useDocumentTitle(t('opp.title'));
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const view = parseDealParams(params);
  // Saved views; with an empty URL the deals wait for the user's default view.
  const views = useListViewState('opportunities', params, setParams, { adapter: dealViewAdapter });
  const pipelines = usePipelines();
  const [creating, setCreating] = useState(false);
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const [transferring, setTransferring] = useState(false);

  // The board always shows one pipeline (the default one unless chosen); the table may show all.
  const boardPipelineId = view.pipelineId ?? defaultPipeline(pipelines.data ?? [])?.id;
  const shownPipelineId = view.view === 'board' ? boardPipelineId : view.pipelineId;

  const update = (patch: Partial<DealParams>) => {
    // A new filter starts again from the first page; paging keeps the filters.
    const paging = 'page' in patch || 'pageSize' in patch;
    setSelectedIds([]);
    // A stage belongs to one pipeline: choosing another drops it.
    const stage = 'pipelineId' in patch && patch.pipelineId !== view.pipelineId ? { stageId: undefined } : {};
    setParams(toDealSearchParams({ ...view, ...(paging ? {} : { page: 1 }), ...stage, ...patch }));
  };
  const clear = () => setParams(toDealSearchParams({ ...parseDealParams(new URLSearchParams()), view: view.view, pipelineId: view.pipelineId }));

  const createButton = can('opportunities.create') ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="deal-create">
      {t('opp.create')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('opp.title')}
        extra={
          <>
            <Segmented<DealParams['view']>
              value={view.view}
              // The status filter is the table's own: the board shows every status in its columns.
              onChange={(next) => update({ view: next, ...(next === 'board' ? { status: undefined } : {}) })}
              options={[
                { value: 'board', label: t('opp.viewBoard'), icon: <AppstoreOutlined /> },
                { value: 'table', label: t('opp.viewTable'), icon: <TableOutlined /> },
              ]}
              data-testid="deal-view-switch"
            />
            {createButton}
          </>
        }
      />
      <Card styles={{ body: { padding: 12 } }}>
        <ListViewBar state={views} />
        <DealFilters view={view} pipelines={pipelines.data ?? []} pipelineId={shownPipelineId} onChange={update} onClear={clear} />
        {view.stageId ? <StageFilter stageId={view.stageId} pipelines={pipelines.data ?? []} onClear={() => update({ stageId: undefined })} /> : null}
        {!views.ready ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : view.view === 'board' ? (
          <BoardSection view={view} pipelineId={boardPipelineId} pipelinesReady={!pipelines.isPending} createButton={createButton} onClear={clear} />
        ) : (
          <TableSection
            view={view}
            onChange={update}
            onClear={clear}
            createButton={createButton}
            selectedIds={selectedIds}
            onSelect={can('opportunities.assign') ? setSelectedIds : undefined}
            onTransfer={() => setTransferring(true)}
          />
        )}
      </Card>
      <DealFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(deal) => void navigate(`/opportunities/${deal.id}`)} />
      <DealTransferModal
        open={transferring}
        opportunityIds={selectedIds}
        onClose={() => setTransferring(false)}
        onDone={() => setSelectedIds([])}
      />
    </>
  );
}

/** The stage filter a funnel's drill-down sets (the filter bar has no control for it), with a way back to every stage. */
function StageFilter({ stageId, pipelines, onClear }: { stageId: number; pipelines: Pipeline[]; onClear: () => void }) {
  const { t, locale } = useI18n();
  const stage = pipelines.flatMap((p) => p.stages).find((s) => s.id === stageId);
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="deal-stage-filter">
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {t('stageStats.listStage', { stage: stage ? stageName(stage, locale) : `#${stageId}` })}
      </Tag>
      <Button size="small" type="link" onClick={onClear} data-testid="deal-stage-filter-clear">
        {t('stageStats.listAllStages')}
      </Button>
    </Flex>
  );
}

function NoDeals({ filtered, onClear, createButton }: { filtered: boolean; onClear: () => void; createButton: ReactNode }) {
  const t = useT();
  return (
    <ListEmpty filtered={filtered} filteredText={t('opp.emptyFiltered')} onClear={onClear} title={t('opp.emptyTitle')} text={t('opp.emptyText')} testId="deal-empty">
      {createButton}
    </ListEmpty>
  );
}

function BoardSection({
  view,
  pipelineId,
  pipelinesReady,
  createButton,
  onClear,
}: {
  view: DealParams;
  pipelineId: number | undefined;
  pipelinesReady: boolean;
  createButton: ReactNode;
  onClear: () => void;
}) {
  const filters = { ...sharedFilters(view), ...(pipelineId ? { pipelineId } : {}) };
  // Wait for the pipelines, so that the board is asked once, for the pipeline it will show.
  const board = useOpportunityBoard({ ...filters, perStage }, pipelinesReady);
  if (!pipelinesReady || board.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (board.isError) return <QueryErrorResult error={board.error} onRetry={() => void board.refetch()} />;
  const total = board.data.columns.reduce((sum, c) => sum + c.count, 0);
  return (
    <Flex vertical gap={12}>
      {total === 0 ? <NoDeals filtered={hasDealFilters(view)} onClear={onClear} createButton={createButton} /> : null}
      {total > 0 ? (
        <DealBoard
          // Cards loaded with "load more" belong to one set of filters.
          key={JSON.stringify(filters)}
          board={board.data}
          filters={filters}
          perStage={perStage}
          refetch={() => board.refetch()}
        />
      ) : null}
    </Flex>
  );
}

function TableSection({
  view,
  onChange,
  onClear,
  createButton,
  selectedIds,
  onSelect,
  onTransfer,
}: {
  view: DealParams;
  onChange: (patch: Partial<DealParams>) => void;
  onClear: () => void;
  createButton: ReactNode;
  selectedIds: number[];
  onSelect: ((ids: number[]) => void) | undefined;
  onTransfer: () => void;
}) {
  const t = useT();
  const isMobile = useIsMobile();
  const list = useOpportunityList(toListQuery(view));
  const settings = useSalesSettings();
  if (list.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (list.isError) return <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.total === 0 && list.data.items.length === 0) {
    return <NoDeals filtered={hasDealFilters(view) || view.pipelineId !== undefined} onClear={onClear} createButton={createButton} />;
  }
  if (isMobile) {
    return (
      <DealCards
        items={list.data.items}
        total={list.data.total}
        page={view.page}
        pageSize={view.pageSize}
        loading={list.isFetching}
        onPage={(page) => onChange({ page })}
      />
    );
  }
  return (
    <>
      {selectedIds.length > 0 ? (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          data-testid="bulk-bar"
          title={
            <Flex wrap gap={8} align="center" justify="space-between">
              <span data-testid="bulk-count">{t('opp.selected', { count: selectedIds.length })}</span>
              <Flex wrap gap={8}>
                <Button size="small" icon={<SwapOutlined />} onClick={onTransfer} data-testid="bulk-transfer">
                  {t('opp.transfer')}
                </Button>
                <Button size="small" type="link" onClick={() => onSelect?.([])}>
                  {t('opp.clearSelection')}
                </Button>
              </Flex>
            </Flex>
          }
        />
      ) : null}
      <DealTable
        view={view}
        items={list.data.items}
        total={list.data.total}
        totalCapped={list.data.totalCapped}
        loading={list.isFetching}
        baseCurrency={settings.data?.baseCurrency ?? 'CNY'}
        onChange={onChange}
        {...(onSelect ? { selectedIds, onSelect } : {})}
      />
    </>
  );
}
