import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Flex } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '../../app/i18n/i18n-context';
import { useIsMobile } from '../hooks/use-is-mobile';
import { SearchBox } from './search-box';

interface FilterBarProps {
  q: string;
  onSearch: (q: string) => void;
  placeholder: string;
  /** Desktop width of the search box. */
  searchWidth?: number;
  /** How many filters are set (shown on the phone's filter button). */
  activeCount: number;
  onClear: () => void;
  /** The filter controls. */
  children: ReactNode;
  /** Test-id prefix of the toggle and clear buttons (`<prefix>-toggle`, `<prefix>-clear`). */
  testIdPrefix?: string;
}

/**
 * A list's search box and filters: in one wrapping row on a desktop; on a phone the search box
 * with a filter button (badged with the number of filters set) that opens the controls below.
 * "Clear filters" shows while anything is set.
 */
export function FilterBar({ q, onSearch, placeholder, searchWidth, activeCount, onClear, children, testIdPrefix = 'filter' }: FilterBarProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const [expanded, setExpanded] = useState(false);
  const controls = (
    <>
      {children}
      {activeCount > 0 || q ? (
        <Button type="link" onClick={onClear} data-testid={`${testIdPrefix}-clear`}>
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </>
  );

  if (isMobile) {
    return (
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        <Flex gap={8}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <SearchBox value={q} onSearch={onSearch} placeholder={placeholder} width="100%" />
          </div>
          <Badge count={activeCount} size="small">
            <Button
              icon={<FilterOutlined />}
              onClick={() => setExpanded((v) => !v)}
              aria-expanded={expanded}
              aria-label={t('common.filters')}
              data-testid={`${testIdPrefix}-toggle`}
            />
          </Badge>
        </Flex>
        {expanded ? (
          <Flex vertical gap={8}>
            {controls}
          </Flex>
        ) : null}
      </Flex>
    );
  }

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchBox value={q} onSearch={onSearch} placeholder={placeholder} {...(searchWidth ? { width: searchWidth } : {})} />
      {controls}
    </Flex>
  );
}
