import { organisation } from './en/organisation';
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

/** Every other page's messages, loaded beside the first page opened after the customer list (translate.ts). */
export const enRest = {
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
} as const;
