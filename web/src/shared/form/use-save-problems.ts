import type { FormInstance } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useT } from '../../app/i18n/i18n-context';
import { isApiError, type ApiErrorDetail } from '../api/client';
import { errorMessage } from '../api/error-message';
import { applyServerErrors, toNamePath, type FieldPath } from './server-errors';

/**
 * What went wrong with a record form's last save: a version conflict (with the current record the
 * server sent), or a failure whose field errors sit beside the fields and are listed at the top.
 * `show` takes the save's error and scrolls to `topRef`; `clear` before saving again or after
 * loading the current version.
 */
export function useSaveProblems<Saved, Values>(form: FormInstance<Values>, mapPath: (path: string) => FieldPath = toNamePath) {
  const t = useT();
  const topRef = useRef<HTMLDivElement>(null);
  const [conflict, setConflict] = useState<Saved | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [details, setDetails] = useState<ApiErrorDetail[]>([]);

  const show = (error: unknown) => {
    if (isApiError(error) && error.code === 'CONFLICT' && error.current) {
      setConflict(error.current as Saved);
    } else {
      setDetails(applyServerErrors(form, error, mapPath));
      setFailure(errorMessage(error, t));
    }
    topRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
  const clear = useCallback(() => {
    setConflict(null);
    setFailure(null);
    setDetails([]);
  }, []);

  return { topRef, conflict, failure, details, show, clear };
}
