import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checksums } from './checksums.js';

/**
 * A migration's checksum: SHA-256 of its source and of the files of this folder it takes code from,
 * as tokens (comments and layout left out, so fixing a comment does not stop a server).
 */
const folder = path.dirname(fileURLToPath(import.meta.url));
const src = path.resolve(folder, '..');
const migrationFiles = fs.readdirSync(folder).filter((f) => /^\d{8}-\d{4}-[a-z0-9-]+\.ts$/.test(f)).sort();

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

/** The tokens of a TypeScript source, without comments and whitespace. */
function tokensOf(text: string): string[] {
  const source = parse('source.ts', text);
  const tokens: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(source);
    if (children.length > 0) children.forEach(visit);
    else if (node.getText(source) !== '') tokens.push(node.getText(source));
  };
  visit(source);
  return tokens;
}

/** Every module a file imports or re-exports, and whether the import brings only types. */
function importsOf(file: string, text: string): Array<{ specifier: string; typeOnly: boolean }> {
  return parse(file, text)
    .statements.filter((s): s is ts.ImportDeclaration | ts.ExportDeclaration => ts.isImportDeclaration(s) || ts.isExportDeclaration(s))
    .flatMap((s) => (s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? [{ specifier: s.moduleSpecifier.text, typeOnly: ts.isImportDeclaration(s) ? Boolean(s.importClause?.isTypeOnly) : s.isTypeOnly }] : []));
}

function checksumOf(file: string): string {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const add = (full: string): void => {
    if (seen.has(full)) return;
    seen.add(full);
    const text = fs.readFileSync(full, 'utf8');
    hash.update(`${path.relative(folder, full)}\n${tokensOf(text).join(' ')}\n`);
    for (const i of importsOf(full, text)) {
      if (!i.typeOnly && i.specifier.startsWith('.')) add(path.resolve(path.dirname(full), i.specifier.replace(/\.js$/, '.ts')));
    }
  };
  add(path.join(folder, file));
  return hash.digest('hex');
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('frozen migrations', () => {
  it('each migration keeps the checksum it landed with', () => {
    const actual = Object.fromEntries(migrationFiles.map((f) => [f.replace(/\.ts$/, ''), checksumOf(f)]));
    const lines = Object.entries(actual).map(([name, sum]) => `  '${name}': '${sum}',`);
    const changed = Object.keys(actual).filter((name) => checksums[name] && checksums[name] !== actual[name]);
    const hint = changed.length > 0
      ? `Landed migrations are frozen, yet ${changed.join(', ')} changed: a database migrated with the old version refuses to start. Put the change in a new migration.`
      : `A new migration needs its line in checksums.ts:\n${lines.join('\n')}`;
    expect(actual, hint).toEqual(checksums);
  });

  it('index.ts registers every migration file, oldest first', async () => {
    const { migrations } = await import('./index.js');
    expect(migrations.map((m) => `${m.name}.ts`)).toEqual(migrationFiles);
  });

  it('migrations import only kysely, libphonenumber-js and files of this folder; only migrations import the frozen copies', () => {
    const outside: string[] = [];
    for (const file of sourceFiles(folder).filter((f) => !f.endsWith('.test.ts'))) {
      for (const { specifier } of importsOf(file, fs.readFileSync(file, 'utf8'))) {
        const inFolder = specifier.startsWith('.') && !path.relative(folder, path.resolve(path.dirname(file), specifier)).startsWith('..');
        if (!inFolder && specifier !== 'kysely' && specifier !== 'libphonenumber-js/max') outside.push(`${path.relative(src, file)}: ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
    const frozenUsers = sourceFiles(src).filter((f) => !f.startsWith(folder) && /migrations\/frozen\//.test(fs.readFileSync(f, 'utf8')));
    expect(frozenUsers.map((f) => path.relative(src, f))).toEqual([]);
  });

  it('a checksum ignores comments and layout, not code', () => {
    const base = tokensOf("export const a = sql`select ${x} from t`; // note\n");
    expect(tokensOf("/** Doc. */\nexport const a =\n  sql`select ${x} from t`;\n")).toEqual(base);
    expect(tokensOf("export const a = sql`select ${x}  from t`;")).not.toEqual(base);
    expect(tokensOf("export const a = sql`select ${y} from t`;")).not.toEqual(base);
    expect(tokensOf("const r = /a b/g; const s = 'a  b';")).toEqual(['const', 'r', '=', '/a b/g', ';', 'const', 's', '=', "'a  b'", ';']);
  });
});
