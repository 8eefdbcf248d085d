import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Ant Design's prebuilt stylesheet (antd/dist/antd.css, about 1 MB) in two parts: the rules of the
 * components the signed-in frame and the phone's customer list show, with their popups
 * (`first.css`, with the theme's variables and everything that names no component), and the rest
 * (`rest.css`: the menu, tables, grids, date pickers, forms, trees...). The first part loads with
 * the frame; the rest before any other page, and on the phone's list at the first touch or key
 * (app/rest-of-app.ts). That list's phone parses 40% of the stylesheet before its first paint.
 *
 * A rule goes to the first part when it names any of the first components, so the rules that
 * style one of them are all there and keep their order; the rest holds rules that name only
 * other components (loaded later, they cannot override the first part's on an element of a
 * first component).
 */
const firstComponents = new Set([
  'app', 'avatar', 'badge', 'btn', 'checkbox', 'divider', 'drawer', 'dropdown', 'empty', 'flex', 'input', 'layout', 'modal',
  'pagination', 'popover', 'result', 'select', 'skeleton', 'space', 'spin', 'tag', 'tooltip', 'typography', 'wave',
  // Motion classes of popups and drawers.
  'fade', 'move', 'slide', 'zoom', 'motion',
]);

/** A class's component: `ant-input-number-handler` is the number input's, not the input's. */
function componentOf(match: RegExpMatchArray): string {
  const [, name = '', next = ''] = match;
  return (name === 'input' && next === 'number') || (name === 'float' && next === 'btn') ? `${name}-${next}` : name;
}

const cacheDir = path.resolve(import.meta.dirname, '..', 'node_modules', '.cache', 'antd-css');
export const antdCssAlias = 'crm-antd-css';

/** The stylesheet's top-level blocks (rules, @media, @keyframes...), in order. */
export function topLevelBlocks(css: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const ch = css[i];
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) {
        blocks.push(css.slice(start, i + 1));
        start = i + 1;
      }
    }
  }
  const tail = css.slice(start).trim();
  if (tail) blocks.push(tail);
  return blocks;
}

/** Splits the stylesheet: [first, rest]. */
export function splitAntdCss(css: string): [string, string] {
  const first: string[] = [];
  const rest: string[] = [];
  for (const block of topLevelBlocks(css)) {
    const names = [...block.matchAll(/\.ant-([a-z]+)(?:-([a-z]+))?/g)].map(componentOf);
    if (names.length === 0 || names.some((name) => firstComponents.has(name))) first.push(block);
    else rest.push(block);
  }
  return [first.join(''), rest.join('')];
}

export function antdCssSplit(): Plugin {
  return {
    name: 'crm-antd-css-split',
    config() {
      const source = createRequire(import.meta.url).resolve('antd/dist/antd.css');
      const [first, rest] = splitAntdCss(fs.readFileSync(source, 'utf8'));
      fs.mkdirSync(cacheDir, { recursive: true });
      fs.writeFileSync(path.join(cacheDir, 'first.css'), first);
      fs.writeFileSync(path.join(cacheDir, 'rest.css'), rest);
      return { resolve: { alias: { [antdCssAlias]: cacheDir } } };
    },
  };
}
