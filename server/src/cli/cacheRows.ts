/**
 * What the cache file stores of a project's state, in the shape it is stored: the types, the
 * grouping of paths by folder, and the check that a stored state has that shape (a cache file is
 * read, never trusted). No import of the engine: the CLI's entry reads the cache before it loads
 * the engine (cli/cacheRequest.ts), and a hit never loads it.
 */
import type { Severity } from '../rules/kit';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
/** Numbers per stored finding: rule (into `strings`), severity, message (into `strings`), range (4), fixable. */
export const PER_FINDING = 8;

/**
 * A project's state as stored (a line of JSON; shared strings once, paths grouped by folder).
 * `apps`: every ECA file of the index, `[folder/, name, app or 0, included 0|1, name, …]`.
 * `checked`: each path with findings, `[path, …PER_FINDING numbers per finding]`.
 */
export interface StoredProject {
  root: string;
  apps: (string | number)[][];
  strings: string[];
  checked: (string | number)[][];
  /** The paths the project-scope rules reported in. */
  projectPaths: string[];
  /** Files outside the index that the rules read, in this run or (not re-checked since) an earlier one. */
  reads: string[];
}

/**
 * Rows `[path, …values]` grouped by folder, as the cache stores paths: `[folder/, name, …values,
 * name, …values]` (the folder ends with its separator; folder + name is the path as given).
 */
export function groupByFolder(rows: Iterable<readonly [string, ...(string | number)[]]>): (string | number)[][] {
  const byPrefix = new Map<string, (string | number)[]>();
  // Rows mostly come folder by folder: the last folder's group is tried first (no prefix sliced
  // and looked up per row), and no row is copied into a rest array.
  let lastPrefix = '';
  let last: (string | number)[] | undefined;
  for (const row of rows) {
    const p = row[0];
    const cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1;
    let g = last;
    if (!g || cut !== lastPrefix.length || !p.startsWith(lastPrefix)) {
      lastPrefix = p.slice(0, cut);
      g = byPrefix.get(lastPrefix);
      if (!g) byPrefix.set(lastPrefix, (g = [lastPrefix]));
      last = g;
    }
    g.push(p.slice(cut));
    for (let i = 1; i < row.length; i++) g.push(row[i]!);
  }
  return [...byPrefix.values()];
}

/** The stored projects, if `x` has their shape (a cache file is read, never trusted). */
export function decodeProjects(x: unknown): StoredProject[] | undefined {
  if (!Array.isArray(x)) return undefined;
  const str = (v: unknown): v is string => typeof v === 'string';
  const nat = (v: unknown, below: number) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < below;
  for (const p of x as StoredProject[]) {
    if (typeof p !== 'object' || p === null || !str(p.root) || ![p.apps, p.strings, p.checked, p.projectPaths, p.reads].every(Array.isArray)) return undefined;
    if (!p.strings.every(str) || !p.projectPaths.every(str) || !p.reads.every(str)) return undefined;
    for (const g of p.apps) {
      if (!Array.isArray(g) || g.length % 3 !== 1 || !str(g[0])) return undefined;
      for (let i = 1; i < g.length; i += 3) if (!str(g[i]) || (g[i + 1] !== 0 && !str(g[i + 1])) || !nat(g[i + 2], 2)) return undefined;
    }
    for (const c of p.checked) {
      if (!Array.isArray(c) || c.length % PER_FINDING !== 1 || !str(c[0])) return undefined;
      for (let i = 1; i < c.length; i += PER_FINDING) {
        const n = p.strings.length;
        if (!nat(c[i], n) || !nat(c[i + 1], SEVERITIES.length) || !nat(c[i + 2], n) || !c.slice(i + 3, i + 7).every((v) => nat(v, 2 ** 31)) || !nat(c[i + 7], 2)) return undefined;
      }
    }
  }
  return x as StoredProject[];
}
