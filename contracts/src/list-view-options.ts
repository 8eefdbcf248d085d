/** The choices of saved list views (视图), without their schemas (list-views.ts). */

export const listViewLists = ['customers', 'contacts', 'leads', 'opportunities'] as const;
export type ListViewList = (typeof listViewLists)[number];

/** personal: the owner only; department: users of the department and those below it; everyone. */
export const listViewVisibilities = ['personal', 'department', 'everyone'] as const;
export type ListViewVisibility = (typeof listViewVisibilities)[number];

/** Views every user has, built from their own id and the company's rules when listed. */
export const listViewBuiltIns = ['all', 'mine', 'due_today', 'pool_soon'] as const;
export type ListViewBuiltIn = (typeof listViewBuiltIns)[number];
/** Which built-in views each list offers, in the order shown. */
export const builtInViewsOf: Record<ListViewList, readonly ListViewBuiltIn[]> = {
  customers: ['all', 'mine', 'due_today', 'pool_soon'],
  contacts: ['all', 'mine'],
  leads: ['all', 'mine'],
  opportunities: ['all', 'mine'],
};
