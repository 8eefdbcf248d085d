/** Placeholder until the page is built. */
export function LeadDetailPage() {
  return null;
}
