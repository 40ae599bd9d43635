/**
 * Which sfdx projects a folder holds, for the CLI and the language server alike, and the folders no
 * walk ever enters.
 */
import * as path from 'node:path';
import type { FsHost } from './fsHost';
import { PROJECT_FILE } from './sfdxProject';

/** Folders never walked (project discovery, indexing, file listings): not source, or tool state. */
export const SKIP_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.sf', '.sfdx', '.hg', '.svn', '.vscode']);

/** How deep below the folder nested projects are looked for. */
export const DISCOVERY_DEPTH = 4;

/** `p` is strictly inside `dir` (both absolute). */
export { isInside } from '../util/paths';

/**
 * Project roots for a folder: the nearest `sfdx-project.json` at or above it, plus every project
 * below the folder down to `depth` levels (a monorepo holds several; a nested project is its own,
 * and the outer project's index leaves its files to it). Sorted.
 */
export function findProjectRoots(folder: string, host: FsHost, depth = DISCOVERY_DEPTH): string[] {
  const out = new Set<string>();
  let dir = path.resolve(folder);
  for (;;) {
    if (host.isFile(path.join(dir, PROJECT_FILE))) {
      out.add(dir);
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const seen = new Set<string>();
  const walk = (d: string, level: number) => {
    const real = host.realpath(d) ?? d;
    if (seen.has(real)) return;
    seen.add(real);
    const entries = host.readDir(d);
    if (!entries) return;
    if (entries.some((e) => e.isFile && e.name === PROJECT_FILE)) out.add(d);
    if (level >= depth) return;
    for (const e of entries) if (e.isDirectory && !SKIP_DIRS.has(e.name)) walk(path.join(d, e.name), level + 1);
  };
  walk(path.resolve(folder), 0);
  return [...out].sort();
}
