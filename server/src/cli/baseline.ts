/**
 * The project as it was at a git revision, as a plain snapshot: what `check --since REF` hands the
 * engine (EngineOptions.baseline, compared by rule packaged-component-removed) and what `preview`
 * compares with. Git stays here, in the adapter: the tree at REF is read through GitTreeHost (no
 * checkout) and indexed with no rules.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openProject } from '../engine';
import { GitTreeHost, gitTopLevel } from '../project/gitTree';
import type { Baseline } from '../project/releaseSnapshot';
import { snapshotOf } from '../views/snapshot';

/** Files worth reading from the revision in one batch. */
const WANTED = /(^|\/)(sfdx-project\.json|\.forceignore)$|\.(eca[A-Za-z]*|connectedApp)(-meta\.xml)?$/;

/** The snapshot of the project at `root` as of `ref`. Throws GitError (not a repository, unknown REF, no git). */
export function baselineAt(root: string, ref: string, top = gitTopLevel(root)): Baseline {
  const host = new GitTreeHost(top, ref, { preload: (p) => WANTED.test(p) });
  // The project's folder inside the revision: git reports the top level with symlinks resolved.
  const rel = path.relative(realpath(top), realpath(root));
  return { ref, snapshot: snapshotOf(openProject(path.join(host.topLevel, rel), host, { ruleSet: [] })) };
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
