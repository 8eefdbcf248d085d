import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';

/** Chooses and orders the list's columns (the export uses the same choice). */
export function CustomerColumnChooser({
  all,
  visible,
  onChange,
  onReset,
}: {
  all: { key: string; label: string }[];
  visible: string[];
  onChange: (next: string[]) => void;
  onReset: () => void;
}) {
  const { t } = useI18n();
  const hidden = all.filter((c) => !visible.includes(c.key));
  const labelOf = (key: string) => all.find((c) => c.key === key)?.label ?? key;
  const move = (index: number, delta: number) => {
    const next = [...visible];
    const target = index + delta;
    if (target < 0 || target >= next.length) return;
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(target, 0, moved);
    onChange(next);
  };
  const content = (
    <Flex vertical gap={4} style={{ width: 280, maxHeight: 420, overflow: 'auto' }} data-testid="column-chooser">
      {visible.map((key, index) => (
        <Flex key={key} align="center" justify="space-between" gap={4}>
          <Checkbox
            checked
            disabled={key === 'name'}
            onChange={() => onChange(visible.filter((k) => k !== key))}
            data-testid={`column-${key}`}
          >
            {labelOf(key)}
          </Checkbox>
          <Flex gap={2}>
            <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('columns.moveUp')} disabled={index === 0} onClick={() => move(index, -1)} />
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={t('columns.moveDown')}
              disabled={index === visible.length - 1}
              onClick={() => move(index, 1)}
            />
          </Flex>
        </Flex>
      ))}
      {hidden.length > 0 ? (
        <Typography.Text type="secondary" style={{ marginTop: 8 }}>
          {t('columns.hidden')}
        </Typography.Text>
      ) : null}
      {hidden.map((c) => (
        <Checkbox key={c.key} checked={false} onChange={() => onChange([...visible, c.key])} data-testid={`column-${c.key}`}>
          {c.label}
        </Checkbox>
      ))}
      <Button size="small" type="link" onClick={onReset} style={{ alignSelf: 'flex-start', paddingInline: 0 }}>
        {t('columns.reset')}
      </Button>
    </Flex>
  );
  return (
    <Popover content={content} title={t('columns.title')} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined />} data-testid="column-chooser-open">
        {t('columns.button')}
      </Button>
    </Popover>
  );
}
