import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { MessageKey } from '../../platform/i18n.js';
import { customerReadScope, findCustomerRow } from '../customers/index.js';
import { activeUserDirectory } from '../users/index.js';
import { readLeadSources } from './leads.settings.js';
import { unscoped } from '../../platform/auth/scope.js';

type Db = AppContext['db'];

export interface LeadInputIssue {
  path: string;
  key: MessageKey;
}

/**
 * The checks of a lead's fields that a schema cannot do: the source is an active source of the
 * administrator's list, the referring customer a live customer (that `actor`, when given, may
 * read: one they may not is unknown to them), the owner an active user. A value equal to the
 * stored one (`existing`, on an edit) passes even if it has since been retired.
 * Used by create, update, import and web forms; `db` may be a transaction.
 */
export async function checkLeadInput(
  _ctx: AppContext,
  db: Db,
  input: { source?: string; referrerCustomerId?: number | null; ownerId?: number | null },
  existing?: { source: string; referrerCustomerId: number | null; ownerId: number | null },
  actor?: Actor,
): Promise<LeadInputIssue[]> {
  const issues: LeadInputIssue[] = [];
  if (input.source !== undefined && input.source !== existing?.source) {
    const source = (await readLeadSources(db)).items.find((s) => s.key === input.source);
    if (!source) issues.push({ path: 'source', key: 'leadUnknownSource' });
    else if (!source.active) issues.push({ path: 'source', key: 'leadInactiveSource' });
  }
  const referrer = input.referrerCustomerId;
  if (referrer !== undefined && referrer !== null && referrer !== existing?.referrerCustomerId) {
    if (!(await findCustomerRow(db, referrer, actor ? customerReadScope(actor) : unscoped('a web-form submission has no viewer')))) issues.push({ path: 'referrerCustomerId', key: 'unknownCustomer' });
  }
  const owner = input.ownerId;
  if (owner !== undefined && owner !== null && owner !== existing?.ownerId) {
    if (!(await activeUserDirectory(db)).some((u) => u.id === owner)) issues.push({ path: 'ownerId', key: 'unknownUser' });
  }
  return issues;
}
