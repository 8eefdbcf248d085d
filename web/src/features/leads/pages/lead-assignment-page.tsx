/** Placeholder until the page is built. */
export function LeadAssignmentPage() {
  return null;
}
