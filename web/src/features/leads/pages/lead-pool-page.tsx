/** Placeholder until the page is built. */
export function LeadPoolPage() {
  return null;
}
