/** A `data-testid` for props objects (okButtonProps and the like) where JSX attributes cannot go. */
export function testId(id: string): Record<string, string> {
  return { 'data-testid': id };
}
