/**
 * English messages, one file per part of the app in ./en/. The keys are the catalogue: zh-CN
 * (./zh-cn/, same files) must define every one of them.
 */
import { core } from './en/core';
import { customers } from './en/customers';
import { organisation } from './en/organisation';
import { pool } from './en/pool';
import { imports } from './en/imports';
import { quality } from './en/quality';
import { leads } from './en/leads';
import { opportunities } from './en/opportunities';
import { stageStats } from './en/stage-stats';
import { phones } from './en/phones';
import { company } from './en/company';
import { quotes } from './en/quotes';
import { targets } from './en/targets';
import { analytics } from './en/analytics';
import { credit } from './en/credit';
import { contracts } from './en/contracts';
import { approvals } from './en/approvals';
import { receivables } from './en/receivables';
import { activities } from './en/activities';
import { reports } from './en/reports';
import { calendar } from './en/calendar';
import { workbench } from './en/workbench';
import { recordPage } from './en/record-page';
import { email } from './en/email';
import { visits } from './en/visits';
import { listViews } from './en/list-views';
import { workingLists } from './en/working-lists';

export const en = {
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
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
