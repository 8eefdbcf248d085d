/** Placeholder until the page is built. */
export function PublicFormPage() {
  return null;
}
