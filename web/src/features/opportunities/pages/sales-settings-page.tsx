/** Placeholder until the page is built. */
export function SalesSettingsPage() {
  return null;
}
