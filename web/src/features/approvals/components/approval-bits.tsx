import { Tag } from 'antd';
import type { ApprovalRequestStatus, ApprovalStep } from '@crm/contracts';
import type { Translate } from '../../../app/i18n/translate';
import { isMessageKey } from '../../../app/i18n/translate';
import { useT } from '../../../app/i18n/i18n-context';

const statusColors: Record<ApprovalRequestStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red', cancelled: 'default' };

export function ApprovalStatusTag({ status }: { status: ApprovalRequestStatus }) {
  const t = useT();
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }} data-testid="approval-status" data-status={status}>
      {t(`approval.status.${status}`)}
    </Tag>
  );
}

/** Who decides a step: the named user, the owner's manager (by name), or any holder of a role. */
export function approverLabel(step: Pick<ApprovalStep, 'kind' | 'approverName'>, t: Translate): string {
  const name = step.approverName ?? '—';
  if (step.kind === 'manager') return t('approval.approverManager', { name });
  if (step.kind === 'role') return t('approval.approverRole', { name });
  return t('approval.approverUser', { name });
}

/** A record type's name ("Quote"); a type the web does not know yet shows its key. */
export function recordTypeLabel(type: string, t: Translate): string {
  const key = `approval.type.${type}`;
  return isMessageKey(key) ? t(key) : type;
}
