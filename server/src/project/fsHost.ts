/**
 * The only door to the disk. The engine reads through a host so that the language server can lay
 * open editor buffers over it and tests can use a fake one. Every call answers; none throws.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface DirEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}

export interface FsHost {
  /** undefined when the file can't be read (missing, a directory, no permission). */
  readFile(p: string): Uint8Array | undefined;
  /**
   * Optional: the same read, with the size and mtime of the file taken from the opened file before
   * reading (`check --cache` signs each input this way: one stat fewer per file).
   */
  readFileWithStat?(p: string): { data: Uint8Array; size: number; mtimeMs: number } | undefined;
  /** Entries of a directory, symlinks resolved; undefined when unreadable. */
  readDir(p: string): DirEntry[] | undefined;
  isFile(p: string): boolean;
  isDirectory(p: string): boolean;
  exists(p: string): boolean;
  /** Canonical path (symlinks resolved), for loop detection. */
  realpath(p: string): string | undefined;
  writeFile(p: string, data: Uint8Array): void;
  deleteFile(p: string): void;
  rename(from: string, to: string): void;
}

export const nodeFsHost: FsHost = {
  readFile(p) {
    try {
      return fs.readFileSync(p);
    } catch {
      return undefined;
    }
  },
  readFileWithStat(p) {
    let fd: number;
    try {
      fd = fs.openSync(p, 'r');
    } catch {
      return undefined;
    }
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) return undefined;
      // As readFileSync reads: the stat's size when it has one, else to the end (a /proc file).
      let buf = Buffer.allocUnsafeSlow(Math.max(st.size, 1));
      let n = 0;
      for (;;) {
        if (st.size > 0 && n === st.size) break;
        if (n === buf.length) {
          const bigger = Buffer.allocUnsafeSlow(buf.length * 2);
          buf.copy(bigger, 0, 0, n);
          buf = bigger;
        }
        const r = fs.readSync(fd, buf, n, buf.length - n, null);
        if (r === 0) break;
        n += r;
      }
      return { data: n === buf.length ? buf : buf.subarray(0, n), size: st.size, mtimeMs: st.mtimeMs };
    } catch {
      return undefined;
    } finally {
      fs.closeSync(fd);
    }
  },
  readDir(p) {
    let ents: fs.Dirent[];
    try {
      ents = fs.readdirSync(p, { withFileTypes: true });
    } catch {
      return undefined;
    }
    const out: DirEntry[] = [];
    for (const e of ents) {
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(path.join(p, e.name));
          out.push({ name: e.name, isFile: st.isFile(), isDirectory: st.isDirectory() });
        } catch {
          // dangling link: neither file nor directory
        }
      } else out.push({ name: e.name, isFile: e.isFile(), isDirectory: e.isDirectory() });
    }
    return out;
  },
  isFile(p) {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  },
  isDirectory(p) {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  },
  exists(p) {
    return fs.existsSync(p);
  },
  realpath(p) {
    try {
      return fs.realpathSync(p);
    } catch {
      return undefined;
    }
  },
  writeFile(p, data) {
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, data);
  },
  deleteFile(p) {
    fs.rmSync(p, { force: true });
  },
  rename(from, to) {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.renameSync(from, to);
  },
};

/** A host that serves some files from memory (open editor buffers) over another host. */
export class OverlayFsHost implements FsHost {
  private readonly overlay = new Map<string, Uint8Array>();
  constructor(private readonly base: FsHost) {}
  set(p: string, text: string | undefined): void {
    if (text === undefined) this.overlay.delete(p);
    else this.overlay.set(p, new TextEncoder().encode(text));
  }
  has(p: string): boolean {
    return this.overlay.has(p);
  }
  readFile(p: string) {
    return this.overlay.get(p) ?? this.base.readFile(p);
  }
  readDir(p: string) {
    return this.base.readDir(p);
  }
  isFile(p: string) {
    return this.overlay.has(p) || this.base.isFile(p);
  }
  isDirectory(p: string) {
    return this.base.isDirectory(p);
  }
  exists(p: string) {
    return this.overlay.has(p) || this.base.exists(p);
  }
  realpath(p: string) {
    return this.base.realpath(p);
  }
  writeFile(p: string, d: Uint8Array) {
    this.base.writeFile(p, d);
  }
  deleteFile(p: string) {
    this.base.deleteFile(p);
  }
  rename(a: string, b: string) {
    this.base.rename(a, b);
  }
}

/** Forward-slash path of `p` relative to `root` (the string fast path of util/paths.ts). */
export { posixRelative as toPosixRelative } from '../util/paths';
