import { Button, Empty, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n/i18n-context';

interface ListEmptyProps {
  /** Filters are set: the empty list is the filters' doing, so offer to clear them. */
  filtered: boolean;
  filteredText: string;
  onClear: () => void;
  /** What the list is for, when nothing is in it yet. */
  title: string;
  text: string;
  /** What to do about it (create, import...). */
  children?: ReactNode;
  testId: string;
}

/** A list's empty state: "nothing matches, clear the filters", or what the list is for and how to fill it. */
export function ListEmpty({ filtered, filteredText, onClear, title, text, children, testId }: ListEmptyProps) {
  const t = useT();
  if (filtered) {
    return (
      <Empty description={filteredText} data-testid={testId}>
        <Button onClick={onClear}>{t('common.clearFilters')}</Button>
      </Empty>
    );
  }
  return (
    <Empty
      description={
        <div style={{ maxWidth: 480, margin: '0 auto' }}>
          <strong>{title}</strong>
          <p style={{ marginTop: 8 }}>{text}</p>
        </div>
      }
      data-testid={testId}
    >
      {children ? (
        <Flex gap={8} justify="center" wrap>
          {children}
        </Flex>
      ) : null}
    </Empty>
  );
}
