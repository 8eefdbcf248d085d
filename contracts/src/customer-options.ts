// The customer's choice lists, apart from the schemas: a page that only lists options (the
// customer list's filters) loads these, not zod and the phone metadata the schemas need.
export const customerKinds = ['organization', 'person'] as const;
export const customerCategories = ['retail', 'enterprise', 'distributor', 'internal'] as const;
export const customerStatuses = [
  'potential',
  'target',
  'first_purchase',
  'repeat',
  'loyal',
  'lost',
  'non_customer',
] as const;
export const lifecycleStages = ['exploration', 'formation', 'stability', 'decline'] as const;
export const genders = ['male', 'female', 'other'] as const;
export const maritalStatuses = ['single', 'married', 'divorced', 'widowed'] as const;
export const ownershipTypes = [
  'state_owned',
  'private',
  'foreign',
  'joint_venture',
  'collective',
  'other',
] as const;
export const companyScales = ['micro', 'small', 'medium', 'large'] as const;
export const creditStandings = ['good', 'fair', 'poor', 'unknown'] as const;
export const customerSorts = [
  'updatedAt',
  '-updatedAt',
  'createdAt',
  '-createdAt',
  'name',
  '-name',
  'archiveNo',
  '-archiveNo',
  // Never followed up sorts as the oldest; nothing planned as the furthest next follow-up.
  'lastFollowUpAt',
  '-lastFollowUpAt',
  'nextFollowUpOn',
  '-nextFollowUpOn',
] as const;
