import { Select, Table, Typography, type TableColumnsType } from 'antd';
import type { Forecast, ForecastFigures } from '@crm/contracts';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { formatMoney } from '../../../shared/format/format';
import { figureKeys, figureLabels, type DrillDown, type FigureKey } from './forecast-model';

interface GroupRow {
  key: string;
  groupId: number | null;
  groupName: string;
  months: Map<string, ForecastFigures>;
}

interface ForecastTableProps {
  forecast: Forecast;
  groupBy: 'owner' | 'department';
  onDrill: (drill: DrillDown) => void;
}

/** Rows: owners or departments; columns: each month's figures; a totals row at the bottom. */
export function ForecastTable({ forecast, groupBy, onDrill }: ForecastTableProps) {
  const { t, locale } = useI18n();
  const isMobile = useIsMobile();
  // A phone shows one figure per month, so that the table stays narrow.
  const [mobileFigure, setMobileFigure] = useState<FigureKey>('weighted');
  const figures = isMobile ? [mobileFigure] : figureKeys;
  const currency = forecast.baseCurrency;
  const noGroup = groupBy === 'owner' ? t('forecast.noOwner') : t('forecast.noDepartment');

  const rows = useMemo<GroupRow[]>(() => {
    const groups = new Map<string, GroupRow>();
    for (const row of forecast.rows) {
      const key = String(row.groupId ?? 'none');
      const group = groups.get(key) ?? { key, groupId: row.groupId, groupName: row.groupName ?? noGroup, months: new Map() };
      group.months.set(row.month, row);
      groups.set(key, group);
    }
    return [...groups.values()].sort((a, b) => a.groupName.localeCompare(b.groupName, locale));
  }, [forecast.rows, noGroup, locale]);
  const totals = useMemo(() => new Map(forecast.totals.map((row) => [row.month, row])), [forecast.totals]);

  const cell = (value: number | undefined, drill: DrillDown) =>
    value ? (
      <Typography.Link onClick={() => onDrill(drill)} style={{ whiteSpace: 'nowrap' }}>
        {formatMoney(value, currency, locale)}
      </Typography.Link>
    ) : (
      <Typography.Text type="secondary">{formatMoney(0, currency, locale)}</Typography.Text>
    );

  const columns: TableColumnsType<GroupRow> = [
    {
      key: 'group',
      title: groupBy === 'owner' ? t('forecast.owner') : t('forecast.department'),
      fixed: isMobile ? undefined : 'left',
      render: (_v, row) => <span style={{ whiteSpace: 'nowrap' }}>{row.groupName}</span>,
    },
    ...forecast.months.map((month) => {
      const figureColumn = (figure: FigureKey, title: string) => ({
        key: `${month}-${figure}`,
        title,
        align: 'right' as const,
        render: (_v: unknown, row: GroupRow) =>
          cell(row.months.get(month)?.[figure], { month, figure, group: { id: row.groupId, name: row.groupName } }),
      });
      // On a phone each month has one column (the chosen figure): no two-level header.
      return isMobile
        ? figureColumn(mobileFigure, month)
        : { key: month, title: month, children: figureKeys.map((figure) => figureColumn(figure, t(figureLabels[figure]))) };
    }),
  ];

  return (
    <>
      {isMobile ? (
        <Select<FigureKey>
          value={mobileFigure}
          onChange={setMobileFigure}
          options={figureKeys.map((key) => ({ value: key, label: t(figureLabels[key]) }))}
          style={{ width: '100%', marginBottom: 8 }}
          aria-label={t('forecast.figure')}
        />
      ) : null}
      {/* A wide table scrolls in a region the keyboard reaches (arrows scroll it). */}
      <div role="region" aria-label={t('forecast.title')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table<GroupRow>
          rowKey="key"
          size="small"
          bordered
          pagination={false}
          columns={columns}
          dataSource={rows}
          locale={{ emptyText: t('forecast.empty') }}
          data-testid="forecast-table"
          summary={() =>
            rows.length > 0 ? (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('forecast.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  {forecast.months.flatMap((month, m) =>
                    figures.map((figure, f) => (
                      <Table.Summary.Cell key={`${month}-${figure}`} index={1 + m * figures.length + f} align="right">
                        <Typography.Text strong>{cell(totals.get(month)?.[figure], { month, figure })}</Typography.Text>
                      </Table.Summary.Cell>
                    )),
                  )}
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </div>
    </>
  );
}
