import type { Generated } from 'kysely';

/** The tables of the users module (server/src/modules/users/; see table-owners.ts), as Kysely sees them. */
export interface UsersTables {
  users: {
    id: Generated<number>;
    email: string;
    name: string;
    mobile: string | null;
    password_hash: string;
    department_id: number | null;
    role_id: number;
    active: number;
    locale: string | null;
    last_login_at: string | null;
    deleted_at: string | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  sessions: {
    id: string;
    user_id: number;
    created_at: string;
    expires_at: string;
    ip: string | null;
    user_agent: string | null;
  };
}
