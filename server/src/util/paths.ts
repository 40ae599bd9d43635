/**
 * Path tests on hot paths (a cold check asks them hundreds of thousands of times). POSIX paths
 * that are absolute and normalised take a string fast path; anything else (Windows, `.` or `..`
 * segments, doubled or trailing separators) goes through `path.relative` as before.
 */
import * as path from 'node:path';

const DOT_OR_EMPTY_SEGMENT = /\/\.\.?(?:\/|$)|\/\//;
/** An absolute, normalised POSIX path (the string fast paths apply). */
export const plain = (s: string) => path.sep === '/' && s.charCodeAt(0) === 47 && (s.length === 1 || (s.charCodeAt(s.length - 1) !== 47 && !DOT_OR_EMPTY_SEGMENT.test(s)));

/** `p` is strictly below `dir`. */
export function isInside(dir: string, p: string): boolean {
  if (plain(dir) && plain(p)) return p.length > dir.length && p.startsWith(dir) && (dir === '/' || p[dir.length] === '/');
  const rel = path.relative(dir, p);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** `p` relative to `dir` with forward slashes ('' when equal). */
export function posixRelative(dir: string, p: string): string {
  if (plain(dir) && plain(p)) {
    if (p === dir) return '';
    if (isInside(dir, p)) return p.slice(dir === '/' ? 1 : dir.length + 1);
  }
  return path.relative(dir, p).split(path.sep).join('/');
}

/**
 * `path.join(dir, name)` for one entry name: plain string concatenation when `dir` is a plain
 * POSIX path and `name` a plain name (what join gives then, without normalising the whole path
 * again: the cold walk joins 25,000 entries); path.join for anything else.
 */
export function childPath(dir: string, name: string): string {
  if (plain(dir) && name !== '' && name !== '.' && name !== '..' && !name.includes('/')) return dir === '/' ? `/${name}` : `${dir}/${name}`;
  return path.join(dir, name);
}
