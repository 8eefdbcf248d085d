import { Alert } from 'antd';
import type { ApiErrorDetail } from '../api/client';

/** The server's refusal above a form: its message and, per field, what to fix. */
export function FormErrorsAlert({
  message,
  details,
  labelFor,
}: {
  message: string | null;
  details: ApiErrorDetail[];
  labelFor: (path: string) => string;
}) {
  if (!message && details.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="form-error"
      style={{ marginBottom: 16 }}
      title={message}
      description={
        details.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {details.map((detail) => (
              <li key={`${detail.path}:${detail.message}`}>
                {labelFor(detail.path)}: {detail.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
