import { Tag } from 'antd';
import type { ContractKind, ContractStatus } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';

const colors: Record<ContractStatus, string> = {
  draft: 'default',
  awaiting_approval: 'orange',
  active: 'green',
  completed: 'blue',
  cancelled: 'red',
};

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const t = useT();
  return (
    <Tag color={colors[status]} style={{ marginInlineEnd: 0 }} data-testid="contract-status">
      {t(`contract.status.${status}`)}
    </Tag>
  );
}

export function ContractKindTag({ kind }: { kind: ContractKind }) {
  const t = useT();
  return <Tag style={{ marginInlineEnd: 0 }}>{t(`contract.kind.${kind}`)}</Tag>;
}
