import { customerCategories, customerStatuses, lifecycleStages, phoneE164 } from '@crm/contracts';
import { archiveNumber, searchDocument } from '../server/src/modules/customers/customers.records.js';
import { pinyinForms } from '../server/src/platform/pinyin.js';
import { searchKeyOf } from '../server/src/platform/search.js';
import { keysOf } from '../server/src/modules/customers/customers.dedupe.js';
import type { CustomerRow } from '../server/src/modules/customers/customers.repository.js';
import type { ContactRow } from '../server/src/modules/contacts/contacts.repository.js';
import {
  chineseName, companyName, emailFor, industries, latinName, mobileNumber, pick, prng, regions, sources,
} from '../server/src/modules/demo/names.js';

/**
 * Deterministic benchmark data: customer number i is generated from its own random stream, so any
 * customer can be regenerated alone (to pick search terms that really occur) and seeding is
 * reproducible for a given seed.
 */
export type NewContact = Omit<ContactRow, 'id' | 'customer_id'>;

export interface GeneratedCustomer {
  row: CustomerRow;
  contacts: NewContact[];
  grams: string[];
  /** The customer's own duplicate keys (dedupe_keys rows without a contact), as the server writes them. */
  keys: string[];
}

export interface DatasetShape {
  seed: number;
  /** Owners to spread customers over (10% stay in the public pool). */
  ownerIds: readonly number[];
  adminId: number;
  /** "Now" of the data set, in ms: timestamps spread over the two years before it. */
  nowMs: number;
}

const dayMs = 24 * 3600 * 1000;
const twoYearsMs = 2 * 365 * dayMs;
const contactTitles = ['总经理', '采购经理', '财务总监', '技术负责人', 'Purchasing Manager', '销售总监'];
const tagChoices = ['重点', 'VIP', '老客户', '续约', '展会'];

function streamOf(seed: number, i: number): () => number {
  return prng((seed ^ Math.imul(i, 0x9e3779b1)) >>> 0);
}

function landline(rand: () => number): string {
  return `0${Math.floor(rand() * 90 + 10)}-${Math.floor(rand() * 9e7 + 1e7)}`;
}

export function generateCustomer(shape: DatasetShape, i: number): GeneratedCustomer {
  const rand = streamOf(shape.seed, i);
  const organization = rand() < 0.7;
  const latin = rand() < 0.15;
  const personName = latin ? latinName(rand) : chineseName(rand);
  const [province, city, district] = pick(rand, regions);
  const createdMs = shape.nowMs - Math.floor(rand() * twoYearsMs);
  // Most records were touched after creation; recent activity is more likely than old.
  const updatedMs = createdMs + Math.floor((1 - rand() ** 2) * (shape.nowMs - createdMs));
  const ownerId = rand() < 0.1 ? null : pick(rand, shape.ownerIds);
  const actorId = ownerId ?? shape.adminId;
  const createdAt = new Date(createdMs).toISOString();
  const updatedAt = new Date(updatedMs).toISOString();
  const deleted = rand() < 0.005;

  const contacts: NewContact[] = [];
  if (organization) {
    const n = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < n; k++) {
      const contactLatin = latin || rand() < 0.05;
      const name = contactLatin ? latinName(rand) : chineseName(rand);
      contacts.push({
        name, title: pick(rand, contactTitles), department: null, mobile: mobileNumber(rand), phone: null, mobile_e164: null, phone_e164: null,
        email: emailFor(rand, contactLatin ? name : undefined), wechat: null, birthday: null, is_primary: k === 0 ? 1 : 0, custom: '{}', search_key: searchKeyOf(name),
        notes: null, deleted_at: null, deleted_by: null, version: 1,
        created_at: createdAt, updated_at: createdAt, created_by: actorId, updated_by: actorId,
      });
    }
  }
  // As the contacts module keeps it: names and numbers of the live contacts, one per line.
  const contactTerms = contacts.flatMap((c) => [c.name, c.mobile, c.phone, c.email]).filter((v): v is string => !!v).join('\n');
  const row: CustomerRow = {
    id: i,
    archive_no: archiveNumber(i),
    kind: organization ? 'organization' : 'person',
    name: organization ? companyName(rand) : personName,
    category: organization ? pick(rand, ['enterprise', 'enterprise', 'distributor', 'internal']) : pick(rand, customerCategories),
    status: pick(rand, customerStatuses),
    lifecycle_stage: pick(rand, lifecycleStages),
    owner_id: ownerId,
    industry: organization ? pick(rand, industries) : null,
    province, city, district,
    address: `${district}${Math.floor(rand() * 300) + 1}号`,
    phone: organization ? landline(rand) : null,
    mobile: organization ? null : mobileNumber(rand),
    phone_e164: null,
    mobile_e164: null,
    email: emailFor(rand, latin ? personName : undefined),
    website: null,
    source: pick(rand, sources),
    tags: JSON.stringify(rand() < 0.3 ? [pick(rand, tagChoices)] : []),
    notes: null,
    person: JSON.stringify(organization ? {} : { gender: pick(rand, ['male', 'female']), birthday: `19${Math.floor(rand() * 40 + 60)}-0${Math.floor(rand() * 9) + 1}-1${Math.floor(rand() * 9)}` }),
    organization: JSON.stringify(organization ? { scale: pick(rand, ['micro', 'small', 'medium', 'large']), employees: Math.floor(rand() * 2000) + 5 } : {}),
    search_key: '',
    contact_count: contacts.length,
    contact_terms: contactTerms,
    custom: '{}',
    owner_since: ownerId === null ? null : createdAt,
    last_followup_at: null,
    next_followup_on: null,
    last_deal_at: null,
    first_deal_at: null,
    deal_count: 0,
    deal_total: 0,
    confirmed_at: null,
    completeness: 0,
    merged_into_id: null,
    deleted_at: deleted ? updatedAt : null,
    deleted_by: deleted ? actorId : null,
    version: 1,
    created_at: createdAt,
    updated_at: updatedAt,
    created_by: actorId,
    updated_by: actorId,
  };
  const doc = searchDocument(row);
  row.search_key = doc.key;
  row.phone_e164 = phoneE164(row.phone);
  row.mobile_e164 = phoneE164(row.mobile);
  for (const c of contacts) c.mobile_e164 = phoneE164(c.mobile);
  // Follow-ups, drawn last so that the rest of the customer stays as it was: 60% were followed up
  // since created, and a third of those planned a next follow-up within 30 days either side of now.
  if (rand() < 0.6) {
    row.last_followup_at = new Date(createdMs + Math.floor(rand() * (shape.nowMs - createdMs))).toISOString();
    if (rand() < 0.35) row.next_followup_on = new Date(shape.nowMs + Math.floor((rand() * 60 - 30) * dayMs)).toISOString().slice(0, 10);
  }
  return { row, contacts, grams: doc.grams, keys: keysOf(row, []).map((k) => k.key) };
}

