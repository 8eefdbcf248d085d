import { Typography } from 'antd';
import { useT } from './i18n/i18n-context';

/** The product's mark and name at the top of the sidebar (and of the phone's menu drawer). */
export function Brand({ collapsed }: { collapsed: boolean }) {
  const t = useT();
  return (
    <div style={{ height: 56, display: 'flex', alignItems: 'center', paddingInline: 20, gap: 10 }}>
      <div
        aria-hidden
        style={{
          width: 28,
          height: 28,
          borderRadius: 6,
          background: '#1664ff',
          color: '#fff',
          display: 'grid',
          placeItems: 'center',
          fontWeight: 700,
          flex: 'none',
        }}
      >
        C
      </div>
      {collapsed ? null : (
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }} ellipsis>
          {t('app.brand')}
        </Typography.Text>
      )}
    </div>
  );
}
