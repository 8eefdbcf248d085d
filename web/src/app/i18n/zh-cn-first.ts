import type { FirstMessages } from './en';
import { core } from './zh-cn/core';
import { customers } from './zh-cn/customers';
import { pool } from './zh-cn/pool';
import { listViews } from './zh-cn/list-views';
import { workingLists } from './zh-cn/working-lists';

/** The messages a phone's customer list shows before anything else loads: its frame, views and cards (translate.ts). */
export const zhCNFirst: FirstMessages = {
  ...core,
  ...customers,
  ...pool,
  ...listViews,
  ...workingLists,
};
