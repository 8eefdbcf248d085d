import type { Locale, Permission } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { t } from '../../platform/i18n.js';
import { activeUserDirectory, isUserInScope } from '../users/index.js';

/** `warning`: the cell named nobody, so the record goes to the importer and the report says so. */
type Resolved = { ok: true; id: number | null; warning?: string } | { ok: false; message: string };

const poolWords = new Set(['公海', '公海池', '线索池', 'pool', 'public pool', 'lead pool']);

/**
 * The owner cell of a customer (or lead) row: an active user's email or exact name, or 公海 for the pool.
 * As in the form: oneself always; anyone else only with the assign right and within one's scope.
 * A cell that names nobody (a Salesforce "Account Owner" of another company's CRM) falls back to
 * the importer with a warning: the row is not refused for it.
 * Answers are cached per import (a file names a handful of owners many times).
 */
export class OwnerResolver {
  private directory: Promise<Array<{ id: number; email: string; name: string }>> | null = null;
  private readonly cache = new Map<string, Promise<Resolved>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly actor: Actor,
    private readonly locale: Locale,
    /** The right to give records to others: customers.assign, or leads.assign for leads. */
    private readonly assignPermission: Permission = 'customers.assign',
  ) {}

  resolve(text: string): Promise<Resolved> {
    const key = text.trim();
    let answer = this.cache.get(key);
    if (!answer) {
      answer = this.lookup(key);
      this.cache.set(key, answer);
    }
    return answer;
  }

  private async lookup(text: string): Promise<Resolved> {
    if (poolWords.has(text.toLowerCase())) return { ok: true, id: null };
    this.directory ??= activeUserDirectory(this.ctx.db);
    const users = await this.directory;
    const lower = text.toLowerCase();
    const byEmail = users.find((u) => u.email.toLowerCase() === lower);
    const byName = users.filter((u) => u.name === text);
    if (!byEmail && byName.length > 1) return { ok: false, message: t(this.locale, 'importOwnerAmbiguous') };
    const user = byEmail ?? byName[0];
    if (!user) return { ok: true, id: this.actor.userId, warning: t(this.locale, 'importOwnerFallback', { owner: text }) };
    if (user.id === this.actor.userId) return { ok: true, id: user.id };
    if (!can(this.actor, this.assignPermission) || !(await isUserInScope(this.ctx, this.actor, user.id))) {
      return { ok: false, message: t(this.locale, 'ownerOutsideScope') };
    }
    return { ok: true, id: user.id };
  }
}
