/** Escape LIKE wildcards in user text; queries use `escape '\'` with it. The same on both engines. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
