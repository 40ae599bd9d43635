/**
 * Hands the folder listings that project discovery read to the cold index's walk that follows.
 * Discovery (project/discover.ts) reads every folder down to DISCOVERY_DEPTH, which on a usual sfdx
 * tree is nearly every folder the index then walks again: on the bench's 2,000-app project the same
 * 28 listings of 27,882 entries, 16–30 ms, were read twice per cold check and per server start.
 *
 * While `recording`, each listing read is kept; afterwards a kept listing is served once, to the
 * first reader, and dropped (a later reader, such as an update after the index, reads the folder
 * again). `clear()` drops what no walk asked for. A write through this host drops them all. Every
 * other call goes to the wrapped host.
 */
import type { DirEntry, FsHost } from './fsHost';

export class ListingMemo implements FsHost {
  private readonly kept = new Map<string, DirEntry[] | undefined>();
  /** Keep the listings read from now on (discovery); off: only serve what was kept. */
  recording = false;
  readonly readFileWithStat?: FsHost['readFileWithStat'];

  constructor(private readonly base: FsHost) {
    if (base.readFileWithStat) this.readFileWithStat = (p) => base.readFileWithStat!(p);
  }

  readDir(p: string): DirEntry[] | undefined {
    if (this.kept.has(p)) {
      const entries = this.kept.get(p);
      // Asked for again while recording (a second folder's discovery): kept for the walk still.
      if (!this.recording) this.kept.delete(p);
      return entries;
    }
    const entries = this.base.readDir(p);
    if (this.recording) this.kept.set(p, entries);
    return entries;
  }

  /** Stop recording and drop every listing not yet served. */
  clear(): void {
    this.recording = false;
    this.kept.clear();
  }

  readFile(p: string) {
    return this.base.readFile(p);
  }
  isFile(p: string) {
    return this.base.isFile(p);
  }
  isDirectory(p: string) {
    return this.base.isDirectory(p);
  }
  exists(p: string) {
    return this.base.exists(p);
  }
  realpath(p: string) {
    return this.base.realpath(p);
  }
  writeFile(p: string, d: Uint8Array) {
    this.kept.clear();
    this.base.writeFile(p, d);
  }
  deleteFile(p: string) {
    this.kept.clear();
    this.base.deleteFile(p);
  }
  rename(a: string, b: string) {
    this.kept.clear();
    this.base.rename(a, b);
  }
}
