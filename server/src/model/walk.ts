/**
 * The model's walks of a project tree (model/workspace.ts): the cold index's walk, the walk of a
 * folder that appeared, whether a path belongs to the project's tree, and its sfdx-project.json.
 */
import * as path from 'node:path';
import ignore from 'ignore';
import { toPosixRelative, type FsHost } from '../project/fsHost';
import { PROJECT_FILE, parseSfdxProject, type SfdxProjectConfig } from '../project/sfdxProject';
import { decodeBytes, type TextFile } from '../util/text';
import { childPath } from '../util/paths';
import { FORCEIGNORE } from '../project/forceIgnore';
import { SKIP_DIRS, isInside } from '../project/discover';

export interface WalkVisitor {
  /** Leave this folder or file out (the `exclude` setting). */
  skip(abs: string): boolean;
  onDir(name: string): void;
  onForceIgnore(abs: string): void;
  /** Any other file that is not skipped. */
  onFile(abs: string, name: string): void;
}

/** The cold index's walk: skips SKIP_DIRS, excluded paths, symlink loops and nested projects. */
export function walkProject(host: FsHost, dir: string, seen: Set<string>, isRoot: boolean, v: WalkVisitor): void {
  const real = host.realpath(dir) ?? dir;
  if (seen.has(real)) return; // symlink loop or a folder reached twice
  seen.add(real);
  const entries = host.readDir(dir);
  if (!entries) return;
  if (!isRoot && entries.some((e) => e.isFile && e.name === PROJECT_FILE)) return; // a nested project of its own
  for (const e of entries) {
    const abs = childPath(dir, e.name);
    if (e.isDirectory) {
      if (SKIP_DIRS.has(e.name) || v.skip(abs)) continue;
      v.onDir(e.name);
      walkProject(host, abs, seen, false, v);
    } else if (e.isFile) {
      if (e.name === FORCEIGNORE) v.onForceIgnore(abs);
      else if (!v.skip(abs)) v.onFile(abs, e.name);
    }
  }
}

/** Every `.forceignore` and ECA-family file (by `isEca(name)`) below a folder that appeared. */
export function collectPaths(host: FsHost, dir: string, seen: Set<string>, out: string[], isEca: (name: string) => boolean): void {
  const real = host.realpath(dir) ?? dir;
  if (seen.has(real)) return;
  seen.add(real);
  for (const e of host.readDir(dir) ?? []) {
    const abs = childPath(dir, e.name);
    if (e.isDirectory && !SKIP_DIRS.has(e.name)) collectPaths(host, abs, seen, out, isEca);
    else if (e.isFile && (e.name === FORCEIGNORE || isEca(e.name))) out.push(abs);
  }
}

/** Below the root (not in a skipped folder nor a nested project), or in an outside package directory. */
export function inProjectTree(root: string, config: SfdxProjectConfig, host: FsHost, abs: string): boolean {
  if (isInside(root, abs)) {
    const rel = path.relative(root, abs).split(path.sep);
    if (rel.some((s) => SKIP_DIRS.has(s))) return false;
    let d = path.dirname(abs);
    while (d !== root && isInside(root, d)) {
      if (host.isFile(path.join(d, PROJECT_FILE))) return false;
      d = path.dirname(d);
    }
    return true;
  }
  return config.packageDirectories.some((d) => isInside(d.absPath, abs));
}

/** sfdx-project.json, decoded and parsed (no project file: loose metadata, no package directories). */
export function readProjectFile(root: string, file: string, host: FsHost, noProjectFile: boolean): { doc: TextFile | undefined; config: SfdxProjectConfig } {
  if (noProjectFile) return { doc: undefined, config: { root, packageDirectories: [], packageAliases: {}, namespace: '', registryCustomizations: false, problems: [] } };
  const bytes = host.readFile(file);
  const dec = bytes ? decodeBytes(bytes) : undefined;
  const doc = dec?.ok ? dec.file : undefined;
  return { doc, config: parseSfdxProject(root, doc, bytes ? (dec && !dec.ok ? dec.problem : undefined) : 'the file is missing or unreadable') };
}

/** The `exclude` setting as a test of absolute paths (gitignore syntax, relative to the root). */
export function excluder(root: string, globs: readonly string[] | undefined): (abs: string) => boolean {
  if (!globs?.length) return () => false;
  const ig = ignore().add([...globs]);
  return (abs) => {
    const rel = toPosixRelative(root, abs);
    if (!rel || rel.startsWith('..')) return false;
    try {
      return ig.ignores(rel);
    } catch {
      return false;
    }
  };
}

/** The names of the folders between the root and a path (the path's parent first). */
export function foldersUp(root: string, abs: string): string[] {
  const out: string[] = [];
  for (let d = path.dirname(abs); isInside(root, d) && d !== root; d = path.dirname(d)) out.push(path.basename(d));
  return out;
}
