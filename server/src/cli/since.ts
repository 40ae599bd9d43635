/**
 * `check --since REF`: each project's baseline snapshot at REF, read with git before the engine
 * runs (cli/baseline.ts), then handed to it in EngineOptions.baseline. The engine and the rules
 * stay git-free; packaged-component-removed is an ordinary rule of the registry.
 */
import { GitError } from '../project/gitTree';
import type { EngineOptions } from '../engine';
import type { Baseline } from '../project/releaseSnapshot';
import { baselineAt } from './baseline';

/** The engine options for each project root, or why REF can't be read (exit 2). */
export function withBaseline(roots: readonly string[], since: string | undefined, options: EngineOptions): { options(root: string): EngineOptions } | { error: string } {
  if (since === undefined) return { options: () => options };
  const byRoot = new Map<string, Baseline>();
  try {
    for (const root of roots) byRoot.set(root, baselineAt(root, since));
  } catch (e) {
    if (e instanceof GitError) return { error: `--since ${since}: ${e.message}` };
    throw e;
  }
  return { options: (root) => ({ ...options, baseline: byRoot.get(root) }) };
}
