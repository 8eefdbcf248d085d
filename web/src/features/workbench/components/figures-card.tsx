import { Card, Col, Row, Skeleton } from 'antd';
import type { WorkbenchFigures } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatMoney, formatNumber } from '../../../shared/format/format';
import { usePermissions } from '../../auth';
import { FigureTile } from './figure-tile';

type Key = Exclude<keyof WorkbenchFigures, 'month'>;
const keys: Key[] = ['followUps', 'newCustomers', 'dealsWon', 'wonAmount', 'signedAmount', 'collected'];
const money = new Set<Key>(['wonAmount', 'signedAmount', 'collected']);

/** 本月业绩 vs 目标: my figures of the month (company time zone) and the progress towards my targets. */
export function FiguresCard({ figures }: { figures: WorkbenchFigures | undefined }) {
  const { t, locale } = useI18n();
  const { can } = usePermissions();
  const show = (key: Key, n: number) => (money.has(key) ? formatMoney(n, 'CNY', locale) : formatNumber(n, locale));
  const title = <h2 style={{ fontSize: 16, margin: 0, fontWeight: 600 }}>{t('workbench.figures.title', { month: figures?.month ?? '' })}</h2>;
  return (
    <Card size="small" title={title} extra={can('targets.view') ? <Link to="/targets">{t('workbench.figures.targets')}</Link> : null} data-testid="workbench-figures" aria-busy={!figures}>
      {figures ? (
        <Row gutter={[16, 16]}>
          {keys.map((key) => {
            const figure = figures[key];
            if (!figure) return null;
            const targetText = figure.target === null ? (key === 'followUps' || key === 'dealsWon' || key === 'wonAmount' ? '' : t('workbench.figures.noTarget')) : t('workbench.figures.target', { target: show(key, figure.target) });
            return (
              <Col key={key} xs={12} md={8} xl={4}>
                <FigureTile label={t(`workbench.figures.${key}`)} value={show(key, figure.actual)} actual={figure.actual} target={figure.target} targetText={targetText} testId={`figure-${key}`} />
              </Col>
            );
          })}
        </Row>
      ) : (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      )}
    </Card>
  );
}
