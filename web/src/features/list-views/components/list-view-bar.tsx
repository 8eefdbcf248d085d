import { Flex, Select, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import type { ListViewState } from '../use-list-view-state';
import { builtInKey, savedKey } from '../view-params';
import { ViewActions } from './view-actions';
import { builtInName } from './view-names';

/**
 * The list's views: built-in ones, the user's own and those shared with them, with the one the
 * URL shows selected ("unsaved view" once the filters change), and the actions on it.
 */
export function ListViewBar({ state }: { state: ListViewState }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const { data, defaultKey } = state;
  const label = (key: string, name: string, extra?: string): ReactNode => (
    <Flex gap={6} align="center" style={{ minWidth: 0 }}>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{name}</span>
      {extra ? <span style={{ color: 'var(--ant-color-text-secondary)', fontSize: 12 }}>{extra}</span> : null}
      {key === defaultKey ? <Tag style={{ marginInlineEnd: 0 }}>{t('views.default')}</Tag> : null}
    </Flex>
  );
  const mine = data?.items.filter((v) => v.can.edit) ?? [];
  const shared = data?.items.filter((v) => !v.can.edit) ?? [];
  const groups = [
    { label: t('views.group.builtIn'), options: (data?.builtIn ?? []).map((v) => ({ value: builtInKey(v.key), title: builtInName(t, state.list, v.key), label: label(builtInKey(v.key), builtInName(t, state.list, v.key)) })) },
    { label: t('views.group.mine'), options: mine.map((v) => ({ value: savedKey(v.id), title: v.name, label: label(savedKey(v.id), v.name) })) },
    { label: t('views.group.shared'), options: shared.map((v) => ({ value: savedKey(v.id), title: v.name, label: label(savedKey(v.id), v.name, t('views.by', { name: v.ownerName ?? '' })) })) },
  ].filter((g) => g.options.length > 0);

  return (
    <Flex gap={8} align="center" style={{ marginBottom: 12 }} data-testid="list-view-bar">
      <Select
        aria-label={t('views.label')}
        value={state.activeKey ?? undefined}
        placeholder={t('views.custom')}
        options={groups}
        loading={!data}
        onChange={(key: string) => state.apply(key)}
        optionLabelProp="title"
        popupMatchSelectWidth={isMobile ? true : 320}
        style={{ flex: isMobile ? 1 : undefined, width: isMobile ? undefined : 240, minWidth: 0 }}
        data-testid="view-switcher"
      />
      <ViewActions state={state} />
    </Flex>
  );
}
