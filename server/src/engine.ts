/**
 * The analysis core's front door for adapters (CLI, language server, tests): find projects,
 * index them, check, describe the inventory. No vscode, no LSP connection here.
 */
import * as path from 'node:path';
import { EcaProject, type EngineOptions } from './inventory/project';
import { PROJECT_FILE } from './project/sfdxProject';
import type { FsHost } from './project/fsHost';
import { toPosixRelative } from './project/fsHost';

export { EcaProject, type EngineOptions } from './inventory/project';
export type { Finding, Severity, SeverityOrOff, Rule } from './rules/kit/types';
export type { Fix, FixKind, TextEdit, FileOp } from './edits/types';
export { docsUrl } from './rules/kit/types';
export { ALL_RULES, RULES_BY_ID } from './rules/index';

const SKIP = new Set(['node_modules', '.git', '.sf', '.sfdx']);

/**
 * The sfdx projects for a folder: the nearest `sfdx-project.json` at or above it; when there is
 * none, every project below it (depth-limited), as a workspace may hold several.
 */
export function findProjectRoots(start: string, host: FsHost, maxDepth = 4): string[] {
  let dir = path.resolve(start);
  for (;;) {
    if (host.isFile(path.join(dir, PROJECT_FILE))) return [dir];
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (d: string, depth: number) => {
    const real = host.realpath(d) ?? d;
    if (seen.has(real) || depth > maxDepth) return;
    seen.add(real);
    const entries = host.readDir(d);
    if (!entries) return;
    if (entries.some((e) => e.isFile && e.name === PROJECT_FILE)) {
      out.push(d);
      return;
    }
    for (const e of entries) if (e.isDirectory && !SKIP.has(e.name)) walk(path.join(d, e.name), depth + 1);
  };
  walk(path.resolve(start), 0);
  return out.sort();
}

export function openProject(root: string, host: FsHost, options?: EngineOptions): EcaProject {
  const p = new EcaProject(root, host, options);
  p.load();
  return p;
}

/** The inventory entry of one file, as `--format json` and the UI show it. */
export interface InventoryFileJson {
  path: string;
  type: string | null;
  packageDirectory: string | null;
  app: string | null;
  included: boolean;
}

export function inventoryJson(project: EcaProject, base = project.root): InventoryFileJson[] {
  return [...project.files()]
    .map((f) => ({
      path: toPosixRelative(base, f.path),
      type: f.type?.name ?? null,
      packageDirectory: f.packageDir?.relPath ?? null,
      app: f.appName ?? null,
      included: f.included,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
