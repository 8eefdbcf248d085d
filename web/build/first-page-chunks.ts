import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The files of the first page, as few as its parts allow: on a phone each file costs a round trip,
 * its headers and the browser's work on a response (the customer list loaded 73 scripts, half of
 * them smaller than their headers).
 *
 * Which modules a page needs is known only once the bundler has shaken the tree (the features'
 * index.ts files re-export much that a page does not use), so the build runs twice (`npm run
 * build`): the first pass (`--mode first-page`, nothing written) records the modules of the files
 * that the signed-in frame and the customer list load; the second puts the frame's in one chunk
 * and the list's own in another. Dynamic imports (dialogs, drawers, the editors) stay files of
 * their own, loaded when first opened. Without the record (a plain `vite build`) the chunks are
 * the bundler's own, as correct, only more.
 */
export const firstPageRecord = path.resolve(import.meta.dirname, '..', 'node_modules', '.cache', 'crm-first-page.json');

// The frame every signed-in page loads (a phone's is plain elements: no Ant Design in it).
const frameRoots = /[\\/]web[\\/]src[\\/]app[\\/](signed-in-app|app-shell)\.tsx$/;
const pageRoots: Record<string, RegExp> = {
  // The phone's customer list (plain cards): what most sessions open with.
  'customer-list': /[\\/]web[\\/]src[\\/]features[\\/]customers[\\/]pages[\\/]customer-list-page\.tsx$/,
  // A wide screen's frame and list: Ant Design's layout, its theme and the list's filters.
  desktop: /[\\/]web[\\/]src[\\/](app[\\/]desktop-shell|features[\\/]customers[\\/]components[\\/]customer-list-desktop)\.tsx$/,
};

interface Record_ {
  frame: string[];
  pages: Record<string, string[]>;
}

function readRecord(): { frame: Set<string>; pages: Map<string, Set<string>> } | null {
  try {
    const record = JSON.parse(fs.readFileSync(firstPageRecord, 'utf8')) as Record_;
    return { frame: new Set(record.frame), pages: new Map(Object.entries(record.pages).map(([name, ids]) => [name, new Set(ids)])) };
  } catch {
    return null;
  }
}

/** The code-splitting groups of the first page, from the first pass's record (none without it). */
export function firstPageGroups(mode: string, priority: number) {
  const record = mode === 'first-page' ? null : readRecord();
  if (!record) return [];
  // A recorded module's imports stay where they are: by default the bundler would pull them into
  // the group too, whether the page uses them or not (the notifications contract brought the
  // whole of Zod, 170 KB, into the frame for one helper).
  const only = { includeDependenciesRecursively: false };
  return [
    { name: 'frame', test: (id: string) => record.frame.has(id), priority: priority + 1, ...only },
    ...[...record.pages].map(([name, ids]) => ({ name: `${name}-page`, test: (id: string) => ids.has(id) && !record.frame.has(id), priority, ...only })),
  ];
}

/** The first pass: records the modules of the files the frame and each landing page load. */
export function recordFirstPage(): Plugin {
  return {
    name: 'crm-first-page-record',
    apply: (_config, env) => env.command === 'build' && env.mode === 'first-page',
    config: () => ({ build: { write: false } }),
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const initial = new Set(chunks.filter((chunk) => chunk.isEntry).flatMap((chunk) => [chunk.fileName, ...chunk.imports]));
      const closure = (root: RegExp) => {
        const seen = new Set<string>();
        const stack = chunks.filter((chunk) => chunk.facadeModuleId && root.test(chunk.facadeModuleId)).map((chunk) => chunk.fileName);
        while (stack.length > 0) {
          const file = stack.pop() as string;
          if (seen.has(file) || initial.has(file)) continue;
          seen.add(file);
          stack.push(...(byFile.get(file)?.imports ?? []));
        }
        return [...seen].flatMap((file) => byFile.get(file)?.moduleIds ?? []);
      };
      const record: Record_ = {
        frame: closure(frameRoots),
        pages: Object.fromEntries(Object.entries(pageRoots).map(([name, root]) => [name, closure(root)])),
      };
      fs.mkdirSync(path.dirname(firstPageRecord), { recursive: true });
      fs.writeFileSync(firstPageRecord, JSON.stringify(record));
    },
  };
}
