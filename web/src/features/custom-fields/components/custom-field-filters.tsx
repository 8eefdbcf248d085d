import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Popover, Skeleton, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useActiveCustomFields, type CustomFieldEntity } from '../api';
import type { Patch } from './custom-field-filter-input';
import { customFieldLabel } from './custom-field-values';

import { customFilterEntries } from '../custom-filter-params';

// The inputs (date ranges, numbers) load when the filters are first opened, not with the list.
const FilterInput = lazy(() => import('./custom-field-filter-input').then((m) => ({ default: m.FilterInput })));

/** A "custom fields" filter button: one filter per active custom field, kept as `cf_` URL parameters. */
export function CustomFieldFilters({
  entity,
  params,
  onChange,
}: {
  entity: CustomFieldEntity;
  params: URLSearchParams;
  /** Sets (or with undefined removes) `cf_` parameters; the page goes back to its first page. */
  onChange: (patch: Patch) => void;
}) {
  const { t, locale } = useI18n();
  const fields = useActiveCustomFields(entity);
  if (fields.length === 0) return null;
  const values = customFilterEntries(params);
  const active = Object.keys(values).length;
  const content = (
    <Flex vertical gap={10} style={{ width: 300, maxHeight: 460, overflow: 'auto' }} data-testid="custom-filters">
      {fields.map((field) => (
        <Flex key={field.key} vertical gap={4}>
          <Typography.Text>{customFieldLabel(field, locale)}</Typography.Text>
          <Suspense fallback={<Skeleton.Input active block size="small" />}>
            <FilterInput field={field} values={values} onChange={onChange} />
          </Suspense>
        </Flex>
      ))}
      {active > 0 ? (
        <Button
          type="link"
          style={{ alignSelf: 'flex-start', paddingInline: 0 }}
          onClick={() => onChange(Object.fromEntries(Object.keys(values).map((k) => [k, undefined])))}
        >
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
  return (
    <Popover content={content} title={t('customField.filters')} trigger="click" placement="bottomLeft">
      <Badge count={active} size="small">
        <Button icon={<FilterOutlined />} data-testid="custom-filters-open">
          {t('customField.filters')}
        </Button>
      </Badge>
    </Popover>
  );
}
