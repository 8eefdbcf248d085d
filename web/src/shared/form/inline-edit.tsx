import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../app/i18n/i18n-context';

/**
 * A value shown in a list cell or a record's field with a small edit button beside it; the button
 * opens `editor` in place (Esc anywhere in it cancels, focus returns to the button).
 */
export function InlineEdit({ label, display, editable, testId, editor }: {
  label: string;
  display: ReactNode;
  editable: boolean;
  testId: string;
  editor: (close: () => void) => ReactNode;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [refocus, setRefocus] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!editing && refocus) button.current?.focus();
  }, [editing, refocus]);
  if (!editable) return <>{display}</>;
  const close = () => {
    setRefocus(true);
    setEditing(false);
  };
  if (editing) {
    return (
      <div
        data-testid={`${testId}-editor`}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          close();
        }}
      >
        {editor(close)}
      </div>
    );
  }
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
      {display}
      <Button ref={button} type="text" size="small" icon={<EditOutlined />} aria-label={t('inline.edit', { field: label })} title={t('inline.edit', { field: label })} onClick={() => setEditing(true)} data-testid={testId} />
    </span>
  );
}

/** A choice saved as soon as it is picked (click or Enter); Esc, closing the list or leaving the box cancels. */
export function InlineSelect<V extends string | number>({ label, value, options, onSave, onCancel }: {
  label: string;
  value: V | null;
  options: Array<{ value: V; label: string }>;
  onSave: (value: V) => void;
  onCancel: () => void;
}) {
  return (
    <Select<V>
      autoFocus
      defaultOpen
      showSearch={{ optionFilterProp: 'label' }}
      size="small"
      aria-label={label}
      value={value ?? undefined}
      options={options}
      style={{ minWidth: 140 }}
      popupMatchSelectWidth={false}
      onChange={(next) => (next === value ? onCancel() : onSave(next))}
      // Esc closes the list (the select keeps the key to itself): a list closed without a pick cancels.
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      onBlur={onCancel}
    />
  );
}

/** A day (YYYY-MM-DD): Enter or the tick saves, the cross clears it, Esc cancels. */
export function InlineDate({ label, value, min, onSave, onCancel }: { label: string; value: string | null; min?: string; onSave: (value: string | null) => void; onCancel: () => void }) {
  const t = useT();
  const [day, setDay] = useState(value ?? '');
  const save = () => (day === (value ?? '') ? onCancel() : onSave(day === '' ? null : day));
  return (
    <Flex gap={4} align="center">
      <Input type="date" size="small" autoFocus aria-label={label} value={day} min={min} onChange={(e) => setDay(e.target.value)} onPressEnter={save} style={{ width: 150 }} data-testid="inline-date" />
      <Button size="small" type="primary" icon={<CheckOutlined />} aria-label={t('inline.save')} onClick={save} data-testid="inline-save" />
      {value ? <Button size="small" icon={<CloseOutlined />} aria-label={t('inline.clear')} title={t('inline.clear')} onClick={() => onSave(null)} /> : null}
    </Flex>
  );
}

/** Tags: Enter adds the typed tag, Enter on an empty box (or the tick) saves them, Esc cancels. */
export function InlineTags({ label, value, onSave, onCancel }: { label: string; value: string[]; onSave: (value: string[]) => void; onCancel: () => void }) {
  const t = useT();
  const [tags, setTags] = useState(value);
  const [typed, setTyped] = useState('');
  const save = () => {
    const cleaned = [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
    if (cleaned.join('\n') === value.join('\n')) onCancel();
    else onSave(cleaned);
  };
  return (
    <Flex gap={4} align="center" title={t('inline.tagsHint')}>
      <Select
        mode="tags"
        autoFocus
        size="small"
        aria-label={label}
        value={tags}
        open={false}
        suffixIcon={null}
        maxCount={20}
        tokenSeparators={[',', '，']}
        style={{ minWidth: 180 }}
        searchValue={typed}
        onSearch={setTyped}
        onChange={(next: string[]) => {
          setTags(next.filter((tag) => tag.trim().length > 0 && tag.trim().length <= 30));
          setTyped('');
        }}
        onInputKeyDown={(e) => {
          if (e.key === 'Enter' && typed.trim() === '') {
            e.preventDefault();
            save();
          }
        }}
        data-testid="inline-tags-input"
      />
      <Button size="small" type="primary" icon={<CheckOutlined />} aria-label={t('inline.save')} onClick={save} data-testid="inline-save" />
    </Flex>
  );
}
