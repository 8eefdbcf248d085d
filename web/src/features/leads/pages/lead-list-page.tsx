/** Placeholder until the page is built. */
export function LeadListPage() {
  return null;
}
