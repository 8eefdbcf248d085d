import type { Generated } from 'kysely';

/** The tables of the departments module (server/src/modules/departments/; see table-owners.ts), as Kysely sees them. */
export interface DepartmentsTables {
  departments: {
    id: Generated<number>;
    name: string;
    parent_id: number | null;
    /** Materialised path of ids, e.g. `/1/4/`: subtree queries are one LIKE on an index. */
    path: string;
    /** The department's head (负责人): hears about big deals of the department's users. */
    manager_id: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
}
