import type { Translate, MessageKey } from '../../../app/i18n/translate';

const labels: Record<string, MessageKey> = {
  date: 'report.f.day',
  kind: 'report.f.kind',
  summary: 'report.f.summary',
  plan: 'report.f.plan',
  problems: 'report.f.problems',
  content: 'report.f.comment',
};

/** The form label of a field the server names in an error. */
export function reportFieldLabel(t: Translate, path: string): string {
  const key = labels[path];
  return key ? t(key) : path;
}
