import type { Messages } from './en';
import { core } from './zh-cn/core';
import { customers } from './zh-cn/customers';
import { organisation } from './zh-cn/organisation';
import { pool } from './zh-cn/pool';
import { imports } from './zh-cn/imports';
import { quality } from './zh-cn/quality';
import { leads } from './zh-cn/leads';
import { opportunities } from './zh-cn/opportunities';
import { stageStats } from './zh-cn/stage-stats';
import { phones } from './zh-cn/phones';
import { company } from './zh-cn/company';
import { quotes } from './zh-cn/quotes';
import { targets } from './zh-cn/targets';
import { analytics } from './zh-cn/analytics';
import { credit } from './zh-cn/credit';
import { contracts } from './zh-cn/contracts';
import { approvals } from './zh-cn/approvals';
import { receivables } from './zh-cn/receivables';
import { activities } from './zh-cn/activities';
import { reports } from './zh-cn/reports';
import { calendar } from './zh-cn/calendar';
import { workbench } from './zh-cn/workbench';
import { recordPage } from './zh-cn/record-page';
import { email } from './zh-cn/email';
import { visits } from './zh-cn/visits';
import { listViews } from './zh-cn/list-views';
import { workingLists } from './zh-cn/working-lists';

/** 简体中文 messages, one file per part of the app; the type makes the compiler report any key missing here. */
export const zhCN: Messages = {
  ...core,
  ...customers,
  ...organisation,
  ...pool,
  ...imports,
  ...quality,
  ...leads,
  ...opportunities,
  ...stageStats,
  ...phones,
  ...company,
  ...quotes,
  ...targets,
  ...contracts,
  ...approvals,
  ...receivables,
  ...activities,
  ...reports,
  ...calendar,
  ...workbench,
  ...recordPage,
  ...email,
  ...visits,
  ...listViews,
  ...workingLists,
  ...analytics,
  ...credit,
};
