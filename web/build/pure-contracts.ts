import { parseAst, type Plugin } from 'vite';

const contractsFile = /[\\/]contracts[\\/]src[\\/][^\\/]+\.ts$/;

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Whether evaluating the expression runs anything (a call, a getter, a spread), functions aside. */
function runsCode(node: Node): boolean {
  if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression' || node.type === 'ClassExpression') return false;
  if (['CallExpression', 'NewExpression', 'TaggedTemplateExpression', 'SpreadElement', 'MemberExpression'].includes(node.type)) return true;
  return Object.values(node).some((value) =>
    Array.isArray(value) ? value.some((child) => isNode(child) && runsCode(child)) : isNode(value) && runsCode(value),
  );
}

/**
 * The contracts' modules declare Zod schemas, lists and pure helpers at their top level; none of
 * those initialisers changes anything outside the value it makes. Marked pure, the bundler drops the
 * schemas a page does not use: a page that takes one list of choices from customers.ts no longer
 * carries every customer schema, Zod and libphonenumber's metadata with it.
 */
export function pureContracts(): Plugin {
  return {
    name: 'crm-pure-contracts',
    apply: 'build',
    transform: {
      filter: { id: contractsFile },
      handler(code, id) {
        if (!contractsFile.test(id)) return null;
        const program = parseAst(code, { lang: 'ts' }) as unknown as Node;
        // Each such initialiser becomes `/* @__PURE__ */ (() => (init))()`: one annotation covers
        // a whole chain such as z.string().trim().min(1), which a single comment on its first call does not.
        const inits: Node[] = [];
        for (const statement of program.body as Node[]) {
          const declaration = statement.type === 'ExportNamedDeclaration' && isNode(statement.declaration) ? statement.declaration : statement;
          if (declaration.type !== 'VariableDeclaration') continue;
          for (const declarator of declaration.declarations as Node[]) {
            if (isNode(declarator.init) && runsCode(declarator.init)) inits.push(declarator.init);
          }
        }
        if (inits.length === 0) return null;
        let out = code;
        for (const init of inits.sort((a, b) => b.start - a.start)) {
          out = `${out.slice(0, init.start)}/* @__PURE__ */ (() => (${out.slice(init.start, init.end)}))()${out.slice(init.end)}`;
        }
        return { code: out, map: null };
      },
    },
  };
}
