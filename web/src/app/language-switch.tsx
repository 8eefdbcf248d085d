import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLanguageToggle } from './language-toggle';

/** Toggles 中文 / English in place (same page); remembers the choice for the signed-in user. */
export function LanguageSwitch() {
  const { next, toggle, label, title } = useLanguageToggle();
  return (
    <Button type="text" icon={<GlobalOutlined />} onClick={toggle} data-testid="lang-switch" title={title} lang={next}>
      {label}
    </Button>
  );
}
