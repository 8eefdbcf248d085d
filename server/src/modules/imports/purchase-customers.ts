import { isValidCreditCode, type Locale } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { unscoped } from '../../platform/auth/scope.js';
import { t } from '../../platform/i18n.js';
import { normalizeIdentifier, normalizePhone } from '../../platform/normalize.js';
import { customersByReference, customersWithKeys } from '../customers/index.js';

type Db = AppContext['db'];

export type ResolvedCustomer = { ok: true; id: number } | { ok: false; message: string };

/** The kinds of reference a cell may be, strongest first, with the words that name them in a message. */
const kinds = [
  { prefix: 'a:', words: 'importMatchArchiveNo' },
  { prefix: 'c:', words: 'importMatchCreditCode' },
  { prefix: 'p:', words: 'importMatchPhone' },
] as const;

/** The duplicate keys (customers.dedupe) a customer cell may stand for: its archive number, credit code or phone. */
export function referenceKeys(ref: string): string[] {
  const keys: string[] = [];
  const upper = ref.normalize('NFKC').trim().toUpperCase();
  if (/^KH\d+$/.test(upper)) keys.push(`a:${upper}`);
  const code = normalizeIdentifier(ref);
  if (code && isValidCreditCode(code)) keys.push(`c:${code}`);
  const phone = normalizePhone(ref);
  if (phone) keys.push(`p:${phone}`);
  return keys;
}

/**
 * The customer a purchase row names: by archive number (KH…), unified social credit code, phone
 * (normalised, the customer's own or one of its contacts'), else exact name, the first kind that
 * finds any live customer deciding. Looked up among every live customer: whether the importer may
 * edit it is the caller's check, and says whose it is. A reference that several customers share
 * is refused, never guessed.
 */
export class CustomerResolver {
  constructor(private readonly locale: Locale) {}

  async resolve(db: Db, refs: string[]): Promise<Map<string, ResolvedCustomer>> {
    const out = new Map<string, ResolvedCustomer>();
    const keysOf = new Map(refs.map((ref) => [ref, referenceKeys(ref)]));
    const byKey = new Map<string, number[]>();
    for (const [id, keys] of await customersWithKeys(db, [...new Set([...keysOf.values()].flat())])) {
      for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), id]);
    }
    const byName: string[] = [];
    for (const ref of refs) {
      const keys = keysOf.get(ref) ?? [];
      for (const { prefix, words } of kinds) {
        const key = keys.find((k) => k.startsWith(prefix));
        const ids = key ? (byKey.get(key) ?? []) : [];
        if (ids.length === 0) continue;
        out.set(ref, ids.length === 1 && ids[0] !== undefined ? { ok: true, id: ids[0] } : this.ambiguous(words));
        break;
      }
      if (!out.has(ref)) byName.push(ref);
    }
    if (byName.length > 0) {
      const named = await customersByReference(db, byName, unscoped('a purchase names its customer; the importer may see whose it is, nothing more'));
      for (const ref of byName) {
        const ids = named.filter((c) => c.name === ref).map((c) => c.id);
        if (ids.length === 1 && ids[0] !== undefined) out.set(ref, { ok: true, id: ids[0] });
        else if (ids.length > 1) out.set(ref, this.ambiguous('importMatchName'));
        else out.set(ref, { ok: false, message: t(this.locale, 'importPurchaseCustomerUnknown') });
      }
    }
    return out;
  }

  private ambiguous(words: string): ResolvedCustomer {
    return { ok: false, message: t(this.locale, 'importPurchaseCustomerAmbiguous', { match: t(this.locale, words) }) };
  }
}
