import { parseAst, type Plugin } from 'vite';

/** The functions through which Ant Design's components declare how their styles are generated. */
const styleHookFactories = new Set(['genStyleHooks', 'genSubStyleComponent', 'genComponentStyleHook']);
const antdStyleFile = /[\\/]node_modules[\\/]antd[\\/]es[\\/].*style.*\.js$/;

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Every call `genStyleHooks(name, styleFn, ...)` in the tree: the ranges of their styleFn. */
function styleFunctionRanges(root: Node): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const visit = (node: Node) => {
    if (node.type === 'CallExpression') {
      const callee = node.callee as Node;
      const args = node.arguments as Node[];
      const second = args[1];
      if (callee.type === 'Identifier' && styleHookFactories.has(callee.name as string) && second) {
        ranges.push([second.start, second.end]);
        return;
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.filter(isNode).forEach(visit);
      else if (isNode(value)) visit(value);
    }
  };
  visit(root);
  return ranges;
}

/**
 * The theme has `zeroRuntime` (the styles come from antd/dist/antd.css), so Ant Design never calls
 * the functions that generate a component's CSS in the browser: the style hook returns before
 * them, and only the component tokens (the CSS variables of the theme's overrides) are computed.
 * This drops those functions from the build (about 60 KB compressed on the customer list), keeping
 * the hooks and the component tokens. Every Ant Design component must stay under the AntdFrame's
 * ConfigProvider (static `message.x()` / `Modal.confirm()` outside it would render unstyled by
 * the runtime; App.useApp() is the way).
 */
export function antdZeroRuntime(): Plugin {
  return {
    name: 'crm-antd-zero-runtime',
    apply: 'build',
    transform: {
      filter: { id: antdStyleFile },
      handler(code, id) {
        if (!antdStyleFile.test(id) || ![...styleHookFactories].some((name) => code.includes(name))) return null;
        const ranges = styleFunctionRanges(parseAst(code) as unknown as Node);
        if (ranges.length === 0) return null;
        let out = code;
        for (const [start, end] of ranges.sort((a, b) => b[0] - a[0])) {
          out = `${out.slice(0, start)}() => []${out.slice(end)}`;
        }
        return { code: out, map: null };
      },
    },
  };
}
