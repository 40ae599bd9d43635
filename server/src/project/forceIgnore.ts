/**
 * `.forceignore` evaluated exactly as SDR's `ForceIgnore` does (SDR 12.3x–13.x):
 * - the `ignore` package at SDR's own major version (5.x), default options (case-insensitive);
 * - SDR's default patterns prepended, so user `!` lines can override them;
 * - paths tested relative to the `.forceignore`'s folder; a path outside it is never ignored;
 * - a path that is not a regular file is tested again with a trailing `/`;
 * - the applying file is the first `.forceignore` found searching upward from the package
 *   directory; files are never merged.
 * The differential test in test/sdr/ checks these answers against SDR itself.
 */
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { fastIgnores } from './fastIgnore';
import { TextFile } from '../util/text';

export const FORCEIGNORE = '.forceignore';

/** SDR's DEFAULT_IGNORE, in its order. */
export const SDR_DEFAULT_PATTERNS: readonly string[] = [
  '**/*.dup',
  '**/.*',
  '!.sf',
  '**/.sf/**',
  '!**/.sf/orgs',
  '!**/.sf/orgs/**',
  '**/.sf/orgs/*/**',
  '!**/.sf/orgs/*/remoteMetadata',
  '!**/.sf/orgs/*/remoteMetadata/**',
  '**/package2-descriptor.json',
  '**/package2-manifest.json',
];

/**
 * The text of a `.forceignore` exactly as SDR sees it: SDR reads the file with
 * `readFileSync(path, 'utf-8')`, which never fails. Invalid UTF-8 (a Latin-1 comment, a UTF-16 file
 * written by PowerShell) becomes U+FFFD and the other lines still apply; there is no size limit.
 * A UTF-8 BOM is kept as the `bom` flag (ForceIgnoreFile puts it back in front of the first line).
 */
export function decodeForceIgnore(bytes: Uint8Array): TextFile {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  return new TextFile(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), bom);
}

export interface ForceIgnoreLine {
  /** 0-based line number in the file. */
  readonly line: number;
  /** The line as written (no line break). */
  readonly text: string;
  /** Offsets of the line in the file text. */
  readonly start: number;
  readonly end: number;
  /** false for blank lines and comments. */
  readonly isPattern: boolean;
  readonly negated: boolean;
  /** Pattern without `!` and without trailing spaces (as `ignore` trims them). */
  readonly pattern: string;
  /** Part of a line left out of matching (see ForceIgnoreFile.problems): rules leave it alone. */
  readonly skipped: boolean;
}

/**
 * Lines longer than this are not evaluated: the `ignore` library's regular expressions grow
 * super-linearly with a pattern's length (a 1 KB run of `**\/` takes 0.4 s per path tested), so a
 * huge line could stall the engine. The sf CLI does evaluate them (slowly); no real pattern is this long.
 */
export const MAX_PATTERN_CHARS = 1024;

/** A `.forceignore` line that ECA Lens leaves out of matching (the forceignore-invalid-pattern rule reports it). */
export interface ForceIgnoreProblem {
  /** Offsets of the line in the file text (no line break). */
  readonly start: number;
  readonly end: number;
  readonly kind: 'invalid' | 'too-long';
  /** For `invalid`: the error the `ignore` library throws (and the sf CLI fails with). */
  readonly error?: string;
}

export interface Exclusion {
  /** The user line that excludes the path; undefined when an SDR default pattern does. */
  line?: ForceIgnoreLine;
  defaultPattern?: string;
}

export class ForceIgnoreFile {
  readonly dir: string;
  readonly lines: readonly ForceIgnoreLine[];
  /** Lines left out of matching: the `ignore` library throws on them (so SDR fails), or too long to evaluate. */
  readonly problems: readonly ForceIgnoreProblem[];
  private ig: Ignore;
  /** `ig.ignores`, answered faster (project/fastIgnore.ts); made on first use, after every line is added. */
  private matcher: ((rel: string) => boolean) | undefined;
  /** `dir` with a trailing separator (made once: `relative` runs for every file of the project). */
  private prefix: string | undefined;
  /** Each line's own matcher (lineMatches), by line number. */
  private readonly single = new Map<number, (rel: string) => boolean>();
  /** The pieces `ig` was built from (forgetMatches() builds it again). */
  private readonly pieces: string[] = [];

