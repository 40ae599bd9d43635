/**
 * The files of a project tree that are not ECA-family files (permission sets, profiles, settings,
 * `.gitignore`, ...), for rules that look beyond the apps: listed on first use, read on first use,
 * and forgotten when they change.
 */
import * as path from 'node:path';
import ignore from 'ignore';
import { decodeBytes, type TextFile } from '../util/text';
import type { FsHost } from '../project/fsHost';
import { toPosixRelative } from '../project/fsHost';
import { SKIP_DIRS, isInside } from '../project/discover';
import { PROJECT_FILE } from '../project/sfdxProject';

export class OtherFiles {
  /** Decoded texts (null: unreadable or not text). */
  private readonly texts = new Map<string, TextFile | null>();
  /** Every file of the tree (each once: the walks never enter a folder twice). */
  private all: string[] | undefined;
  /** `all` as a set, made when update() first asks (an index hashes no path it does not look up). */
  private allSet: Set<string> | undefined;
  /** The package directories (of the project config) the listing was made for. */
  private listedFor: readonly { absPath: string }[] | undefined;
  /** list() answers per glob set, valid as long as `all` is (rules ask the same globs per file). */
  private readonly lists = new Map<string, string[]>();

  constructor(
    private readonly root: string,
    private readonly host: FsHost,
    private readonly excluded: (abs: string) => boolean,
  ) {}

  clear(): void {
    this.texts.clear();
    this.forgetListing();
  }

  /**
   * The listing, from a walk made anyway (the cold index's, model/walk.ts walkProject): the same
   * roots, skipped folders, nested projects and exclusions as walkAll.
   */
  seed(all: string[], packageDirectories: readonly { absPath: string }[]): void {
    this.forgetListing();
    this.all = all;
    this.listedFor = packageDirectories;
  }

  private forgetListing(): void {
    this.all = undefined;
    this.allSet = undefined;
    this.lists.clear();
  }

  text(p: string): TextFile | undefined {
    let t = this.texts.get(p);
    if (t === undefined) {
      const bytes = this.host.readFile(p);
      const dec = bytes ? decodeBytes(bytes) : undefined;
      t = dec?.ok ? dec.file : null;
      this.texts.set(p, t);
    }
    return t ?? undefined;
  }

  /** A path changed, appeared or vanished: forget its text. True when the listing changed. */
  update(p: string): boolean {
    this.texts.delete(p);
    if (!this.all) return false;
    // A file read from outside the tree (a repository's .gitignore above the project) is in no listing.
    if (!isInside(this.root, p) && !(this.listedFor ?? []).some((d) => isInside(d.absPath, p))) return false;
    const now = this.host.isFile(p);
    const had = (this.allSet ??= new Set(this.all)).has(p);
    // A known file whose content changed (every keystroke): the listing stands. No scan of the
    // listing here: a project holds tens of thousands of paths.
    if (had && now) return false;
    if (had !== now || this.host.isDirectory(p)) {
      // A file appeared or vanished, or a folder appeared.
      this.forgetListing();
      return true;
    }
    // Neither a file nor a folder now: a folder that vanished changes the listing if we knew files below it.
    const prefix = p + path.sep;
    for (const x of this.all) {
      if (x.startsWith(prefix)) {
        this.forgetListing();
        return true;
      }
    }
    return false;
  }

  /** Absolute paths whose root-relative path matches one of the globs (gitignore syntax). */
  list(globs: string | readonly string[], packageDirectories: readonly { absPath: string }[]): string[] {
    // Rules ask with the same few globs per file: a string key, no JSON.
    const key = typeof globs === 'string' ? globs : globs.join('\n');
    const hit = this.lists.get(key);
    if (hit && this.all && this.listedFor === packageDirectories) return hit;
    if (this.listedFor !== packageDirectories) this.forgetListing();
    this.listedFor = packageDirectories;
    this.all ??= this.walkAll(packageDirectories.map((d) => d.absPath).filter((x) => !isInside(this.root, x)));
    const list = typeof globs === 'string' ? [globs] : [...globs];
    const ig = ignore().add(list);
    const tails = literalTails(list);
    // One literal of every pattern (its longest: the rarest, as a rule) in one expression: a path
    // that holds none, nearly every path, costs one test instead of one per literal and pattern
    // (bench tree: the CI-files glob set 15-16 -> 10 ms, the manifest one 13 -> 8 ms).
    const anyTail = tails && new RegExp(tails.map((need) => `(?:${need.reduce((a, b) => (b.source.length > a.source.length ? b : a)).source})`).join('|'), 'i');
    const out: string[] = [];
    // forEach, not for-of: no iterator result per path and glob set.
    this.all.forEach((p) => {
      // The pre-filter reads the absolute path as it is (no string made per path and glob set).
      if (tails && !(anyTail!.test(p) && passes(tails, p))) return;
      const rel = toPosixRelative(this.root, p);
      if (!rel || rel.startsWith('..')) return;
      try {
        if (ig.ignores(rel)) out.push(p);
      } catch {
        // a path `ignore` refuses: not listed
      }
    });
    out.sort();
    this.lists.set(key, out);
    return out;
  }

  private walkAll(extraRoots: readonly string[]): string[] {
    const all: string[] = [];
    const seen = new Set<string>();
    const walk = (dir: string, isRoot: boolean) => {
      const real = this.host.realpath(dir) ?? dir;
      if (seen.has(real)) return;
      seen.add(real);
      const entries = this.host.readDir(dir);
      // A nested project lists its own files.
      if (!entries || (!isRoot && entries.some((e) => e.isFile && e.name === PROJECT_FILE))) return;
      for (const e of entries) {
        const abs = path.join(dir, e.name);
        if (this.excluded(abs)) continue;
        if (e.isDirectory && !SKIP_DIRS.has(e.name)) walk(abs, false);
        else if (e.isFile) all.push(abs);
      }
    };
    for (const r of [this.root, ...extraRoots]) walk(r, true);
    return all;
  }
}

/** Some pattern's expressions all match `p` (loops, not closures: it runs for every path and glob set). */
function passes(tails: readonly RegExp[][], p: string): boolean {
  for (const need of tails) {
    let all = true;
    for (const t of need) {
      if (!t.test(p)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

/**
 * A cheap pre-filter for list(): `ignore` is slow per path and a project holds tens of thousands.
 * A path (or one of its folders) can match a pattern only if one of its segments ends with the
 * literal text after the pattern's last wildcard (`**` then `/*.settings-meta.xml` → a segment
 * ending `.settings-meta.xml`), and holds each wildcard-free folder of the pattern (`manifest`).
 * Tested on the absolute path, case-insensitively (`ignore` ignores case): the part above the
 * project root can only add matches, which `ignore` then turns down. undefined when some
 * pattern has no such tail (no pre-filter).
 */
function literalTails(globs: readonly string[]): RegExp[][] | undefined {
  const out: RegExp[][] = [];
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const END = '(?:[\\\\/]|$)';
  for (const g0 of globs) {
    const g = g0.trim().replace(/\/+$/, '');
    if (!g || g.startsWith('!') || g.startsWith('#') || g.includes('\\')) return undefined;
    const tail = /[^*?\]/]*$/.exec(g)![0].split('/').pop()!;
    if (!tail || /[[\]]/.test(tail)) return undefined;
    const folders = g.split('/').slice(0, -1).filter((seg) => seg && !/[*?[\]]/.test(seg));
    out.push([new RegExp(esc(tail) + END, 'i'), ...folders.map((seg) => new RegExp(`[\\\\/]${esc(seg)}${END}`, 'i'))]);
  }
  return out;
}
