/** Placeholder until the page is built. */
export function ForecastPage() {
  return null;
}
