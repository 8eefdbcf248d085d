import { lazy, type ComponentType } from 'react';
import { withRest } from './rest-of-app';

/**
 * A part drawn with Ant Design, loaded on first use, inside its own AntdFrame (theme, language,
 * message context). For the plain pages (a phone's customer list and its header), which carry no
 * Ant Design until a drawer, menu or dialog is first opened; under a page that already has the
 * frame, the nested one changes nothing.
 */
export function lazyAntd<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => {
    const [Component, { AntdFrame }] = await Promise.all([withRest(load()), import('./antd-frame')]);
    function Framed(props: P) {
      return (
        <AntdFrame>
          <Component {...props} />
        </AntdFrame>
      );
    }
    return { default: Framed };
  });
}
