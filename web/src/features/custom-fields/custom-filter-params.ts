/** The `cf_` parameters of a URL: custom-field filters, passed to the list API as they are. */
export function customFilterEntries(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (/^cf_[a-z][a-z0-9_]*$/.test(key) && value !== '') out[key] = value;
  return out;
}

/** Copies the `cf_` parameters of `from` into `to` (a list page rebuilding its URL keeps them). */
export function keepCustomFilters(from: URLSearchParams, to: URLSearchParams): URLSearchParams {
  for (const [key, value] of Object.entries(customFilterEntries(from))) to.set(key, value);
  return to;
}
