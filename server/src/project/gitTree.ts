/**
 * An FsHost over one git revision: the tree of REF laid at the repository's top-level folder, so
 * a project opened at the same absolute root sees the files (sfdx-project.json, .forceignore, ECA
 * files) as they were at REF. Read-only, no checkout, no network: `git ls-tree -r -z` lists the
 * tree once; blobs are read with `git cat-file --batch` (all wanted blobs in one call, see
 * `preload`) or one `git cat-file blob` per file on demand.
 *
 * Symbolic links and submodules in the tree are neither files nor folders here (SDR would follow a
 * link on disk; at a revision there is nothing to follow).
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { DirEntry, FsHost } from './fsHost';

/** git is missing, the folder is not in a repository, or REF names no commit. One-line message. */
export class GitError extends Error {}

interface Blob {
  sha: string;
}

const MAX_BUFFER = 512 * 1024 * 1024;

function git(cwd: string, args: string[], input?: Buffer): Buffer {
  return execFileSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } });
}

function firstLine(e: unknown): string {
  const err = e as { stderr?: Buffer | string; message?: string; code?: string };
  if (err.code === 'ENOENT') return 'git is not installed (or not on PATH)';
  const s = (err.stderr ? err.stderr.toString() : err.message ?? String(e)).trim();
  return (s.split('\n').find((l) => l.trim()) ?? s).replace(/^fatal:\s*/, '');
}

/** The repository's top-level folder for `dir`. Throws GitError when `dir` is not in a work tree. */
export function gitTopLevel(dir: string): string {
  try {
    return path.resolve(git(dir, ['rev-parse', '--show-toplevel']).toString().trim());
  } catch (e) {
    const m = firstLine(e);
    throw new GitError(/not a git repository/i.test(m) ? `"${dir}" is not in a git repository` : m);
  }
}

/** The full commit id REF names. Throws GitError for an unknown REF. */
export function resolveCommit(dir: string, ref: string): string {
  if (!ref || ref.startsWith('-')) throw new GitError(`"${ref}" is not a git revision`);
  try {
    return git(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).toString().trim();
  } catch {
    throw new GitError(`unknown git revision "${ref}"`);
  }
}

/** The newest tag reachable from HEAD (`git describe --tags --abbrev=0`), or undefined when none. */
export function newestTag(dir: string): string | undefined {
  try {
    const t = git(dir, ['describe', '--tags', '--abbrev=0']).toString().trim();
    return t || undefined;
  } catch {
    return undefined; // no tag (or no commit yet)
  }
}

export interface GitTreeOptions {
  /** Blobs to read up front in one `git cat-file --batch` call (path relative to the top level, with `/`). */
  preload?: (relPath: string) => boolean;
}

export class GitTreeHost implements FsHost {
  readonly topLevel: string;
  readonly commit: string;
  private readonly files = new Map<string, Blob>();
  /** folder abs path → entries */
  private readonly dirs = new Map<string, Map<string, DirEntry>>();
  private readonly cache = new Map<string, Uint8Array>();

  /** `dir`: any folder in the repository. Throws GitError (not a repository, unknown REF). */
  constructor(dir: string, readonly ref: string, options: GitTreeOptions = {}) {
    this.topLevel = gitTopLevel(dir);
    this.commit = resolveCommit(this.topLevel, ref);
    let out: Buffer;
    try {
      out = git(this.topLevel, ['ls-tree', '-r', '-z', '--full-tree', this.commit]);
    } catch (e) {
      throw new GitError(firstLine(e));
    }
    this.dirs.set(this.topLevel, new Map());
    for (const rec of out.toString('utf8').split('\0')) {
      if (!rec) continue;
      // "<mode> SP <type> SP <sha> TAB <path>"
      const tab = rec.indexOf('\t');
      const [mode, type, sha] = rec.slice(0, tab).split(' ');
      const rel = rec.slice(tab + 1);
      if (type !== 'blob' || mode === '120000' || !sha) continue;
      const abs = path.join(this.topLevel, ...rel.split('/'));
      this.files.set(abs, { sha });
      this.addEntry(abs, true);
    }
    if (options.preload) this.preload([...this.files.keys()].filter((p) => options.preload!(path.relative(this.topLevel, p).split(path.sep).join('/'))));
  }

  private addEntry(abs: string, isFile: boolean): void {
    const parent = path.dirname(abs);
    let d = this.dirs.get(parent);
    if (!d) {
      this.dirs.set(parent, (d = new Map()));
      if (parent !== this.topLevel) this.addEntry(parent, false);
    }
    const name = path.basename(abs);
    if (!d.has(name)) d.set(name, { name, isFile, isDirectory: !isFile });
  }

  /** Read many blobs with one `git cat-file --batch`. */
  preload(paths: readonly string[]): void {
    const want = paths.filter((p) => this.files.has(p) && !this.cache.has(p));
    if (!want.length) return;
    const input = Buffer.from(want.map((p) => this.files.get(p)!.sha).join('\n') + '\n');
    let out: Buffer;
    try {
      out = git(this.topLevel, ['cat-file', '--batch'], input);
    } catch {
      return; // readFile falls back to one call per blob
    }
    let pos = 0;
    for (const p of want) {
      const nl = out.indexOf(0x0a, pos);
      if (nl < 0) break;
      const head = out.subarray(pos, nl).toString('utf8').split(' '); // "<sha> <type> <size>" or "<sha> missing"
      pos = nl + 1;
      if (head[1] === 'missing') continue;
      const size = Number(head[2]);
      if (!Number.isFinite(size)) break;
      this.cache.set(p, new Uint8Array(out.subarray(pos, pos + size)));
      pos += size + 1; // content, then LF
    }
  }

  readFile(p: string): Uint8Array | undefined {
    const abs = path.resolve(p);
    const hit = this.cache.get(abs);
    if (hit) return hit;
    const b = this.files.get(abs);
    if (!b) return undefined;
    try {
      const data = new Uint8Array(git(this.topLevel, ['cat-file', 'blob', b.sha]));
      this.cache.set(abs, data);
      return data;
    } catch {
      return undefined;
    }
  }
  readDir(p: string): DirEntry[] | undefined {
    const d = this.dirs.get(path.resolve(p));
    return d ? [...d.values()] : undefined;
  }
  isFile(p: string): boolean {
    return this.files.has(path.resolve(p));
  }
  isDirectory(p: string): boolean {
    return this.dirs.has(path.resolve(p));
  }
  exists(p: string): boolean {
    return this.isFile(p) || this.isDirectory(p);
  }
  realpath(p: string): string | undefined {
    return this.exists(p) ? path.resolve(p) : undefined;
  }
  writeFile(p: string, _data?: Uint8Array): void {
    throw new Error(`${p}: a git revision is read-only`);
  }
  deleteFile(p: string): void {
    throw new Error(`${p}: a git revision is read-only`);
  }
  rename(from: string, _to?: string): void {
    throw new Error(`${from}: a git revision is read-only`);
  }
}
