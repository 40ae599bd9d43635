/**
 * `eca-lens check --cache`: the output of an unchanged project, from a file (default
 * `.eca-lens-cache` in the current folder; `--cache-location PATH`).
 *
 * What is cached: the printed report (the chosen format, exactly as a cold check prints it) and
 * its exit status, keyed by ECA Lens's version, the settings (rules, exclude, dev hub id, the
 * folder, the cwd, the format and its options, --max-warnings) and the stat signature of every
 * input the check touched. The inputs are not guessed: the check runs over a recording host, so
 * every file read (ECA files, `.forceignore`, `sfdx-project.json`, the permission sets, profiles,
 * `.gitignore`, settings and sf CLI config a rule or the dev hub lookup read), every folder listed
 * and every existence probe is in the signature. A re-check stats those (size + mtime for files,
 * mtime for folders: an added, deleted or renamed entry changes its folder's mtime; the answer
 * for probes) and, when all agree, prints the cached output without reading or parsing anything
 * else. When only some files' signatures differ, the lookup returns the last run's per-project
 * state and those files: if all are ECA files of the index, check.ts re-checks only what they
 * affect (cli/cacheState.ts); any other difference is a full check. The cache is rewritten either
 * way. See docs/architecture.md "Cache".
 *
 * The file: one header line `{ format, formatVersion, sha1 }`, then the body (a line of JSON:
 * key, inputs, exit status and what the run said on stderr; a line of JSON: the projects' state;
 * then the output bytes). A file
 * without that header, of another format version, or whose body's checksum differs is ignored
 * (never trusted) and rewritten. `--since` (git state) and `--fix` (writes) bypass the lookup and
 * still write the result; `--fix-dry-run` neither reads nor writes it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { nodeFsHost, type DirEntry, type FsHost } from '../project/fsHost';
import { decodeProjects, groupByFolder, type StoredProject } from './cacheRows';
import type { PriorRun } from './cacheState';

export const DEFAULT_CACHE_FILE = '.eca-lens-cache';
const FORMAT = 'eca-lens-cache';
const FORMAT_VERSION = 5;

/** `--cache-strategy`: what tells that a file or folder changed. */
export type CacheStrategy = 'metadata' | 'content';
/**
 * A file's or folder's signature. metadata: size and mtime (a folder: its size and mtime, which an
 * added, deleted or renamed entry changes). content: the byte length and SHA-1 of the file, the
 * number of entries and a SHA-1 of the sorted listing of the folder. Missing: -1, -1.
 */
type FileSig = [path: string, size: number, stamp: number | string];
type ProbeKind = 'isFile' | 'isDirectory' | 'exists' | 'realpath';
interface Inputs {
  files: FileSig[];
  dirs: FileSig[];
  probes: [path: string, kind: ProbeKind, answer: string | boolean | null][];
}
/**
 * The files of `Inputs` as stored: grouped by folder, `[prefix, name, size, mtime, name, …]` (the
 * prefix ends with the separator; prefix + name is the path as read). A third of the JSON to parse.
 */
type FileGroup = (string | number)[];
interface StoredInputs extends Omit<Inputs, 'files'> {
  files: FileGroup[];
}
interface Meta {
  key: string;
  inputs: StoredInputs;
  code: number;
  /** What the run said on stderr: the exit status (--max-warnings), the loose-metadata note. */
  why: string;
}

/** What a hit prints. */
export interface CachedOutput {
  code: number;
  stdout: string;
  why: string;
  /** The output as read from the file (written as is; `stdout` decodes it only when asked). */
  stdoutBytes?: Uint8Array;
}

function sig(p: string): FileSig {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  return st ? [p, st.size, st.mtimeMs] : [p, -1, -1];
}

/** The content signature of bytes read (undefined: could not be read). */
function contentSig(p: string, data: Uint8Array | undefined): FileSig {
  return data ? [p, data.byteLength, sha(data)] : [p, -1, -1];
}

/** The content signature of a folder's listing as the host gives it. */
function listingSig(p: string, entries: DirEntry[] | undefined): FileSig {
  if (!entries) return [p, -1, -1];
  const names = entries.map((e) => `${e.isDirectory ? 'd' : e.isFile ? 'f' : 'o'}${e.name}`).sort();
  return [p, names.length, sha(Buffer.from(names.join('\0'), 'utf8'))];
}

/** A path signed now, as the strategy signs it. */
function signNow(p: string, kind: 'file' | 'dir', strategy: CacheStrategy, host: FsHost): FileSig {
  if (strategy === 'metadata') return sig(p);
  return kind === 'file' ? contentSig(p, host.readFile(p)) : listingSig(p, host.readDir(p));
}

