import type { ErrorCode } from '@crm/contracts';
import type { MessageKey } from './i18n.js';

export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * The one error type of the application. `message` is a catalogue key (translated at the
 * HTTP boundary) or, for details already translated, plain text.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly details?: ErrorDetail[],
    readonly current?: unknown,
    readonly params?: Record<string, string | number>,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

export const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export const notFound = () => new AppError('NOT_FOUND', 'notFound');
export const forbidden = () => new AppError('FORBIDDEN', 'forbidden');
export const conflict = (current: unknown) => new AppError('CONFLICT', 'staleVersion', undefined, current);
export const invalid = (path: string, messageKey: MessageKey) =>
  new AppError('VALIDATION_FAILED', 'validationFailed', [{ path, message: messageKey }]);
