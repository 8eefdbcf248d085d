import type { Generated } from 'kysely';

/** The tables of the roles module (server/src/modules/roles/; see table-owners.ts), as Kysely sees them. */
export interface RolesTables {
  roles: {
    id: Generated<number>;
    key: string;
    name: string;
    description: string | null;
    built_in: number;
    permissions: string;
    data_scope: string;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
}
