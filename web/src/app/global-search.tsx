import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useT } from './i18n/i18n-context';

const GlobalSearchDialog = lazy(() => import('./global-search-dialog').then((m) => ({ default: m.GlobalSearchDialog })));

/** Search across customers and contacts from anywhere: the header button or Ctrl/Cmd+K (a phone's is in phone-shell.tsx). */
export function GlobalSearch() {
  const t = useT();
  const [open, setOpenState] = useState(false);
  // The dialog (its queries and result list) loads when first opened, and stays for the next time.
  const [used, setUsed] = useState(false);
  const setOpen = useCallback((next: boolean) => {
    if (next) setUsed(true);
    setOpenState(next);
  }, []);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setOpen]);

  return (
    <>
      <Button
        icon={<SearchOutlined />}
        onClick={() => setOpen(true)}
        data-testid="global-search"
        style={{ width: 240, justifyContent: 'flex-start', color: '#595959' }}
      >
        <Flex justify="space-between" style={{ flex: 1 }}>
          <span>{t('search.open')}</span>
          <Typography.Text keyboard style={{ fontSize: 11 }}>
            Ctrl K
          </Typography.Text>
        </Flex>
      </Button>
      {used ? (
        <Suspense fallback={null}>
          <GlobalSearchDialog open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
