import { useCallback, useState } from 'react';
import { draftFromCoords, locateOptions, locateProblem, type CheckInDraft, type LocateProblem } from './check-in-model';

export type LocateState = { status: 'idle' } | { status: 'locating' } | { status: 'failed'; problem: LocateProblem };

/**
 * Asks the browser where the phone is, once per call of `locate` (a press of 签到): the browser
 * asks the user for leave the first time; nothing is read otherwise.
 */
export function useLocate(): { state: LocateState; locate: (onFound: (draft: CheckInDraft) => void) => void } {
  const [state, setState] = useState<LocateState>({ status: 'idle' });
  const locate = useCallback((onFound: (draft: CheckInDraft) => void) => {
    const geolocation = typeof navigator === 'undefined' ? undefined : (navigator.geolocation as Geolocation | undefined);
    if (!geolocation) {
      setState({ status: 'failed', problem: 'unsupported' });
      return;
    }
    setState({ status: 'locating' });
    geolocation.getCurrentPosition(
      (position) => {
        setState({ status: 'idle' });
        onFound(draftFromCoords(position.coords));
      },
      (error) => setState({ status: 'failed', problem: locateProblem(error.code) }),
      locateOptions,
    );
  }, []);
  return { state, locate };
}
