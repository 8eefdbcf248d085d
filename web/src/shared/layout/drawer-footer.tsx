import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { useIsMobile } from '../hooks/use-is-mobile';

/** The body padding of form drawers: roomy on a desktop, tighter on a phone. */
export function useDrawerPadding(): number {
  return useIsMobile() ? 16 : 24;
}

/** Action bar pinned to the bottom of a drawer's scrolling body, inside the form (Enter submits). */
export function DrawerFooter({ children }: { children: ReactNode }) {
  const padding = useDrawerPadding();
  return (
    <Flex
      justify="flex-end"
      gap={8}
      style={{
        position: 'sticky',
        bottom: -padding,
        margin: `24px -${padding}px -${padding}px`,
        padding: `12px ${padding}px`,
        background: '#fff',
        borderTop: '1px solid #f0f0f0',
        zIndex: 2,
      }}
    >
      {children}
    </Flex>
  );
}
