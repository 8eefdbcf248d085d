import { customerCategories, customerKinds, customerStatuses, listViewLists } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import { enFirst } from './en-first';
import { zhCNFirst } from './zh-cn-first';

// The files a phone's customer list (and the login page) renders before the rest of the messages
// arrive (translate.ts), read as text through Vite: every key they name must be in the first part
// of both languages.
const firstPageSources = import.meta.glob<string>(
  [
    '../phone-shell.tsx',
    '../plain-loading.tsx',
    '../../features/auth/pages/login-page.tsx',
    '../../features/customers/pages/customer-list-page.tsx',
    '../../features/customers/components/customer-list-phone.tsx',
    '../../features/customers/components/customer-cards.tsx',
    '../../features/customers/components/customer-follow-up-state.tsx',
    '../../features/list-views/components/plain-view-bar.tsx',
    '../../features/list-views/components/view-names.ts',
  ],
  { query: '?raw', import: 'default', eager: true },
);

function keysNamedIn(source: string): string[] {
  return [...source.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)].map((m) => m[1] as string);
}

describe('the first part of the messages', () => {
  const named = Object.values(firstPageSources).flatMap(keysNamedIn);
  // Keys built at run time: the cards' enumerations and the built-in views' names.
  const built = [
    ...customerStatuses.map((v) => `status.${v}`),
    ...customerKinds.map((v) => `kind.${v}`),
    ...customerCategories.map((v) => `category.${v}`),
    'views.builtIn.due_today',
    'views.builtIn.pool_soon',
    ...listViewLists.flatMap((list) => [`views.builtIn.mine.${list}`, `views.builtIn.all.${list}`]),
  ];

  it('finds the keys the first page names (the scan is not empty)', () => {
    expect(Object.keys(firstPageSources)).toHaveLength(9);
    expect(named.length).toBeGreaterThan(30);
    expect(named).toContain('customer.title');
  });

  it('holds every key of the first page, in English and in Chinese', () => {
    const missing = (messages: Record<string, string>) => [...new Set([...named, ...built])].filter((key) => !(key in messages));
    expect(missing(enFirst)).toEqual([]);
    expect(missing(zhCNFirst)).toEqual([]);
  });
});
