import { z } from 'zod';
import { id, int4Max, isoDate, listOf, pageQuery, queryInt, recordMeta, settingsVersion, versionField } from './common.js';
import { contactRoles } from './opportunities.js';
import { fenAmount } from './products.js';
import { quoteLine, quoteLineWrite } from './quotes.js';
import { multiline } from './text.js';

/**
 * Contracts and orders (合同/订单): one record with a kind. Line amounts are the quote line
 * arithmetic (quoteLineAmounts, in quotes.ts): each line rounded half up to the fen once, the
 * amount the sum of the rounded lines; without lines the amount is entered directly.
 */

export const contractKinds = ['contract', 'order'] as const;
export type ContractKind = (typeof contractKinds)[number];

export const contractStatuses = ['draft', 'awaiting_approval', 'active', 'completed', 'cancelled'] as const;
export type ContractStatus = (typeof contractStatuses)[number];

/**
 * The moves a contract's status may make. Active means signed: the customer's transaction. The
 * approvals module moves a contract into and out of awaiting_approval; until a flow applies, the
 * owner may sign a draft directly. Completed and cancelled are final.
 */
export const contractTransitions: Record<ContractStatus, readonly ContractStatus[]> = {
  draft: ['awaiting_approval', 'active', 'cancelled'],
  // Active only with the last approval (the approvals module moves it); draft withdraws the request.
  awaiting_approval: ['draft', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};
/** Statuses in which the contract's content may still change. */
/** Only a draft: a contract awaiting approval is frozen while its approvers look at it (withdraw it to change it). */
export const editableContractStatuses: readonly ContractStatus[] = ['draft'];
/** Statuses that count as the customer's transactions (deal count, total, first and last deal). */
export const dealContractStatuses: readonly ContractStatus[] = ['active', 'completed'];

/** Roles of a contact on a contract: a deal's roles, and who signs. */
export const contractContactRoles = ['signatory', ...contactRoles] as const;
export type ContractContactRole = (typeof contractContactRoles)[number];

const refId = z.number().int().positive().max(int4Max);

export const contractContactWrite = z.object({ contactId: refId, role: z.enum(contractContactRoles) }).strict();
export const contractContact = z.object({ contactId: z.number().int(), name: z.string(), role: z.enum(contractContactRoles) });
export type ContractContact = z.infer<typeof contractContact>;

/** A line: the same fields and rules as a quote line (a unit price left out is the customer's price today). */
export const contractLineWrite = quoteLineWrite;
export const contractLine = quoteLine;
export type ContractLine = z.infer<typeof contractLine>;

const contractFields = {
  kind: z.enum(contractKinds),
  title: z.string().trim().min(1).max(120),
  opportunityId: refId.nullable(),
  signedOn: isoDate.nullable(),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  /** Fen, used only when there are no lines (with lines the amount is their sum). */
  amount: fenAmount,
  lines: z.array(contractLineWrite).max(200),
  contacts: z.array(contractContactWrite).max(50),
  notes: multiline(4000),
};

/** POST /contracts: for a customer you may edit, optionally one of its deals; you are the owner. */
export const contractCreate = z
  .object({ customerId: refId, ...contractFields, kind: contractFields.kind.default('contract') })
  .partial({ opportunityId: true, signedOn: true, startsOn: true, endsOn: true, amount: true, lines: true, contacts: true, notes: true })
  .strict();
export type ContractCreate = z.input<typeof contractCreate>;

/** PATCH /contracts/:id: a draft or one awaiting approval (which goes back to draft). */
export const contractUpdate = z.object(contractFields).partial().extend(versionField).strict();
export type ContractUpdate = z.input<typeof contractUpdate>;

/** POST /contracts/:id/status */
export const contractStatusChange = z.object({ status: z.enum(contractStatuses), ...versionField }).strict();
export type ContractStatusChange = z.input<typeof contractStatusChange>;

/**
 * POST /quotes/:id/contract and POST /opportunities/:id/contract: a draft made from an accepted
 * quote or a won deal. Everything else (customer, deal, lines, amount, contacts) comes from it.
 */
export const contractFrom = z
  .object({
    kind: contractFields.kind.default('contract'),
    title: contractFields.title.optional(),
    signedOn: isoDate.nullable().optional(),
    startsOn: isoDate.nullable().optional(),
    endsOn: isoDate.nullable().optional(),
  })
  .strict();
export type ContractFrom = z.input<typeof contractFrom>;

export const contract = z.object({
  ...recordMeta,
  number: z.string(),
  kind: z.enum(contractKinds),
  customerId: z.number().int(),
  customerName: z.string(),
  opportunityId: z.number().int().nullable(),
  opportunityName: z.string().nullable(),
  quoteId: z.number().int().nullable(),
  quoteNumber: z.string().nullable(),
  title: z.string(),
  status: z.enum(contractStatuses),
  signedOn: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  currency: z.string(),
  /** Fen: the sum of the rounded lines, or the amount entered when there are none. */
  amount: z.number().int(),
  /** Sums of the lines' net and tax; null for an amount entered directly. */
  subtotal: z.number().int().nullable(),
  taxTotal: z.number().int().nullable(),
  lines: z.array(contractLine),
  contacts: z.array(contractContact),
  ownerId: z.number().int(),
  ownerName: z.string().nullable(),
  /** The owner's department when the contract was made (or its owner last changed). */
  departmentId: z.number().int().nullable(),
  notes: z.string().nullable(),
  /** When it became active (signed). */
  activatedAt: z.string().nullable(),
  /** The statuses this contract may move to now, for this caller. */
  nextStatuses: z.array(z.enum(contractStatuses)),
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type Contract = z.infer<typeof contract>;
export const contractList = listOf(contract);

export const contractSorts = [
  'updatedAt', '-updatedAt', 'createdAt', '-createdAt', 'amount', '-amount', 'endsOn', '-endsOn', 'signedOn', '-signedOn', 'number', '-number',
] as const;
/** Statuses in a query: comma-separated and/or repeated, each one of contractStatuses. */
const contractStatusList = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(10)])
  .transform((v) =>
    (Array.isArray(v) ? v : [v])
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(contractStatuses)).min(1));

