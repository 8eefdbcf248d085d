import type { FormInstance } from 'antd';
import type { WorkReportDraft } from '@crm/contracts';
import { useEffect, useRef } from 'react';

/**
 * Puts a draft's pre-filled texts into the form once per period: when the day (or week) changes,
 * the texts follow it; a refetch of the same period leaves what the author typed alone.
 */
export function useDraftFill<Values>(form: FormInstance<Values>, draft: WorkReportDraft | undefined): void {
  const filled = useRef<string | null>(null);
  useEffect(() => {
    if (!draft) return;
    const key = `${draft.kind}:${draft.period}`;
    if (filled.current === key) return;
    filled.current = key;
    form.setFieldsValue({ summary: draft.summary, plan: draft.plan, problems: draft.problems } as Parameters<FormInstance<Values>['setFieldsValue']>[0]);
  }, [draft, form]);
}
