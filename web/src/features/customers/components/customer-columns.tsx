import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { useCallback, useMemo, useState, type Key } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { customFieldLabel, useActiveCustomFields } from '../../custom-fields';
import { fieldLabel } from './customer-fields';

/** The list's built-in columns in their default order; `name` is always shown. */
export const builtInColumns = [
  'archiveNo', 'name', 'kind', 'category', 'status', 'lifecycleStage', 'owner', 'phone', 'region', 'lastFollowUpAt', 'nextFollowUpOn', 'updatedAt',
  'email', 'industry', 'source', 'tags', 'createdAt',
] as const;
const defaultColumns: string[] = ['archiveNo', 'name', 'kind', 'category', 'status', 'lifecycleStage', 'owner', 'phone', 'region', 'lastFollowUpAt', 'nextFollowUpOn', 'updatedAt'];
const storageKey = 'crm.customerList.columns';

/** The export's column keys for the visible list columns (one list column may be several fields). */
export function exportColumnsFor(visible: string[]): string[] {
  return visible.flatMap((key) => {
    if (key === 'phone') return ['phone', 'mobile'];
    if (key === 'region') return ['province', 'city', 'district'];
    return [key];
  });
}

function readStored(): string[] | null {
  try {
    const raw = window.localStorage.getItem(storageKey);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return Array.isArray(parsed) && parsed.every((v) => typeof v === 'string') ? (parsed as string[]) : null;
  } catch {
    return null;
  }
}

/** The user's chosen columns (remembered in this browser), limited to columns that exist. */
export function useCustomerColumns() {
  const { t, locale } = useI18n();
  const customFields = useActiveCustomFields('customer');
  const [stored, setStored] = useState<string[] | null>(readStored);

  const all = useMemo(
    () => [
      ...builtInColumns.map((key) => ({ key, label: columnLabel(t, key) })),
      ...customFields.map((f) => ({ key: `custom.${f.key}`, label: customFieldLabel(f, locale) })),
    ],
    [t, locale, customFields],
  );
  const known = useMemo(() => new Set(all.map((c) => c.key)), [all]);
  const visible = useMemo(() => {
    const chosen = (stored ?? defaultColumns).filter((key) => known.has(key) || key.startsWith('custom.'));
    const list = chosen.filter((key) => !key.startsWith('custom.') || known.has(key));
    return list.includes('name') ? list : ['name', ...list];
  }, [stored, known]);

  const save = useCallback((next: string[] | null) => {
    setStored(next);
    try {
      if (next) window.localStorage.setItem(storageKey, JSON.stringify(next));
      else window.localStorage.removeItem(storageKey);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
  }, []);

  return { all, visible, customFields, setVisible: save, reset: () => save(null) };
}

type Translate = ReturnType<typeof useI18n>['t'];

function columnLabel(t: Translate, key: string): string {
  if (key === 'owner') return t('customer.f.ownerId');
  if (key === 'phone') return t('customer.f.phoneMobile');
  if (key === 'createdAt') return t('customer.f.createdAt');
  return fieldLabel(t, 'customer', key);
}

/** The table's columns in the chosen order; columns the table adds itself (selection...) are kept. */
export function arrangeColumns<T extends { key?: Key }>(columns: T[], extra: T[], visible: string[] | undefined): T[] {
  if (!visible) return columns;
  const byKey = new Map<string, T>();
  for (const column of [...columns, ...extra]) if (column.key !== undefined) byKey.set(String(column.key), column);
  return visible.map((key) => byKey.get(key)).filter((c): c is T => c !== undefined);
}

/** Chooses and orders the list's columns (the export uses the same choice). */
export function CustomerColumnChooser({
  all,
  visible,
  onChange,
  onReset,
}: {
  all: { key: string; label: string }[];
  visible: string[];
  onChange: (next: string[]) => void;
  onReset: () => void;
}) {
  const { t } = useI18n();
  const hidden = all.filter((c) => !visible.includes(c.key));
  const labelOf = (key: string) => all.find((c) => c.key === key)?.label ?? key;
  const move = (index: number, delta: number) => {
    const next = [...visible];
    const target = index + delta;
    if (target < 0 || target >= next.length) return;
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(target, 0, moved);
    onChange(next);
  };
  const content = (
    <Flex vertical gap={4} style={{ width: 280, maxHeight: 420, overflow: 'auto' }} data-testid="column-chooser">
      {visible.map((key, index) => (
        <Flex key={key} align="center" justify="space-between" gap={4}>
          <Checkbox
            checked
            disabled={key === 'name'}
            onChange={() => onChange(visible.filter((k) => k !== key))}
            data-testid={`column-${key}`}
          >
            {labelOf(key)}
          </Checkbox>
          <Flex gap={2}>
            <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('columns.moveUp')} disabled={index === 0} onClick={() => move(index, -1)} />
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={t('columns.moveDown')}
              disabled={index === visible.length - 1}
              onClick={() => move(index, 1)}
            />
          </Flex>
        </Flex>
      ))}
      {hidden.length > 0 ? (
        <Typography.Text type="secondary" style={{ marginTop: 8 }}>
          {t('columns.hidden')}
        </Typography.Text>
      ) : null}
      {hidden.map((c) => (
        <Checkbox key={c.key} checked={false} onChange={() => onChange([...visible, c.key])} data-testid={`column-${c.key}`}>
          {c.label}
        </Checkbox>
      ))}
      <Button size="small" type="link" onClick={onReset} style={{ alignSelf: 'flex-start', paddingInline: 0 }}>
        {t('columns.reset')}
      </Button>
    </Flex>
  );
  return (
    <Popover content={content} title={t('columns.title')} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined />} data-testid="column-chooser-open">
        {t('columns.button')}
      </Button>
    </Popover>
  );
}
