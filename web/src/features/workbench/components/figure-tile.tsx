import { Flex, Progress, Typography } from 'antd';

interface FigureTileProps {
  label: string;
  /** The figure as shown (a count, or money in yuan). */
  value: string;
  actual: number;
  target: number | null;
  /** The target as shown; the tile says "no target" without one. */
  targetText: string;
  testId: string;
}

/** One figure of the month: its value and, when a target is set, the progress towards it. */
export function FigureTile({ label, value, actual, target, targetText, testId }: FigureTileProps) {
  const percent = target !== null && target > 0 ? Math.round((actual / target) * 100) : null;
  return (
    <Flex vertical gap={2} data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>{label}</Typography.Text>
      <Typography.Text strong style={{ fontSize: 20 }} data-testid={`${testId}-value`}>{value}</Typography.Text>
      {percent !== null ? (
        <>
          <Progress
            percent={Math.min(100, percent)}
            format={() => `${percent}%`}
            size="small"
            status={percent >= 100 ? 'success' : 'normal'}
            aria-label={`${label}: ${percent}%`}
            data-testid={`${testId}-progress`}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{targetText}</Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{targetText}</Typography.Text>
      )}
    </Flex>
  );
}
