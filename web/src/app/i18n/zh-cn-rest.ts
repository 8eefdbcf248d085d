import type { RestMessages } from './en';
import { organisation } from './zh-cn/organisation';
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

/** Every other page's messages, loaded beside the first page opened after the customer list (translate.ts). */
export const zhCNRest: RestMessages = {
  ...organisation,
  ...imports,
  ...quality,
  ...leads,
  ...opportunities,
  ...stageStats,
  ...phones,
  ...company,
  ...quotes,
  ...targets,
  ...analytics,
  ...credit,
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
};
