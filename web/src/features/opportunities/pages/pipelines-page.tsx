/** Placeholder until the page is built. */
export function PipelinesPage() {
  return null;
}
