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

export function columnLabel(t: Translate, key: string): string {
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
