/**
 * An in-memory FsHost for the fuzzer: a map of absolute POSIX paths to bytes; folders are the
 * ancestors of files (plus any added explicitly). Much faster than a temp folder on disk.
 */
import * as path from 'node:path';
import type { DirEntry, FsHost } from '../../server/src/project/fsHost';

export class MemFsHost implements FsHost {
  readonly files = new Map<string, Uint8Array>();
  private readonly dirs = new Set<string>(['/']);

  constructor(files?: Iterable<[string, Uint8Array]>) {
    if (files) for (const [p, d] of files) this.writeFile(p, d);
  }

  clone(): MemFsHost {
    const c = new MemFsHost();
    for (const d of this.dirs) c.dirs.add(d);
    for (const [p, d] of this.files) c.files.set(p, d);
    return c;
  }

  addDir(p: string): void {
    for (let d = path.resolve(p); !this.dirs.has(d); d = path.dirname(d)) this.dirs.add(d);
  }

  readFile(p: string): Uint8Array | undefined {
    return this.files.get(path.resolve(p));
  }
  readDir(p: string): DirEntry[] | undefined {
    const dir = path.resolve(p);
    if (!this.dirs.has(dir)) return undefined;
    const prefix = dir === '/' ? '/' : dir + '/';
    const out = new Map<string, DirEntry>();
    const add = (q: string, isFile: boolean) => {
      if (!q.startsWith(prefix) || q === dir) return;
      const rest = q.slice(prefix.length);
      if (rest.includes('/')) return;
      out.set(rest, { name: rest, isFile, isDirectory: !isFile });
    };
    for (const d of this.dirs) add(d, false);
    for (const f of this.files.keys()) add(f, true);
    return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
  writeFile(p: string, data: Uint8Array): void {
    const abs = path.resolve(p);
    this.addDir(path.dirname(abs));
    this.files.set(abs, data);
  }
  deleteFile(p: string): void {
    this.files.delete(path.resolve(p));
  }
  rename(from: string, to: string): void {
    const d = this.files.get(path.resolve(from));
    if (!d) return;
    this.files.delete(path.resolve(from));
    this.writeFile(to, d);
  }
}
