/** Placeholder until the page is built. */
export function LeadFormsPage() {
  return null;
}
