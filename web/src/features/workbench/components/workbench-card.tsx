import { Card, Empty, List, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';

interface WorkbenchCardProps<T> {
  title: string;
  testId: string;
  /** The section: undefined while loading. */
  section: { items: T[]; total: number } | undefined;
  renderItem: (item: T) => ReactNode;
  rowKey: (item: T) => string | number;
  /** What an empty card says (what the card is for). */
  empty: string;
  /** The full page; the card links to it ("all N" when it shows only some). */
  more?: string;
  extra?: ReactNode;
}

/** One card of the workbench: a heading, a skeleton while loading, an empty state, the first items and a link to all. */
export function WorkbenchCard<T>({ title, testId, section, renderItem, rowKey, empty, more, extra }: WorkbenchCardProps<T>) {
  const t = useT();
  const heading = (
    <h2 style={{ fontSize: 16, margin: 0, fontWeight: 600, whiteSpace: 'normal' }}>
      {title}
      {section && section.total > 0 ? <span data-testid={`${testId}-count`}>{` · ${section.total}`}</span> : null}
    </h2>
  );
  const showMore = more && section && section.total > section.items.length;
  let body: ReactNode;
  if (!section) body = <Skeleton active paragraph={{ rows: 3 }} title={false} />;
  else if (section.items.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ margin: '8px 0' }} />;
  else body = <List<T> size="small" split dataSource={section.items} rowKey={rowKey} renderItem={(item) => <List.Item>{renderItem(item)}</List.Item>} />;
  return (
    <Card
      size="small"
      title={heading}
      extra={extra ?? (more ? <Link to={more}>{showMore ? t('workbench.more', { n: section.total }) : t('workbench.open')}</Link> : null)}
      styles={{ body: { paddingTop: 4, paddingBottom: 4 } }}
      style={{ height: '100%' }}
      data-testid={testId}
      aria-busy={!section}
    >
      {body}
    </Card>
  );
}
