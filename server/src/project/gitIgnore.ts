/**
 * Is a path ignored by git? `.gitignore` files with git's own semantics, evaluated with the
 * `ignore` package (as forceIgnore.ts does for SDR):
 *
 * - each `.gitignore` applies to paths below its folder, relative to it; a deeper file overrides a
 *   shallower one (the first file, deepest first, with a matching pattern decides; within a file
 *   the last matching pattern wins, `!` re-includes);
 * - `.git/info/exclude` applies from the repository root with the lowest precedence;
 * - a path below an ignored directory is ignored, whatever a negation says (git does not descend
 *   into an ignored directory, so `.gitignore` files inside it are never read either);
 * - case-sensitive (git's default `core.ignorecase=false` on Linux).
 *
 * Not read: the user's global `core.excludesFile` (machine-specific, not part of the repository).
 * Tracked files are in git whatever `.gitignore` says; an index is not read (offline, no git).
 * Pure: the caller supplies the texts (rules through the context, so a change re-checks them).
 */
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { childPath, isInside, plain, posixRelative } from '../util/paths';

export const GITIGNORE = '.gitignore';

export interface GitIgnoreSource {
  /** Absolute path of the `.gitignore` (or `.git/info/exclude`). */
  readonly path: string;
  /** The folder its patterns are relative to (the `.gitignore`'s folder; the repository root for `exclude`). */
  readonly dir: string;
  readonly text: string;
  /** `.git/info/exclude`: below every `.gitignore` in precedence. */
  readonly exclude?: boolean;
}

interface Compiled {
  readonly src: GitIgnoreSource;
  readonly ig: Ignore;
  readonly depth: number;
}

const compiledCache = new Map<string, Ignore>();

function compile(text: string): Ignore {
  const hit = compiledCache.get(text);
  if (hit) return hit;
  const ig = ignore({ ignorecase: false }).add(text.replace(/^\uFEFF/, ''));
  if (compiledCache.size > 500) compiledCache.clear();
  compiledCache.set(text, ig);
  return ig;
}

export class GitIgnore {
  private readonly sources: Compiled[];

  /** `repoRoot`: the folder holding `.git` (else the project root); sources outside it are dropped. */
  constructor(readonly repoRoot: string, sources: readonly GitIgnoreSource[]) {
    const inRepo = (d: string) => d === repoRoot || isInside(repoRoot, d);
    this.sources = sources
      .filter((s) => inRepo(s.dir))
      .map((src) => ({ src, ig: compile(src.text), depth: src.exclude ? -1 : src.dir.split(path.sep).length }))
      // Deepest first; exclude last.
      .sort((a, b) => b.depth - a.depth);
  }

  /** Is `abs` (a file, or a folder when `isDir`) ignored by git? Paths outside the repository: no. */
  ignores(abs: string, isDir = false): boolean {
    return this.explain(abs, isDir) !== undefined;
  }

  /** The source and the path (itself or a folder above it) that makes `abs` ignored, or undefined. */
  explain(abs: string, isDir = false): { source: GitIgnoreSource; ignoredPath: string } | undefined {
    if (!isInside(this.repoRoot, abs)) return undefined;
    if (!isDir && plain(abs)) {
      // A file: its folders decide first, as in the walk below. Files are asked folder by folder,
      // so the last folder's answer is kept (no path string per folder level and file).
      const cut = abs.lastIndexOf(path.sep);
      if (cut !== this.lastDir.length || !abs.startsWith(this.lastDir)) {
        this.lastDir = abs.slice(0, cut);
        this.lastDirHit = this.explain(this.lastDir, true);
      }
      if (this.lastDirHit) return this.lastDirHit;
      const src = this.decide(abs, false);
      return src ? { source: src, ignoredPath: abs } : undefined;
    }
    const segs = posixRelative(this.repoRoot, abs).split('/');
    let cur = this.repoRoot;
    for (let i = 0; i < segs.length; i++) {
      cur = childPath(cur, segs[i]!);
      const dir = i < segs.length - 1 || isDir;
      const src = dir ? this.decideDir(cur) : this.decide(cur, false);
      if (src) return { source: src, ignoredPath: cur };
    }
    return undefined;
  }

  /** The folder of the last file explained, and what ignores it (or one above it). */
  private lastDir = '';
  private lastDirHit: { source: GitIgnoreSource; ignoredPath: string } | undefined;

  /** decide() for folders, remembered: every file of a folder asks for the same folders above it. */
  private readonly dirDecisions = new Map<string, GitIgnoreSource | undefined>();
  private decideDir(abs: string): GitIgnoreSource | undefined {
    if (this.dirDecisions.has(abs)) return this.dirDecisions.get(abs);
    const d = this.decide(abs, true);
    this.dirDecisions.set(abs, d);
    return d;
  }

  /** The source that ignores this one path (its parents not considered), or undefined. */
  private decide(abs: string, isDir: boolean): GitIgnoreSource | undefined {
    for (const c of this.sources) {
      if (!isInside(c.src.dir, abs)) continue;
      const rel = posixRelative(c.src.dir, abs) + (isDir ? '/' : '');
      let r: { ignored: boolean; unignored: boolean };
      try {
        r = c.ig.test(rel);
      } catch {
        continue;
      }
      if (r.ignored) return c.src;
      if (r.unignored) return undefined;
    }
    return undefined;
  }
}

/** An ignore file that applies to a project's files: where it is, the folder its patterns are relative to. */
export interface IgnoreFileAt {
  readonly path: string;
  readonly dir: string;
  readonly exclude: boolean;
}

/**
 * The repository's ignore files that are not in the project's own tree, in precedence order: its
 * `.git/info/exclude`, then the `.gitignore` of each folder from the project root's parent up to
 * the repository root (a project in a sub-folder of its repository, as in a monorepo). Besides the
 * project's own files, these are the only files a project reads.
 */
export function ignoreFilesAbove(gitRoot: string | undefined, projectRoot: string): IgnoreFileAt[] {
  if (!gitRoot) return [];
  const out: IgnoreFileAt[] = [{ path: path.join(gitRoot, '.git', 'info', 'exclude'), dir: gitRoot, exclude: true }];
  if (!isInside(gitRoot, projectRoot)) return out;
  for (let d = path.dirname(projectRoot); d !== gitRoot && isInside(gitRoot, d); d = path.dirname(d)) out.push({ path: path.join(d, GITIGNORE), dir: d, exclude: false });
  out.push({ path: path.join(gitRoot, GITIGNORE), dir: gitRoot, exclude: false });
  return out;
}

/**
 * The repository root for a project: the nearest folder at or above it holding `.git` (a folder,
 * or a file as in worktrees and submodules); undefined when there is none.
 */
export function findGitRoot(start: string, exists: (p: string) => boolean): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (exists(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

