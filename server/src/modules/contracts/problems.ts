import { AppError, type ErrorDetail } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n.js';

/** Field problems of one request, answered together (VALIDATION_FAILED). */
export class Problems {
  readonly details: ErrorDetail[] = [];
  add(path: string, message: MessageKey): void {
    this.details.push({ path, message });
  }
  throwIfAny(): void {
    if (this.details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', this.details);
  }
}
