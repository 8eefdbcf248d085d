import { phoneE164 } from '@crm/contracts';

/**
 * Normalised forms used to find the same customer written differently: phone numbers in E.164
 * (+86, 0086, spaces and dashes all give the same form); emails in lower case; organisation names without legal-form suffixes,
 * brackets, spaces and punctuation.
 */

/** The E.164 form of a phone number (+8613812345678, +861088886666; China by default), or null when it is not a valid number. */
export function normalizePhone(value: string | null | undefined): string | null {
  return phoneE164(value);
}

export function normalizeEmail(value: string | null | undefined): string | null {
  const v = value?.trim().toLowerCase();
  return v && v.includes('@') ? v : null;
}

// Longest first: 股份有限公司 before 有限公司 before 公司.
const chineseSuffixes = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '集团公司',
  '总公司',
  '分公司',
  '公司',
  '集团',
  '工作室',
  '合伙企业',
  '个体工商户',
  '厂',
];
const latinSuffixes = [
  'co ltd', 'company limited', 'co limited', 'limited', 'ltd', 'inc', 'incorporated', 'corp', 'corporation',
  'llc', 'gmbh', 'ag', 'sa', 'srl', 'bv', 'plc', 'pte', 'pty', 'co', 'company', 'group', 'holdings',
];

export function normalizeOrgName(value: string | null | undefined): string | null {
  if (!value) return null;
  let v = value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[（(][^)）]*[)）]/g, ' ') // bracketed parts: (中国), (Shanghai)
    .replace(/[.,，。、&'"“”‘’\-_/\\]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let changed = true;
  while (changed && v.length > 0) {
    changed = false;
    for (const s of chineseSuffixes) {
      if (v.endsWith(s) && v.length > s.length) {
        v = v.slice(0, -s.length).trim();
        changed = true;
      }
    }
    for (const s of latinSuffixes) {
      if (v.endsWith(` ${s}`)) {
        v = v.slice(0, -(s.length + 1)).trim();
        changed = true;
      }
    }
  }
  v = v.replace(/\s+/g, '');
  return v.length >= 2 ? v : null;
}

/** A unified social credit code or an ID-card number as a key: half-width, upper case, no spaces. */
export function normalizeIdentifier(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.normalize('NFKC').toUpperCase().replace(/[\s-]+/g, '');
  // A masked value (with *) identifies nothing.
  return v.length >= 8 && !v.includes('*') ? v : null;
}

/**
 * The duplicate-check keys of a customer or contact: `c:` unified social credit code, `i:` ID-card
 * number, `p:` phones, `e:` emails (the strong keys: each names one party), and `n:` the
 * organisation's name (a weak key: two companies may share a name).
 */
export function dedupeKeys(values: {
  name?: string | null;
  isOrganization?: boolean;
  creditCode?: string | null;
  idCard?: string | null;
  phones?: Array<string | null | undefined>;
  emails?: Array<string | null | undefined>;
}): string[] {
  const keys = new Set<string>();
  const credit = normalizeIdentifier(values.creditCode);
  if (credit) keys.add(`c:${credit}`);
  const idCard = normalizeIdentifier(values.idCard);
  if (idCard) keys.add(`i:${idCard}`);
  for (const p of values.phones ?? []) {
    const n = normalizePhone(p);
    if (n) keys.add(`p:${n}`);
  }
  for (const e of values.emails ?? []) {
    const n = normalizeEmail(e);
    if (n) keys.add(`e:${n}`);
  }
  if (values.isOrganization) {
    const n = normalizeOrgName(values.name);
    if (n) keys.add(`n:${n}`);
  }
  return [...keys];
}

/** The kind of a duplicate key: its prefix letter. `n` (name) is the only weak one. */
export function keyKind(key: string): string {
  return key.slice(0, 1);
}

export function isStrongKey(key: string): boolean {
  return keyKind(key) !== 'n';
}
