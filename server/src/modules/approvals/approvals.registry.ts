import type { HistoryEntityType, Permission } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';

type Db = AppContext['db'];

/** What a flow's conditions look at, and what a request keeps of its record (read in the caller's transaction). */
export interface ApprovalFacts {
  /** The record's number (BJ-2026-000123) and title, shown in the queue. */
  number: string;
  title: string;
  customerId: number | null;
  customerName: string | null;
  /** Fen, tax included. */
  amount: number;
  currency: string;
  /** The largest line discount, in basis points (10 % = 1000); 0 without lines. */
  maxDiscountBp: number;
  /** The customer's credit standing (good, fair, poor, unknown) and credit limit in fen; null when not recorded. */
  creditStanding: string | null;
  creditLimit: number | null;
  /** Fen the customer still owes (receivables); counted with `amount` against the credit limit. */
  openReceivables?: number;
  ownerId: number;
  /** The owner's department: the "owner's manager" step starts there. */
  ownerDepartmentId: number | null;
}

/** What happened, for the record's module to act on (in the decision's transaction). */
export interface ApprovalOutcome {
  recordId: number;
  requestId: number;
  actorId: number;
  at: string;
  comment: string | null;
}

/** A kind of record that can need approval: its module registers it once (app.ts). */
export interface ApprovalRecordType {
  /** The history entity type decisions are recorded under (with the record's customer, on its timeline). */
  historyEntityType: HistoryEntityType;
  /** Who may see such records at all: the "all" queue shows requests of this type only to holders. */
  viewPermission: Permission;
  /** The record's facts now; null when it is gone (deleted). */
  loadFacts(db: Db, recordId: number): Promise<ApprovalFacts | null>;
  /** Whether the actor may see the record (its module's permission and data scope). */
  isVisible(db: Db, actor: Actor, recordId: number): Promise<boolean>;
  /** The last step approved: the record may now be sent or signed. */
  onApproved(db: Db, outcome: ApprovalOutcome, ctx: AppContext): Promise<void>;
  /** A step rejected: the record goes back to its owner (with the comment). */
  onRejected(db: Db, outcome: ApprovalOutcome, ctx: AppContext): Promise<void>;
}

const registry = new Map<string, ApprovalRecordType>();

/**
 * Make a kind of record approvable: flows can name it, its module submits its records with
 * startApproval, and final decisions call back onApproved / onRejected. Registering again
 * replaces the earlier entry (each test app registers anew).
 */
export function registerApprovalRecordType(type: string, definition: ApprovalRecordType): void {
  registry.set(type, definition);
}

export function approvalRecordTypeOf(type: string): ApprovalRecordType | undefined {
  return registry.get(type);
}

/** The registered record types, sorted. */
export function approvalRecordTypes(): string[] {
  return [...registry.keys()].sort();
}

/** What a customer still owes (fen): the receivables module answers it; app.ts connects it. */
export type CreditExposure = (db: Db, customerId: number) => Promise<number>;
let exposure: CreditExposure | null = null;

/**
 * Connect the source of customers' open receivables, which the "over credit limit" condition adds
 * to the record's amount. (The receivables module depends on contracts, which depend on this one:
 * it is connected, not imported.)
 */
export function setCreditExposure(source: CreditExposure): void {
  exposure = source;
}

/** A record's facts with its customer's open receivables, or null when the record is gone. */
export async function factsOf(definition: ApprovalRecordType, db: Db, recordId: number): Promise<ApprovalFacts | null> {
  const facts = await definition.loadFacts(db, recordId);
  if (!facts || facts.openReceivables !== undefined || !exposure || facts.customerId === null) return facts;
  return { ...facts, openReceivables: await exposure(db, facts.customerId) };
}
