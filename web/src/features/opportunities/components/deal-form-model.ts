import type { ContactRole, ForecastCategory, Opportunity, OpportunityCreate, OpportunityUpdate } from '@crm/contracts';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { changedFields, dateToIso, isoToDate, textOrNull } from '../../../shared/form/normalize';
import { fenToYuan, yuanToFen } from '../../../shared/format/format';

export interface DealContactValue {
  contactId?: number;
  role?: ContactRole;
}

/** The deal form's fields: money in yuan, the date as a Dayjs. */
export interface DealFormValues {
  name: string;
  customerId?: number;
  pipelineId?: number;
  stageId?: number;
  amount: number | null;
  currency: string;
  probability: number | null;
  expectedCloseDate: Dayjs | null;
  forecastCategory: ForecastCategory;
  ownerId?: number;
  source?: string | null;
  contacts: DealContactValue[];
  competitors: string[];
  nextStep?: string;
  description?: string;
}

/** What the form sends, in API form (fen, ISO date); the fields both create and update know. */
export interface DealPayload {
  name: string;
  customerId: number | undefined;
  pipelineId: number | undefined;
  stageId: number | undefined;
  amount: number;
  currency: string;
  probability: number | undefined;
  expectedCloseDate: string;
  forecastCategory: ForecastCategory;
  ownerId: number | undefined;
  source: string | null;
  contacts: { contactId: number; role: ContactRole }[];
  competitors: string[];
  nextStep: string | null;
  description: string | null;
}

export function newDealValues(options: {
  customerId?: number;
  pipelineId?: number;
  stageId?: number;
  probability?: number;
  ownerId?: number;
  currency: string;
}): DealFormValues {
  return {
    name: '',
    customerId: options.customerId,
    pipelineId: options.pipelineId,
    stageId: options.stageId,
    amount: null,
    currency: options.currency,
    probability: options.probability ?? null,
    // A month ahead is the usual first guess; the user changes it.
    expectedCloseDate: dayjs().add(1, 'month').endOf('month').startOf('day'),
    forecastCategory: 'pipeline',
    ownerId: options.ownerId,
    source: null,
    contacts: [],
    competitors: [],
    nextStep: '',
    description: '',
  };
}

export function dealToValues(deal: Opportunity): DealFormValues {
  return {
    name: deal.name,
    customerId: deal.customerId,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    amount: fenToYuan(deal.amount),
    currency: deal.currency,
    probability: deal.probability,
    expectedCloseDate: isoToDate(deal.expectedCloseDate),
    forecastCategory: deal.forecastCategory,
    ownerId: deal.ownerId,
    source: deal.source,
    contacts: deal.contacts.map((c) => ({ contactId: c.contactId, role: c.role })),
    competitors: deal.competitors,
    nextStep: deal.nextStep ?? '',
    description: deal.description ?? '',
  };
}

export function valuesToPayload(values: DealFormValues): DealPayload {
  return {
    name: values.name.trim(),
    customerId: values.customerId,
    pipelineId: values.pipelineId,
    stageId: values.stageId,
    amount: yuanToFen(values.amount) ?? 0,
    currency: values.currency,
    probability: values.probability ?? undefined,
    expectedCloseDate: dateToIso(values.expectedCloseDate) ?? '',
    forecastCategory: values.forecastCategory,
    ownerId: values.ownerId,
    source: values.source ?? null,
    contacts: values.contacts.flatMap((c) => (c.contactId !== undefined && c.role ? [{ contactId: c.contactId, role: c.role }] : [])),
    competitors: values.competitors.map((c) => c.trim()).filter((c) => c !== ''),
    nextStep: textOrNull(values.nextStep),
    description: textOrNull(values.description),
  };
}

export function createRequest(payload: DealPayload): OpportunityCreate {
  const { customerId, pipelineId, stageId, ownerId, probability, source, nextStep, description, ...rest } = payload;
  return {
    ...rest,
    customerId: customerId ?? 0,
    ...(pipelineId !== undefined ? { pipelineId } : {}),
    ...(stageId !== undefined ? { stageId } : {}),
    ...(ownerId !== undefined ? { ownerId } : {}),
    ...(probability !== undefined ? { probability } : {}),
    ...(source ? { source } : {}),
    ...(nextStep ? { nextStep } : {}),
    ...(description ? { description } : {}),
  };
}

/** Only what changed, with the version the user started from. */
export function updateRequest(base: DealPayload, next: DealPayload, version: number): OpportunityUpdate {
  const { customerId: _customer, ...changed } = changedFields(base, next);
  const request: OpportunityUpdate = { version };
  for (const [key, value] of Object.entries(changed)) {
    // Undefined means "left empty" for optional numbers: nothing to send.
    if (value !== undefined) Object.assign(request, { [key]: value });
  }
  return request;
}

export function hasChanges(request: OpportunityUpdate): boolean {
  return Object.keys(request).some((key) => key !== 'version');
}
