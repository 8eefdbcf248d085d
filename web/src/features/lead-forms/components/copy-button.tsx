import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';

/** Copies text; falls back to a hidden textarea where the Clipboard API is missing (plain http). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused: try the old way below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.left = '-9999px';
  document.body.appendChild(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  document.body.removeChild(area);
  return done;
}

/** A button that copies `text` and says so (a tick for two seconds and a notice). */
export function CopyButton({ text, label, ...props }: { text: string; label: string } & Omit<ButtonProps, 'onClick'>) {
  const t = useT();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);
  return (
    <Button
      {...props}
      icon={copied ? <CheckOutlined /> : <CopyOutlined />}
      onClick={() =>
        void copyText(text).then((ok) => {
          if (ok) {
            setCopied(true);
            void message.success(t('webForm.copied'));
          } else {
            void message.error(t('webForm.copyFailed'));
          }
        })
      }
    >
      {label}
    </Button>
  );
}
