import { Card, Checkbox, Flex, Table, type TableProps } from 'antd';
import { permissionCatalog, type Permission, type PermissionModule } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';

const modules = Object.keys(permissionCatalog) as PermissionModule[];
const actionsOf = (module: PermissionModule): readonly string[] => permissionCatalog[module];
/** Every action in catalogue order: the matrix's columns. */
const allActions = [...new Set(modules.flatMap((m) => actionsOf(m)))];

interface PermissionMatrixProps {
  id?: string;
  value?: Permission[];
  onChange?: (value: Permission[]) => void;
  disabled?: boolean;
}

/** Modules x actions with a checkbox where the action exists; a row checkbox toggles the module. */
export function PermissionMatrix({ id, value = [], onChange, disabled }: PermissionMatrixProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const granted = new Set<string>(value);
  const label = (prefix: 'module' | 'action', key: string) => {
    const k = `${prefix}.${key}`;
    return isMessageKey(k) ? t(k) : key;
  };

  const emit = (next: Set<string>) => {
    // Keep catalogue order so the saved list is stable.
    const ordered = modules.flatMap((m) => actionsOf(m).map((a) => `${m}.${a}`)).filter((p) => next.has(p));
    onChange?.(ordered as Permission[]);
  };
  const toggle = (permission: string, checked: boolean) => {
    const next = new Set(granted);
    if (checked) next.add(permission);
    else next.delete(permission);
    emit(next);
  };
  const toggleModule = (module: PermissionModule, checked: boolean) => {
    const next = new Set(granted);
    for (const action of actionsOf(module)) {
      if (checked) next.add(`${module}.${action}`);
      else next.delete(`${module}.${action}`);
    }
    emit(next);
  };
  const moduleState = (module: PermissionModule) => {
    const count = actionsOf(module).filter((a) => granted.has(`${module}.${a}`)).length;
    return { all: count === actionsOf(module).length, some: count > 0 && count < actionsOf(module).length };
  };

  const moduleCheckbox = (module: PermissionModule) => {
    const state = moduleState(module);
    return (
      <Checkbox
        checked={state.all}
        indeterminate={state.some}
        disabled={disabled}
        onChange={(e) => toggleModule(module, e.target.checked)}
        data-testid={`perm-${module}`}
      >
        <strong>{label('module', module)}</strong>
      </Checkbox>
    );
  };

  if (isMobile) {
    return (
      <Flex vertical gap={8} id={id}>
        {modules.map((module) => (
          <Card key={module} size="small" title={moduleCheckbox(module)}>
            <Flex wrap gap={12}>
              {actionsOf(module).map((action) => (
                <Checkbox
                  key={action}
                  checked={granted.has(`${module}.${action}`)}
                  disabled={disabled}
                  onChange={(e) => toggle(`${module}.${action}`, e.target.checked)}
                  data-testid={`perm-${module}.${action}`}
                >
                  {label('action', action)}
                </Checkbox>
              ))}
            </Flex>
          </Card>
        ))}
      </Flex>
    );
  }

  const columns: TableProps<{ module: PermissionModule }>['columns'] = [
    {
      key: 'module',
      title: t('role.module'),
      fixed: 'left',
      render: (_v, row) => moduleCheckbox(row.module),
    },
    ...allActions.map((action) => ({
      key: action,
      title: label('action', action),
      align: 'center' as const,
      render: (_v: unknown, row: { module: PermissionModule }) =>
        actionsOf(row.module).includes(action) ? (
          <Checkbox
            checked={granted.has(`${row.module}.${action}`)}
            disabled={disabled}
            onChange={(e) => toggle(`${row.module}.${action}`, e.target.checked)}
            aria-label={`${label('module', row.module)} ${label('action', action)}`}
            data-testid={`perm-${row.module}.${action}`}
          />
        ) : null,
    })),
  ];

  return (
    <div id={id}>
      <Table<{ module: PermissionModule }>
        rowKey="module"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={modules.map((module) => ({ module }))}
        scroll={{ x: 'max-content' }}
        data-testid="permission-matrix"
      />
    </div>
  );
}
