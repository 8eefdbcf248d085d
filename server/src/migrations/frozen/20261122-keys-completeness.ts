/**
 * Duplicate-check keys and completeness as migration 0005 computed them when it landed (commit
 * 54a0be7: platform/normalize.ts, customers/customers.dedupe.ts, quality/quality.completeness.ts
 * and the default data-quality settings of contracts/src/quality.ts). Frozen: only 0005 uses it;
 * the application's own versions have moved on (E.164 phone keys, credit-code keys), and later
 * migrations (0008, 0009) bring stored keys up to date.
 */

function normalizePhone(value: string | null | undefined): string | null {
  if (!value) return null;
  let digits = value.replace(/[^\d+]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('+')) digits = digits.slice(1);
  digits = digits.replace(/\D/g, '');
  // 86 followed by a mobile number.
  if (digits.length === 13 && digits.startsWith('861')) digits = digits.slice(2);
  return digits.length >= 5 ? digits : null;
}

function normalizeEmail(value: string | null | undefined): string | null {
  const v = value?.trim().toLowerCase();
  return v && v.includes('@') ? v : null;
}

// Longest first: 股份有限公司 before 有限公司 before 公司.
const chineseSuffixes = ['股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '集团公司', '总公司', '分公司', '公司', '集团', '工作室', '合伙企业', '个体工商户', '厂'];
const latinSuffixes = [
  'co ltd', 'company limited', 'co limited', 'limited', 'ltd', 'inc', 'incorporated', 'corp', 'corporation',
  'llc', 'gmbh', 'ag', 'sa', 'srl', 'bv', 'plc', 'pte', 'pty', 'co', 'company', 'group', 'holdings',
];

function normalizeOrgName(value: string | null | undefined): string | null {
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

/** The duplicate-check keys of a customer or contact: `p:` phones, `e:` emails, `n:` name. */
function dedupeKeys(values: { name?: string | null; isOrganization?: boolean; phones?: Array<string | null | undefined>; emails?: Array<string | null | undefined> }): string[] {
  const keys = new Set<string>();
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

/** The keys of one customer and its live contacts, from stored rows. */
export function keysOf(
  customer: { kind: string; name: string; phone: string | null; mobile: string | null; email: string | null },
  contacts: Array<{ id: number; mobile: string | null; phone: string | null; email: string | null }>,
): Array<{ contactId: number | null; key: string }> {
  const entries = dedupeKeys({
    name: customer.name,
    isOrganization: customer.kind === 'organization',
    phones: [customer.phone, customer.mobile],
    emails: [customer.email],
  }).map((key) => ({ contactId: null as number | null, key }));
  for (const c of contacts) {
    for (const key of dedupeKeys({ phones: [c.mobile, c.phone], emails: [c.email] })) entries.push({ contactId: c.id, key });
  }
  return entries;
}

/** The fields expected per kind by default (data-quality settings never saved). */
const expected = {
  organization: [
    'industry', 'province', 'city', 'address', 'phone', 'email', 'website', 'source',
    'organization.creditCode', 'organization.legalRepresentative', 'organization.scale', 'organization.employees',
  ],
  person: ['mobile', 'email', 'province', 'city', 'source', 'person.gender', 'person.birthday', 'person.employer', 'person.jobTitle'],
};

/** A customer as stored: snake_case columns; tags, person, organization and custom as JSON text. */
type CompletenessInput = { kind: string; tags: string; person: string; organization: string; custom: string; [column: string]: unknown };

const columnOf: Record<string, string> = { lifecycleStage: 'lifecycle_stage' };

function parsed(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      const v: unknown = JSON.parse(value);
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function filled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The value at an expected-field path (`industry`, `organization.creditCode`). */
function valueAt(row: CompletenessInput, path: string): unknown {
  const dot = path.indexOf('.');
  if (dot < 0) return row[columnOf[path] ?? path];
  const section = path.slice(0, dot);
  const key = path.slice(dot + 1);
  if (section === 'person' || section === 'organization' || section === 'custom') return parsed(row[section])[key];
  return undefined;
}

/** 0-100: the share of the fields expected for the customer's kind that are filled in. */
export function completenessOf(row: CompletenessInput): number {
  const fields = row.kind === 'person' ? expected.person : expected.organization;
  const missing = fields.filter((path) => !filled(valueAt(row, path))).length;
  return Math.round((100 * (fields.length - missing)) / fields.length);
}
