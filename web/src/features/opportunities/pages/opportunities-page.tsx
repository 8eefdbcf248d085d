/** Placeholder until the page is built. */
export function OpportunitiesPage() {
  return null;
}