export const contractListQuery = z
  .object({
    q: pageQuery.q,
    kind: z.enum(contractKinds).optional(),
    /** One status or several: `status=active,completed` or the parameter repeated. */
    status: contractStatusList.optional(),
    customerId: id.optional(),
    opportunityId: id.optional(),
    quoteId: id.optional(),
    ownerId: id.optional(),
    /** Signed on or after / on or before these days (both included). */
    signedFrom: isoDate.optional(),
    signedTo: isoDate.optional(),
    /** Active contracts ending within this many days from today (today included). */
    endingWithin: queryInt(0, 3650).optional(),
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
    sort: z.enum(contractSorts).default('-updatedAt'),
  })
  .strict();
export type ContractListQuery = z.input<typeof contractListQuery>;

/** GET /contracts/renewals: active contracts ending within `days` (default: the renewal setting), soonest first. */
export const contractRenewalsQuery = z
  .object({ days: queryInt(0, 3650).optional(), page: pageQuery.page, pageSize: pageQuery.pageSize })
  .strict();
export const contractRenewals = listOf(contract).extend({ days: z.number().int() });
export type ContractRenewals = z.infer<typeof contractRenewals>;

/*
 * Numbering. A pattern is literal text with date parts ({YYYY} {YY} {MM} {DD}) and exactly one
 * sequence {SEQn} (n digits, zero-padded; 1-10). The sequence restarts whenever the date parts the
 * pattern shows change: per year with {YYYY}, per month with {YYYY}{MM}, never without a date part.
 */
