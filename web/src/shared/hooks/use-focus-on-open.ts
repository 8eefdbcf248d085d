import type { FormInstance } from 'antd';
import { useEffect } from 'react';

/**
 * Focuses a form field once its drawer or modal has mounted. Runs on the next frame, after the
 * drawer has focused its own panel (parent effects run after the form's).
 */
export function useFocusOnOpen<Values>(form: FormInstance<Values>, field: string): void {
  useEffect(() => {
    const frame = requestAnimationFrame(() => form.focusField(field));
    return () => cancelAnimationFrame(frame);
  }, [form, field]);
}
