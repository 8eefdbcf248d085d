import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { importPermissions, type ImportEntity } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { usePermissions } from '../../auth';

const testIds: Record<ImportEntity, string> = { customers: 'customer', contacts: 'contact', leads: 'lead', purchases: 'purchase' };

/** Opens the import wizard for customers, contacts, leads or purchases; hidden without the import right. */
export function ImportButton({ entity }: { entity: ImportEntity }) {
  const t = useT();
  const { can } = usePermissions();
  if (!can(importPermissions[entity])) return null;
  return (
    <Link to={entity === 'customers' ? '/imports' : `/imports?entity=${entity}`}>
      <Button icon={<UploadOutlined />} data-testid={`${testIds[entity]}-import`}>
        {t('import.button')}
      </Button>
    </Link>
  );
}
