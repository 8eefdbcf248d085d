import type { Generated } from 'kysely';

/** The tables of the list-views module (server/src/modules/list-views/; see table-owners.ts), as Kysely sees them. */
export interface ListViewsTables {
  /** Saved list views (视图): a list's filters, columns, sort and page size under a name. */
  list_views: {
    id: Generated<number>;
    /** customers | contacts | leads | opportunities */
    list: string;
    name: string;
    owner_id: number;
    /** personal | department | everyone */
    visibility: string;
    /** With `department`: users of this department and the departments below it see it. */
    department_id: number | null;
    /** JSON object of the list's query parameters (strings). */
    filters: string;
    /** JSON array of column keys, in order. */
    columns: string;
    sort: string | null;
    page_size: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  /** Each user's default view of a list: a saved view (view_id) or a built-in one (built_in key). */
  list_view_defaults: { user_id: number; list: string; view_id: number | null; built_in: string | null; updated_at: string };
}