/** A host that records what was read, listed and probed (for the cache's signature). */
export class RecordingHost implements FsHost {
  private readonly files = new Map<string, FileSig>();
  private readonly dirs = new Map<string, FileSig>();
  private readonly probes = new Map<string, [string, ProbeKind, string | boolean | null]>();
  constructor(
    private readonly base: FsHost,
    private readonly strategy: CacheStrategy = 'metadata',
  ) {}
  readFile(p: string): Uint8Array | undefined {
    if (this.strategy === 'content') {
      // Signed from the very bytes the check reads.
      const data = this.base.readFile(p);
      if (!this.files.has(p)) this.files.set(p, contentSig(p, data));
      return data;
    }
    // Stat first: a write after the read then shows as a changed signature next time. A host that
    // reads with the stat of the opened file saves the second stat.
    if (this.files.has(p)) return this.base.readFile(p);
    const r = this.base.readFileWithStat?.(p);
    if (r) {
      this.files.set(p, [p, r.size, r.mtimeMs]);
      return r.data;
    }
    this.files.set(p, sig(p));
    return this.base.readFile(p);
  }
  readDir(p: string): DirEntry[] | undefined {
    if (this.strategy === 'content') {
      const entries = this.base.readDir(p);
      if (!this.dirs.has(p)) this.dirs.set(p, listingSig(p, entries));
      return entries;
    }
    if (!this.dirs.has(p)) this.dirs.set(p, sig(p));
    return this.base.readDir(p);
  }
  private probe<T extends string | boolean | undefined>(p: string, kind: ProbeKind, answer: T): T {
    this.probes.set(`${kind}\0${p}`, [p, kind, answer ?? null]);
    return answer;
  }
  isFile(p: string): boolean {
    return this.probe(p, 'isFile', this.base.isFile(p));
  }
  isDirectory(p: string): boolean {
    return this.probe(p, 'isDirectory', this.base.isDirectory(p));
  }
  exists(p: string): boolean {
    return this.probe(p, 'exists', this.base.exists(p));
  }
  realpath(p: string): string | undefined {
    return this.probe(p, 'realpath', this.base.realpath(p));
  }
  writeFile(p: string, d: Uint8Array): void {
    this.base.writeFile(p, d);
  }
  deleteFile(p: string): void {
    this.base.deleteFile(p);
  }
  rename(a: string, b: string): void {
    this.base.rename(a, b);
  }
  /**
   * Start from a prior run's inputs, signed as they are now (check --cache re-checking some files):
   * files it does not read again stay inputs, with the signature taken before anything was read.
   */
  seed(inputs: Inputs): void {
    for (const f of inputs.files) this.files.set(f[0], f);
    for (const d of inputs.dirs) this.dirs.set(d[0], d);
    for (const x of inputs.probes) this.probes.set(`${x[1]}\0${x[0]}`, x);
  }
  inputs(): Inputs {
    return { files: [...this.files.values()], dirs: [...this.dirs.values()], probes: [...this.probes.values()] };
  }
}

/** The key of everything but the inputs: version and settings. */
export function cacheKey(version: string, settings: unknown): string {
  return createHash('sha256').update(JSON.stringify({ version, settings })).digest('hex');
}

/** How often the cache answered, how often it did not, and how often a miss re-checked only what changed (for tests). */
export const cacheStats = { hits: 0, misses: 0, partial: 0 };

/**
 * The body's checksum: it tells a file cut short, written over by two runs at once or edited by
 * hand from the one we wrote, not a forgery (whoever can write the file can write the output). SHA-1
 * hashes the 8 MB of the bench tree's cache in 5 ms where SHA-256 takes 19 ms here (format 4;
 * format 3 used SHA-256).
 */
const sha = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');
const NL = 10;

/**
 * What the cache file can give: the output, if the file is ours, intact, for this key, and every
 * input is unchanged; else, when only the contents of some files changed (no folder listed,
 * no probe answered otherwise), the last run's per-file state and those files (cli/cacheState.ts).
 */
export type CacheLookup = { hit: CachedOutput } | { prior: PriorRun; inputs: Inputs } | undefined;

export function readCache(file: string, key: string, host: FsHost, strategy: CacheStrategy = 'metadata'): CacheLookup {
  const out = lookup(file, key, host, strategy);
  if (out && 'hit' in out) cacheStats.hits++;
  else cacheStats.misses++;
  return out;
}

