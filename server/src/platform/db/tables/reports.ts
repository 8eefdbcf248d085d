import type { Generated } from 'kysely';

/** The tables of the reports module (server/src/modules/reports/; see table-owners.ts), as Kysely sees them. */
export interface ReportsTables {
  /** Work reports (工作日报/周报): one per author, kind and period; `figures` is the JSON snapshot of the period's activity. */
  work_reports: {
    id: Generated<number>;
    author_id: number;
    /** daily | weekly */
    kind: string;
    /** YYYY-MM-DD: the day, or the Monday of the week, in the company's time zone. */
    period: string;
    summary: string;
    plan: string | null;
    problems: string | null;
    figures: string;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  work_report_comments: { id: Generated<number>; report_id: number; author_id: number; content: string; created_at: string; version: Generated<number>; /** Null until the author first edits it. */ updated_at: string | null };
  /** Read receipts: who other than the author opened a report, first time. */
  work_report_reads: { report_id: number; user_id: number; read_at: string };
}