export const defaultContractNumberPattern = 'HT-{YYYY}-{SEQ6}';
export const contractNumberDateParts = ['YYYY', 'YY', 'MM', 'DD'] as const;
type DatePart = (typeof contractNumberDateParts)[number];
/** Characters a pattern's literal text may use. */
const literalChars = /^[A-Za-z0-9\-_/.#\u4e00-\u9fff]*$/;
/** The longest a number may get (its column), with the sequence grown to 12 digits. */
const maxNumberLength = 40;

export type PatternPart = { literal: string } | { date: DatePart } | { seq: number };

/** A pattern's parts, or the message key of what is wrong with it. */
export function parseContractNumberPattern(pattern: string): { parts: PatternPart[] } | { error: string } {
  const parts: PatternPart[] = [];
  const re = /\{([^{}]*)\}/g;
  let last = 0;
  let seqs = 0;
  for (const match of pattern.matchAll(re)) {
    const literal = pattern.slice(last, match.index);
    if (literal) parts.push({ literal });
    const token = match[1] ?? '';
    const seq = /^SEQ(\d{1,2})$/.exec(token);
    if ((contractNumberDateParts as readonly string[]).includes(token)) parts.push({ date: token as DatePart });
    else if (seq) {
      const width = Number(seq[1]);
      if (width < 1 || width > 10) return { error: 'contractPatternSeqWidth' };
      seqs += 1;
      parts.push({ seq: width });
    } else return { error: 'contractPatternUnknownPart' };
    last = (match.index ?? 0) + match[0].length;
  }
  const rest = pattern.slice(last);
  if (rest) parts.push({ literal: rest });
  if (parts.some((p) => 'literal' in p && (p.literal.includes('{') || p.literal.includes('}')))) return { error: 'contractPatternUnknownPart' };
  if (parts.some((p) => 'literal' in p && !literalChars.test(p.literal))) return { error: 'contractPatternChars' };
  if (seqs !== 1) return { error: 'contractPatternOneSeq' };
  const longest = parts.reduce((n, p) => n + ('literal' in p ? p.literal.length : 'date' in p ? p.date.length : 12), 0);
  if (longest > maxNumberLength) return { error: 'contractPatternTooLong' };
  return { parts };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function datePart(part: DatePart, date: { year: number; month: number; day: number }): string {
  if (part === 'YYYY') return pad(date.year, 4);
  if (part === 'YY') return pad(date.year % 100, 2);
  if (part === 'MM') return pad(date.month, 2);
  return pad(date.day, 2);
}

/** The number for a sequence value on a date (the pattern already checked). */
export function formatContractNumber(parts: PatternPart[], date: { year: number; month: number; day: number }, sequence: number): string {
  return parts.map((p) => ('literal' in p ? p.literal : 'date' in p ? datePart(p.date, date) : pad(sequence, p.seq))).join('');
}

/**
 * The sequence a number on this date takes its value from: the pattern's date parts with their
 * values ("YYYY=2026"), so it restarts exactly when one of them changes.
 */
export function contractSequenceKey(parts: PatternPart[], date: { year: number; month: number; day: number }): string {
  const dates = parts.flatMap((p) => ('date' in p ? [`${p.date}=${datePart(p.date, date)}`] : []));
  return dates.length === 0 ? 'all' : dates.join(',');
}

export const contractNumberingValue = z.object({ pattern: z.string().default(defaultContractNumberPattern) });
export const contractNumbering = z.object({
  pattern: z.string(),
  /** What the next number would look like today (the sequence not taken). */
  example: z.string(),
  version: z.number().int(),
});
export type ContractNumbering = z.infer<typeof contractNumbering>;
export const contractNumberingUpdate = z
  .object({
    pattern: z
      .string()
      .trim()
      .min(1)
      .max(maxNumberLength)
      .superRefine((v, issue) => {
        const parsed = parseContractNumberPattern(v);
        if ('error' in parsed) issue.addIssue({ code: 'custom', message: parsed.error });
      }),
    version: settingsVersion,
  })
  .strict();
export type ContractNumberingUpdate = z.input<typeof contractNumberingUpdate>;

/** Renewals: how many days ahead a contract's end is listed and its owner notified. */
export const defaultRenewalDays = 30;
export const contractRenewalSettingsValue = z.object({ days: z.number().int().min(1).max(365).default(defaultRenewalDays) });
export const contractRenewalSettings = z.object({ days: z.number().int(), version: z.number().int() });
export type ContractRenewalSettings = z.infer<typeof contractRenewalSettings>;
export const contractRenewalSettingsUpdate = z.object({ days: z.number().int().min(1).max(365), version: settingsVersion }).strict();
export type ContractRenewalSettingsUpdate = z.input<typeof contractRenewalSettingsUpdate>;
