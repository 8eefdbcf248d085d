import { MoreOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { Translate } from '../../../app/i18n/translate';
import { errorMessage } from '../../../shared/api/error-message';
import { useDeleteListView, useSetDefaultListView, useUpdateListView } from '../api';
import type { ListViewState } from '../use-list-view-state';
import { refOfKey } from '../view-params';
import { builtInName } from './view-names';

// The editor (name, who sees it) loads when first opened: the list pages stay small.
const ViewEditor = lazy(() => import('./view-editor').then((m) => ({ default: m.ViewEditor })));

/**
 * Save as a new view, save changes, make it the default, rename or share, delete (confirmed).
 * `defaultOpen`: the menu shows at once (a phone's plain button loaded it by being tapped).
 */
export function ViewActions({ state, defaultOpen = false }: { state: ListViewState; defaultOpen?: boolean }) {
  const { t } = useI18n();
  const [menuOpen, setMenuOpen] = useState(defaultOpen);
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState<'new' | 'edit' | null>(null);
  const update = useUpdateListView(state.list);
  const remove = useDeleteListView(state.list);
  const setDefault = useSetDefaultListView(state.list);
  const own = state.active && 'saved' in state.active && state.active.saved.can.edit ? state.active.saved : null;
  const fail = (error: unknown) => void message.error(errorMessage(error, t));
  const activeRef = state.activeKey === null ? null : refOfKey(state.activeKey);

  const run: Record<string, () => void> = {
    saveAs: () => setEditing('new'),
    saveChanges: () => {
      const base = state.base;
      if (!base) return;
      const now = state.current();
      update.mutate({ id: base.id, body: { ...now, version: base.version } }, { onSuccess: () => void message.success(t('views.saved')), onError: fail });
    },
    setDefault: () => {
      if (activeRef !== null) setDefault.mutate({ list: state.list, viewId: activeRef }, { onSuccess: () => void message.success(t('views.defaultSet', { name: activeName(t, state) })), onError: fail });
    },
    // The built-in "all" is the list unfiltered: what the list opens with when no other view is the default.
    clearDefault: () => setDefault.mutate({ list: state.list, viewId: 'all' }, { onSuccess: () => void message.success(t('views.defaultCleared')), onError: fail }),
    rename: () => setEditing('edit'),
    delete: () => {
      if (!own) return;
      void modal.confirm({
        title: t('views.deleteTitle', { name: own.name }),
        content: t('views.deleteText'),
        okButtonProps: { danger: true },
        okText: t('common.delete'),
        onOk: () => remove.mutateAsync(own.id).then(() => void message.success(t('views.deleted')), fail),
      });
    },
  };
  const isDefault = state.activeKey !== null && state.activeKey === state.defaultKey;
  const defaultItem = isDefault ? (state.activeKey === 'builtin:all' ? null : { key: 'clearDefault', label: t('views.clearDefault') }) : { key: 'setDefault', label: t('views.setDefault') };
  const items: MenuProps['items'] = [
    { key: 'saveAs', label: t('views.saveAs') },
    ...(state.base ? [{ key: 'saveChanges', label: t('views.saveChanges', { name: state.base.name }) }] : []),
    ...(state.activeKey !== null && defaultItem ? [defaultItem] : []),
    ...(own ? [{ key: 'rename', label: t('views.rename') }, { type: 'divider' as const }, { key: 'delete', danger: true, label: t('views.delete') }] : []),
  ];

  return (
    <>
      <Dropdown
        menu={{
          items,
          onClick: ({ key }) => {
            setMenuOpen(false);
            run[key]?.();
          },
        }}
        trigger={['click']}
        open={menuOpen}
        onOpenChange={setMenuOpen}
      >
        <Button icon={<MoreOutlined />} aria-label={t('views.more')} data-testid="view-actions" />
      </Dropdown>
      {editing === null ? null : (
        <Suspense fallback={null}>
          <ViewEditor state={state} view={editing === 'edit' ? own : null} onClose={() => setEditing(null)} />
        </Suspense>
      )}
    </>
  );
}

function activeName(t: Translate, state: ListViewState): string {
  if (!state.active) return '';
  return 'saved' in state.active ? state.active.saved.name : builtInName(t, state.list, state.active.builtIn.key);
}
