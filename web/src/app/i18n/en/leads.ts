/** Messages of the leads pages. */
export const leads = {
} as const;
