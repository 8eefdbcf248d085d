import { Flex, Progress, Steps, Typography } from 'antd';
import type { Opportunity, Pipeline, Stage } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { stageName } from './deal-format';

interface StageStepsProps {
  deal: Opportunity;
  pipeline: Pipeline | undefined;
  /** Clicking an open stage moves the deal there (when the user may edit it). */
  onPick?: (stage: Stage) => void;
}

/** Where the deal is in its pipeline: the open stages in order, then won or lost. */
export function StageSteps({ deal, pipeline, onPick }: StageStepsProps) {
  const { t, locale } = useI18n();
  const isMobile = useIsMobile();
  const stages = pipeline?.stages ?? [];
  const open = stages.filter((s) => s.kind === 'open' && (s.active || s.id === deal.stageId));
  const won = stages.find((s) => s.kind === 'won');
  const lost = stages.find((s) => s.kind === 'lost');
  const index = open.findIndex((s) => s.id === deal.stageId);
  const current = deal.status === 'open' ? Math.max(index, 0) : open.length;

  const closing =
    deal.status === 'won'
      ? { title: won ? stageName(won, locale) : t('opp.status.won'), status: 'finish' as const }
      : deal.status === 'lost'
        ? { title: lost ? stageName(lost, locale) : t('opp.status.lost'), status: 'error' as const }
        : { title: t('opp.closed'), status: 'wait' as const };

  if (isMobile) {
    const label = deal.status === 'open' ? stageName(open[current] ?? { nameZh: deal.stageNameZh, nameEn: deal.stageNameEn }, locale) : closing.title;
    return (
      <Flex vertical gap={2} data-testid="stage-steps">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('opp.stageOf', { n: Math.min(current + 1, open.length + 1), total: open.length + 1 })}
        </Typography.Text>
        <Typography.Text strong>{label}</Typography.Text>
        <Progress
          percent={Math.round(((current + 1) / (open.length + 1)) * 100)}
          showInfo={false}
          status={deal.status === 'lost' ? 'exception' : deal.status === 'won' ? 'success' : 'active'}
          size="small"
        />
      </Flex>
    );
  }

  // Ten or more steps: keep each title readable and let the row scroll on narrow screens.
  return (
    <div style={{ overflowX: 'auto' }}>
      <Steps
        size="small"
        titlePlacement="vertical"
        style={{ minWidth: (open.length + 1) * 96 }}
        current={current}
        status={deal.status === 'lost' ? 'error' : deal.status === 'won' ? 'finish' : 'process'}
        onChange={
          onPick
            ? (next) => {
                const stage = open[next];
                if (stage && stage.id !== deal.stageId) onPick(stage);
              }
            : undefined
        }
        items={[
          ...open.map((s) => ({ key: s.id, title: stageName(s, locale), disabled: !onPick })),
          { key: 'closed', title: closing.title, status: closing.status, disabled: true },
        ]}
        data-testid="stage-steps"
      />
    </div>
  );
}
