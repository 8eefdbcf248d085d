import { core } from './en/core';
import { customers } from './en/customers';
import { pool } from './en/pool';
import { listViews } from './en/list-views';
import { workingLists } from './en/working-lists';

/** The messages a phone's customer list shows before anything else loads: its frame, views and cards (translate.ts). */
export const enFirst = {
  ...core,
  ...customers,
  ...pool,
  ...listViews,
  ...workingLists,
} as const;