export interface SearchTerms {
  /** A two-character Chinese name: a selective term (tens to hundreds of hits). */
  chinese2: string;
  /** A two-character trade word of company names (科技, 贸易…): a few percent of all customers match. */
  chinese2Frequent: string;
  chinese4: string;
  latin: string;
  digits: string;
  /** The two-character name's full pinyin (宋涛 -> songtao). */
  pinyin: string;
  /** Its initials (st): a two-letter term many names share. */
  initials: string;
  /** Pinyin mixed with a character (song涛). */
  mixed: string;
  /** Its surname alone (宋): one character, too short for the gram index. */
  surname: string;
  /** The first four digits of a mobile number (1380): a fragment most numbers share the start of. */
  digits4: string;
}

/** Search terms taken from live seeded customers (from the middle of the data set), so each one has hits. */
export function pickSearchTerms(shape: DatasetShape, customers: number): SearchTerms {
  const found: Partial<SearchTerms> = {};
  for (let i = Math.max(1, Math.floor(customers / 2)); i <= customers; i++) {
    const { row } = generateCustomer(shape, i);
    if (row.deleted_at !== null) continue;
    const chars = Array.from(row.name);
    const chinese = /^\p{Script=Han}+$/u.test(row.name);
    if (row.kind === 'person' && chinese && chars.length === 2 && !found.chinese2) {
      const [full] = pinyinForms(row.name);
      const first = pinyinForms(chars[0] as string)[0];
      found.chinese2 = row.name;
      found.pinyin = full;
      found.initials = pinyinForms(row.name).at(-1);
      found.mixed = `${first}${chars[1]}`;
      found.surname = chars[0];
    }
    if (row.kind === 'organization' && chinese && chars.length >= 8) {
      // City (2) + brand (2) + trade (2+) + suffix: brand and trade make the 4-character term.
      found.chinese4 ??= chars.slice(2, 6).join('');
      found.chinese2Frequent ??= chars.slice(4, 6).join('');
    }
    const surname = row.name.split(' ')[1];
    if (row.kind === 'person' && surname && /^[A-Za-z]{4,}$/.test(surname)) found.latin ??= surname.toLowerCase();
    if (row.mobile) found.digits ??= row.mobile.slice(3, 10);
    if (row.mobile) found.digits4 ??= row.mobile.slice(0, 4);
    if (found.chinese2 && found.chinese2Frequent && found.chinese4 && found.latin && found.digits && found.digits4) return found as SearchTerms;
  }
  throw new Error('Too few customers to pick search terms from; seed at least 1000.');
}
