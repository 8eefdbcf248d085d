import { MergeCellsOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { usePermissions } from '../../auth';

/** Opens the merge page for the selected customers (2 to 10); hidden without the merge right. */
export function MergeSelectedButton({ selectedIds }: { selectedIds: number[] }) {
  const t = useT();
  const navigate = useNavigate();
  const { can } = usePermissions();
  if (!can('customers.merge') || !can('customers.edit') || selectedIds.length < 2) return null;
  const tooMany = selectedIds.length > 10;
  return (
    <Tooltip title={tooMany ? t('merge.tooMany') : undefined}>
      <Button
        icon={<MergeCellsOutlined />}
        disabled={tooMany}
        onClick={() => void navigate(`/customers/merge?ids=${selectedIds.join(',')}`)}
        data-testid="customer-merge"
      >
        {t('merge.selected', { count: selectedIds.length })}
      </Button>
    </Tooltip>
  );
}

