/** A customer's credit standing and limit (fen) from its organisation profile; null when not recorded. */
export function creditOf(organization: string | null | undefined): { standing: string | null; limit: number | null } {
  try {
    const profile = JSON.parse(organization ?? '{}') as { creditStanding?: unknown; creditLimit?: unknown };
    return {
      standing: typeof profile.creditStanding === 'string' ? profile.creditStanding : null,
      limit: typeof profile.creditLimit === 'number' ? profile.creditLimit : null,
    };
  } catch {
    return { standing: null, limit: null };
  }
}
