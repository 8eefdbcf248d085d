/** Messages of the opportunities pages. */
export const opportunities = {
} as const;
