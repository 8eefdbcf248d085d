import { Suspense, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { lazyAntd } from '../../../app/lazy-antd';
import { PlainIcon } from '../../../shared/layout/plain-icon';
import type { ListViewState } from '../use-list-view-state';
import { builtInKey, savedKey } from '../view-params';
import { builtInName } from './view-names';

// The actions' menu (Ant Design's dropdown, the view editor) loads when first tapped.
const ViewActions = lazyAntd(() => import('./view-actions').then((m) => m.ViewActions));

/**
 * A phone's list views: the browser's own select (grouped: built-in, mine, shared with me) and
 * the actions on the view shown, with no Ant Design until the actions are first opened.
 */
export function PlainViewBar({ state }: { state: ListViewState }) {
  const { t } = useI18n();
  const [actionsUsed, setActionsUsed] = useState(false);
  const { data, defaultKey } = state;
  const label = (key: string, name: string, extra?: string) =>
    [name, extra, key === defaultKey ? `(${t('views.default')})` : null].filter(Boolean).join(' · ');
  const mine = data?.items.filter((v) => v.can.edit) ?? [];
  const shared = data?.items.filter((v) => !v.can.edit) ?? [];
  const groups = [
    { label: t('views.group.builtIn'), options: (data?.builtIn ?? []).map((v) => ({ value: builtInKey(v.key), label: label(builtInKey(v.key), builtInName(t, state.list, v.key)) })) },
    { label: t('views.group.mine'), options: mine.map((v) => ({ value: savedKey(v.id), label: label(savedKey(v.id), v.name) })) },
    { label: t('views.group.shared'), options: shared.map((v) => ({ value: savedKey(v.id), label: label(savedKey(v.id), v.name, t('views.by', { name: v.ownerName ?? '' })) })) },
  ].filter((g) => g.options.length > 0);
  const actionsButton = (
    <button type="button" className="plain-button plain-icon-only" aria-label={t('views.more')} onClick={() => setActionsUsed(true)} data-testid="view-actions">
      <PlainIcon name="more" />
    </button>
  );

  return (
    <div className="plain-row plain-block" data-testid="list-view-bar">
      <select
        className="plain-select plain-grow"
        aria-label={t('views.label')}
        value={state.activeKey ?? ''}
        disabled={!data}
        onChange={(event) => {
          if (event.target.value) state.apply(event.target.value);
        }}
        data-testid="view-switcher"
      >
        {state.activeKey === null ? <option value="">{t('views.custom')}</option> : null}
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {actionsUsed ? (
        <Suspense fallback={actionsButton}>
          <ViewActions state={state} defaultOpen />
        </Suspense>
      ) : (
        actionsButton
      )}
    </div>
  );
}