function lookup(file: string, key: string, host: FsHost, strategy: CacheStrategy): CacheLookup {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  let meta: Meta;
  let state: Buffer;
  let output: Buffer;
  try {
    const headerEnd = bytes.indexOf(NL);
    if (headerEnd < 0) return undefined;
    const header = JSON.parse(bytes.subarray(0, headerEnd).toString('utf8')) as unknown;
    if (!isObject(header) || header.format !== FORMAT || header.formatVersion !== FORMAT_VERSION || typeof header.sha1 !== 'string') return undefined;
    const body = bytes.subarray(headerEnd + 1);
    if (sha(body) !== header.sha1) return undefined;
    const metaEnd = body.indexOf(NL);
    if (metaEnd < 0) return undefined;
    meta = JSON.parse(body.subarray(0, metaEnd).toString('utf8')) as Meta;
    const stateEnd = body.indexOf(NL, metaEnd + 1);
    if (stateEnd < 0) return undefined;
    state = body.subarray(metaEnd + 1, stateEnd);
    output = body.subarray(stateEnd + 1);
  } catch {
    return undefined;
  }
  if (!isObject(meta) || meta.key !== key || !isObject(meta.inputs) || typeof meta.code !== 'number' || typeof meta.why !== 'string') return undefined;
  const { files, dirs, probes } = meta.inputs;
  if (!Array.isArray(files) || !Array.isArray(dirs) || !Array.isArray(probes)) return undefined;
  const changed: string[] = [];
  const signed: FileSig[] = [];
  for (const g of files) {
    if (!Array.isArray(g) || typeof g[0] !== 'string' || g.length % 3 !== 1) return undefined;
    const prefix = g[0];
    for (let i = 1; i < g.length; i += 3) {
      const name = g[i];
      if (typeof name !== 'string') return undefined;
      const now = signNow(prefix + name, 'file', strategy, host);
      signed.push(now);
      if (now[1] !== g[i + 1] || now[2] !== g[i + 2]) changed.push(now[0]);
    }
  }
  for (const [p, size, stamp] of dirs) {
    const now = signNow(p, 'dir', strategy, host);
    if (now[1] !== size || now[2] !== stamp) return undefined;
  }
  for (const [p, kind, answer] of probes) {
    const now = kind === 'isFile' ? host.isFile(p) : kind === 'isDirectory' ? host.isDirectory(p) : kind === 'exists' ? host.exists(p) : (host.realpath(p) ?? null);
    if (now !== answer) return undefined;
  }
  if (changed.length) {
    let projects: StoredProject[] | undefined;
    try {
      projects = decodeProjects(JSON.parse(state.toString('utf8')));
    } catch {
      return undefined;
    }
    return projects ? { prior: { projects, changed }, inputs: { files: signed, dirs, probes } } : undefined;
  }
  let text: string | undefined;
  const hit: CachedOutput = {
    code: meta.code,
    why: meta.why,
    stdoutBytes: output,
    get stdout() {
      return (text ??= output.toString('utf8'));
    },
  };
  return { hit };
}

/** Write the cache (best effort: a read-only folder only costs the next run its speed). */
export function writeCache(file: string, key: string, inputs: Inputs, projects: StoredProject[], result: CachedOutput, strategy: CacheStrategy = 'metadata', host: FsHost = nodeFsHost): string | undefined {
  try {
    // The cache file, and the folders made for it, may sit in a folder the check listed (the
    // project root): create them first, then sign the folders that gained an entry, and write the
    // content in place (which leaves the folder's mtime alone), so the cache's own appearance does
    // not invalidate it. No rule lists a file of that name.
    const dir = path.dirname(file);
    const made = fs.mkdirSync(dir, { recursive: true });
    if (!fs.existsSync(file)) fs.writeFileSync(file, '');
    const grown = new Set([dir, ...(made ? [path.dirname(made)] : [])]);
    const dirs = inputs.dirs.map((d) => (grown.has(d[0]) ? signNow(d[0], 'dir', strategy, host) : d));
    const meta: Meta = { key, inputs: { files: groupByFolder(inputs.files), dirs, probes: inputs.probes }, code: result.code, why: result.why };
    // The body's parts are hashed and written one after the other: joined, they were two more
    // copies of the output (9 MB on the bench tree) made and dropped, 50 ms or more of copying.
    const body = [Buffer.from(JSON.stringify(meta) + '\n', 'utf8'), Buffer.from(JSON.stringify(projects) + '\n', 'utf8'), result.stdoutBytes ?? Buffer.from(result.stdout, 'utf8')];
    const hash = createHash('sha1');
    for (const b of body) hash.update(b);
    const header = Buffer.from(JSON.stringify({ format: FORMAT, formatVersion: FORMAT_VERSION, sha1: hash.digest('hex') }) + '\n', 'utf8');
    writeAll(file, [header, ...body]);
    return undefined;
  } catch (e) {
    return `could not write the cache file ${file}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Write the buffers as the file's whole content, in order (one writev where the system takes it all). */
function writeAll(file: string, parts: Uint8Array[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    const rest = parts.filter((b) => b.byteLength > 0);
    while (rest.length) {
      let n = fs.writevSync(fd, rest);
      // A short write: drop what went out, go on from the rest.
      while (rest.length && n >= rest[0]!.byteLength) n -= rest.shift()!.byteLength;
      if (n > 0) rest[0] = rest[0]!.subarray(n);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
