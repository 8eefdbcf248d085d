import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ImportEntity } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { usePermissions } from '../../auth';

/** Opens the import wizard for customers, contacts or leads; hidden without the import right. */
export function ImportButton({ entity }: { entity: ImportEntity }) {
  const t = useT();
  const { can } = usePermissions();
  if (!can(`${entity}.import`)) return null;
  return (
    <Link to={entity === 'customers' ? '/imports' : `/imports?entity=${entity}`}>
      <Button icon={<UploadOutlined />} data-testid={`${entity === 'customers' ? 'customer' : entity === 'contacts' ? 'contact' : 'lead'}-import`}>
        {t('import.button')}
      </Button>
    </Link>
  );
}
