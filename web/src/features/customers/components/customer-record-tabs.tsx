import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';

const tabKeys = ['activity', 'profile', 'related'] as const;
type TabKey = (typeof tabKeys)[number];
/** Addresses of the former tabs lead to where their content is now. */
const formerTabs: Record<string, TabKey> = { history: 'activity', contacts: 'related', attachments: 'related' };

/** The record page on a phone: the same three parts as tabs, follow-ups and timeline first (`?tab=` keeps the choice). */
export function CustomerRecordTabs({ activity, facts, related }: { activity: ReactNode; facts: ReactNode; related: ReactNode }) {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const param = search.get('tab') ?? '';
  const tab: TabKey = tabKeys.find((k) => k === param) ?? formerTabs[param] ?? 'activity';
  return (
    <Tabs
      activeKey={tab}
      // On white, as the cards below: the active tab's blue keeps its contrast.
      tabBarStyle={{ background: '#fff', paddingInline: 12, borderRadius: 8, marginBottom: 12 }}
      onChange={(key) => {
        const next = new URLSearchParams(search);
        if (key === 'activity') next.delete('tab');
        else next.set('tab', key);
        setSearch(next, { replace: true });
      }}
      items={[
        { key: 'activity', label: <span data-testid="activity-tab">{t('customer.tabActivity')}</span>, children: activity },
        { key: 'profile', label: <span data-testid="profile-tab">{t('customer.tabProfile')}</span>, children: facts },
        { key: 'related', label: <span data-testid="related-tab">{t('customer.tabRelated')}</span>, children: related },
      ]}
    />
  );
}
