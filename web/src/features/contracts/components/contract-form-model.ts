import { fenToYuan, yuanToFen, type Contract, type ContractContactRole, type ContractCreate, type ContractKind, type ContractUpdate } from '@crm/contracts';
import { linesPayload, previewTotals, type LineValues } from '../../quotes';

/** The form's values: money in yuan; lines as the quote form holds them. */
export interface ContractFormValues {
  kind: ContractKind;
  customerId?: number;
  opportunityId: number | null;
  title: string;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  /** Yuan; used only without lines. */
  amount: number | null;
  lines: LineValues[];
  contacts: Array<{ contactId?: number; role: ContractContactRole }>;
  notes: string;
}

export function contractToValues(c: Contract): ContractFormValues {
  return {
    kind: c.kind,
    customerId: c.customerId,
    opportunityId: c.opportunityId,
    title: c.title,
    signedOn: c.signedOn,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    amount: c.lines.length === 0 ? fenToYuan(c.amount) : null,
    lines: c.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: fenToYuan(l.unitPrice), discountPercent: l.discountPercent, taxRate: l.taxRate })),
    contacts: c.contacts.map((k) => ({ contactId: k.contactId, role: k.role })),
    notes: c.notes ?? '',
  };
}

const contactsPayload = (values: ContractFormValues) =>
  values.contacts.filter((k): k is { contactId: number; role: ContractContactRole } => k.contactId !== undefined).map((k) => ({ contactId: k.contactId, role: k.role }));

/** Lines when there are any (the amount is their sum), else the amount typed in yuan. */
function amountOrLines(values: ContractFormValues): { lines: ReturnType<typeof linesPayload>; amount?: number } {
  const lines = linesPayload(values.lines);
  return lines.length > 0 ? { lines } : { lines, amount: yuanToFen(values.amount) ?? 0 };
}

export function createPayload(values: ContractFormValues): ContractCreate {
  return {
    kind: values.kind,
    customerId: values.customerId ?? 0,
    ...(values.opportunityId ? { opportunityId: values.opportunityId } : {}),
    title: values.title,
    signedOn: values.signedOn,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    ...amountOrLines(values),
    contacts: contactsPayload(values),
    notes: values.notes,
  };
}

export function updatePayload(values: ContractFormValues, version: number): ContractUpdate {
  return {
    kind: values.kind,
    opportunityId: values.opportunityId ?? null,
    title: values.title,
    signedOn: values.signedOn,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    ...amountOrLines(values),
    contacts: contactsPayload(values),
    notes: values.notes,
    version,
  };
}

/** What the amount will be, in fen: the lines' total with the server's rounding, or the amount typed. */
export function previewAmount(values: Pick<ContractFormValues, 'lines' | 'amount'>): number {
  const withProduct = values.lines.filter((l) => l.productId !== undefined);
  return withProduct.length > 0 ? previewTotals(withProduct).total : (yuanToFen(values.amount) ?? 0);
}
