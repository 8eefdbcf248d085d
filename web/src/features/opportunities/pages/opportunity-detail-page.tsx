/** Placeholder until the page is built. */
export function OpportunityDetailPage() {
  return null;
}
