/** Placeholder until the page is built. */
export function LeadSourcesPage() {
  return null;
}
