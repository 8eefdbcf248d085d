import type { DuplicateCheck, DuplicateMatch } from '@crm/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDuplicateCheck } from '../api';

function blank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

/** The values worth checking; null when there is nothing to match on. */
function checkable(values: DuplicateCheck): DuplicateCheck | null {
  const out: DuplicateCheck = {};
  if (values.kind) out.kind = values.kind;
  if (values.excludeId) out.excludeId = values.excludeId;
  let any = false;
  for (const key of ['name', 'phone', 'mobile', 'email', 'creditCode', 'idCardNumber'] as const) {
    const value = values[key];
    if (!blank(value)) {
      out[key] = value?.trim();
      any = true;
    }
  }
  return any ? out : null;
}

function signature(values: DuplicateCheck | null): string {
  return JSON.stringify(values ?? {});
}

/**
 * Duplicate checking for a customer form: `schedule` after a key field loses focus (debounced),
 * `confirmBeforeSave` before a create (resolves false when matches the user has not yet accepted
 * are found, and shows them), `acceptMatches` for "create anyway".
 */
export function useDuplicateGuard() {
  const check = useDuplicateCheck();
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);
  const [checkedFor, setCheckedFor] = useState<string | null>(null);
  const accepted = useRef<string | null>(null);
  const cache = useRef(new Map<string, DuplicateMatch[]>());
  const timer = useRef<number | undefined>(undefined);
  const { mutateAsync } = check;

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const run = useCallback(
    async (values: DuplicateCheck): Promise<DuplicateMatch[]> => {
      const body = checkable(values);
      const sig = signature(body);
      if (!body) {
        setMatches([]);
        setCheckedFor(sig);
        return [];
      }
      let found = cache.current.get(sig);
      if (!found) {
        found = (await mutateAsync(body)).matches;
        cache.current.set(sig, found);
      }
      setMatches(found);
      setCheckedFor(sig);
      return found;
    },
    [mutateAsync],
  );

  const schedule = useCallback(
    (values: DuplicateCheck) => {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        run(values).catch(() => undefined); // a failed check never blocks typing
      }, 400);
    },
    [run],
  );

  const confirmBeforeSave = useCallback(
    async (values: DuplicateCheck): Promise<boolean> => {
      window.clearTimeout(timer.current);
      const sig = signature(checkable(values));
      if (accepted.current === sig) return true;
      try {
        const found = await run(values);
        return found.length === 0;
      } catch {
        return true; // the server checks nothing on save; an unavailable check must not block saving
      }
    },
    [run],
  );

  const acceptMatches = useCallback(() => {
    accepted.current = checkedFor;
  }, [checkedFor]);

  return { matches, checking: check.isPending, schedule, confirmBeforeSave, acceptMatches };
}
