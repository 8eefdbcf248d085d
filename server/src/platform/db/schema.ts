import type { ActivitiesTables } from './tables/activities.js';
import type { AnalyticsTables } from './tables/analytics.js';
import type { ApprovalsTables } from './tables/approvals.js';
import type { AttachmentsTables } from './tables/attachments.js';
import type { CalendarTables } from './tables/calendar.js';
import type { ContactsTables } from './tables/contacts.js';
import type { ContractsTables } from './tables/contracts.js';
import type { CreditTables } from './tables/credit.js';
import type { CustomFieldsTables } from './tables/custom-fields.js';
import type { CustomersTables } from './tables/customers.js';
import type { DepartmentsTables } from './tables/departments.js';
import type { DuplicatesTables } from './tables/duplicates.js';
import type { EmailTables } from './tables/email.js';
import type { ExportsTables } from './tables/exports.js';
import type { HistoryTables } from './tables/history.js';
import type { ImportsTables } from './tables/imports.js';
import type { LeadFormsTables } from './tables/lead-forms.js';
import type { LeadsTables } from './tables/leads.js';
import type { ListViewsTables } from './tables/list-views.js';
import type { NotificationsTables } from './tables/notifications.js';
import type { OpportunitiesTables } from './tables/opportunities.js';
import type { PoolTables } from './tables/pool.js';
import type { ProductsTables } from './tables/products.js';
import type { QuotesTables } from './tables/quotes.js';
import type { ReceivablesTables } from './tables/receivables.js';
import type { RemindersTables } from './tables/reminders.js';
import type { ReportsTables } from './tables/reports.js';
import type { RolesTables } from './tables/roles.js';
import type { TargetsTables } from './tables/targets.js';
import type { UsersTables } from './tables/users.js';

/**
 * Row types of every table, as Kysely sees them. Flags are 0/1 integers on both engines. Each
 * module's tables are in tables/<module>.ts (the owner table-owners.ts names); the platform's own
 * are here.
 */
export interface DB
  extends ActivitiesTables,
    AnalyticsTables,
    ApprovalsTables,
    AttachmentsTables,
    CalendarTables,
    ContactsTables,
    ContractsTables,
    CreditTables,
    CustomFieldsTables,
    CustomersTables,
    DepartmentsTables,
    DuplicatesTables,
    EmailTables,
    ExportsTables,
    HistoryTables,
    ImportsTables,
    LeadFormsTables,
    LeadsTables,
    ListViewsTables,
    NotificationsTables,
    OpportunitiesTables,
    PoolTables,
    ProductsTables,
    QuotesTables,
    ReceivablesTables,
    RemindersTables,
    ReportsTables,
    RolesTables,
    TargetsTables,
    UsersTables {
  /** Applied migrations; checksum: SHA-256 of the migration's normalised source (null until recorded). */
  schema_migrations: { name: string; applied_at: string; checksum: string | null };
  counters: { name: string; value: number };
  throttles: { key_hash: string; count: number; reset_at: string };
  settings: { key: string; value: string; version: number; updated_at: string; updated_by: number | null };
  /** Scheduled-task leases: the server holding an unexpired lease runs the task. */
  leases: { name: string; holder: string; expires_at: string };
}