  constructor(
    readonly path: string,
    readonly file: TextFile,
  ) {
    this.dir = path_dirname(this.path);
    // SDR reads the file as a utf-8 string, which keeps a BOM as U+FEFF at the start of the first line.
    const contents = (file.bom ? '\uFEFF' : '') + file.text;
    // SDR passes the whole text to one `add`, which throws (and the sf CLI fails) on a line whose
    // pattern is no valid regular expression. Lines go in one by one, split as `ignore` splits them
    // (on \n, an optional \r before it): the same rules in the same order, so valid files match
    // exactly as in SDR, and a line that throws is left out and reported.
    this.ig = ignore().add(SDR_DEFAULT_PATTERNS.join('\n'));
    const problems: ForceIgnoreProblem[] = [];
    const shift = file.bom ? 1 : 0;
    const split = /\r?\n/g;
    for (let from = 0; from <= contents.length; ) {
      split.lastIndex = from;
      const m = split.exec(contents);
      const to = m ? m.index : contents.length;
      const piece = contents.slice(from, to);
      const at = { start: Math.max(0, from - shift), end: Math.max(0, to - shift) };
      if (piece.length > MAX_PATTERN_CHARS) problems.push({ ...at, kind: 'too-long' });
      else {
        try {
          this.ig.add(piece);
          this.pieces.push(piece);
        } catch (e) {
          problems.push({ ...at, kind: 'invalid', error: e instanceof Error ? e.message : String(e) });
        }
      }
      if (!m) break;
      from = to + m[0].length;
    }
    this.problems = problems;
    const lines: ForceIgnoreLine[] = [];
    for (let i = 0; i < file.lineCount; i++) {
      const { start, end } = file.lineSpan(i);
      const text = file.text.slice(start, end);
      const t = (i === 0 && file.bom ? '\uFEFF' : '') + text;
      const trimmedEnd = t.replace(/(?<!\\)\s+$/, '');
      const isPattern = trimmedEnd.trim() !== '' && !trimmedEnd.startsWith('#');
      const negated = isPattern && trimmedEnd.startsWith('!');
      const skipped = problems.some((p) => p.start <= end && start <= p.end);
      lines.push({ line: i, text, start, end, isPattern, negated, pattern: negated ? trimmedEnd.slice(1) : trimmedEnd, skipped });
    }
    this.lines = lines;
  }

  /**
   * Drop what the matchers remember: `ignore` keeps the answer for every path it was asked about
   * (on the bench tree 18,000 paths after the first index, about 2 MB). Answers stay the same:
   * the matchers are built again from the same pieces.
   */
  forgetMatches(): void {
    const ig = ignore().add(SDR_DEFAULT_PATTERNS.join('\n'));
    for (const piece of this.pieces) ig.add(piece);
    this.ig = ig;
    this.matcher = undefined;
    this.single.clear();
  }

  /** Path relative to this file's folder, or undefined when outside it (never ignored). */
  relative(absPath: string): string | undefined {
    const prefix = (this.prefix ??= this.dir.endsWith(path.sep) ? this.dir : this.dir + path.sep);
    if (absPath.startsWith(prefix) && !absPath.includes(`${path.sep}..`) && !absPath.includes(`${path.sep}.${path.sep}`)) {
      const rest = absPath.slice(prefix.length);
      if (rest && !rest.endsWith(path.sep)) return path.sep === '/' ? rest : rest.split(path.sep).join('/');
    }
    const rel = path.relative(this.dir, absPath);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  /** SDR's `ForceIgnore.denies`. `isFile` false retries with a trailing slash, as SDR does for non-files. */
  denies(absPath: string, isFile = true): boolean {
    const rel = this.relative(absPath);
    if (rel === undefined) return false;
    const m = (this.matcher ??= fastIgnores(this.ig));
    return m(rel) || (!isFile && m(`${rel}/`));
  }

  /** Which line excludes a path that `denies` says is excluded. */
  explain(absPath: string, isFile = true): Exclusion | undefined {
    const rel = this.relative(absPath);
    if (rel === undefined || !this.denies(absPath, isFile)) return undefined;
    for (let i = this.lines.length - 1; i >= 0; i--) {
      const l = this.lines[i]!;
      if (!l.isPattern || l.negated) continue;
      if (this.lineMatches(l, rel, isFile)) return { line: l };
    }
    for (let i = SDR_DEFAULT_PATTERNS.length - 1; i >= 0; i--) {
      const p = SDR_DEFAULT_PATTERNS[i]!;
      if (p.startsWith('!')) continue;
      if (matchOne(fastIgnores(ignore().add(p)), rel, isFile)) return { defaultPattern: p };
    }
    return {};
  }

  /** Does this one line, on its own (negation dropped), match the path or one of its parent folders? */
  lineMatches(l: ForceIgnoreLine, rel: string, isFile = true): boolean {
    let m = this.single.get(l.line);
    if (!m) {
      let ig = ignore();
      // A line `ignore` throws on, or one too long to evaluate, matches nothing here.
      if (l.pattern.length <= MAX_PATTERN_CHARS) {
        try {
          ig.add(l.pattern);
        } catch {
          ig = ignore();
        }
      }
      this.single.set(l.line, (m = fastIgnores(ig)));
    }
    return matchOne(m, rel, isFile);
  }
}

function matchOne(m: (rel: string) => boolean, rel: string, isFile: boolean): boolean {
  return m(rel) || (!isFile && m(`${rel}/`));
}

function path_dirname(p: string): string {
  return path.dirname(p);
}

/**
 * SDR's `searchUp`: the first `.forceignore` at `start` or any ancestor, up to the filesystem root.
 */
export function findForceIgnorePath(start: string, exists: (p: string) => boolean): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, FORCEIGNORE);
    if (exists(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
