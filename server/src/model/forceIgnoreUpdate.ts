/**
 * A `.forceignore` changed, appeared or vanished (model/workspace.ts): recompute the verdicts of the
 * files of the package directories it may govern, only for lines that changed when it was edited.
 */
import * as path from 'node:path';
import type { FsHost } from '../project/fsHost';
import type { ForceIgnoreFile } from '../project/forceIgnore';
import type { PackageDirectory, SfdxProjectConfig } from '../project/sfdxProject';
import { isInside } from '../project/discover';
import type { EcaFile } from './types';
import type { ChangeResult } from './options';
import { lineDiff, sameExclusion } from './forceIgnoreDiff';
import { withVerdict } from './ecaFile';
import { exclusionInfoIn } from './verdict';

/** What of the model the update reads and writes. */
export interface ForceIgnoreUpdateModel {
  host: FsHost;
  config: SfdxProjectConfig;
  fiFiles: Map<string, ForceIgnoreFile | null>;
  governing: Map<string, string | undefined>;
  files: Iterable<EcaFile>;
  appFiles(appName: string): Iterable<string>;
  load(p: string): ForceIgnoreFile | undefined;
  governingFor(d: PackageDirectory): ForceIgnoreFile | undefined;
  verdict(f: EcaFile): Pick<EcaFile, 'included' | 'exclusion'>;
  replace(f: EcaFile): void;
}

export function updateForceIgnore(abs: string, m: ForceIgnoreUpdateModel): ChangeResult {
  const affected = new Set<string>([abs]);
  const verdictOnly = new Set<string>();
  const touch = (p: string) => {
    affected.add(p);
    if (p !== abs) verdictOnly.add(p);
  };
  const existed = m.fiFiles.get(abs);
  if (m.host.isFile(abs)) m.load(abs);
  else if (existed !== undefined) m.fiFiles.set(abs, null);
  // Which package directories' governing file may change: those at or below its folder.
  const dir = path.dirname(abs);
  let inventoryChanged = false;
  const dirs = m.config.packageDirectories.filter((d) => d.absPath === dir || isInside(dir, d.absPath));
  for (const d of dirs) m.governing.delete(d.absPath);
  for (const d of dirs) m.governingFor(d);
  const now = m.fiFiles.get(abs);
  // An edit (the file existed and still does): only lines between the unchanged head and tail of
  // the file changed, and only a file that one of those lines matches can change its verdict.
  const diff = existed && now ? lineDiff(existed, now) : undefined;
  for (const f of m.files) {
    if (!f.packageDir || !dirs.includes(f.packageDir)) continue;
    if (diff && m.governingFor(f.packageDir) !== now && f.exclusion?.forceIgnore.path !== abs) continue; // governed by another file
    // No changed line matches the file: its verdict stands, and its exclusion (a LiveExclusion,
    // model/verdict.ts) follows the new file by itself, the excluding line worked out when asked.
    // Nothing to do: an edit of a big .forceignore leaves thousands of excluded files untouched.
    if (diff && !diff.touches(f.path)) continue;
    const v = m.verdict(f);
    // The old excluding line is worked out only when the verdict itself stands (a folder going in
    // or out of the build flips a thousand verdicts: no line to explain for any of them).
    const changed =
      v.included !== f.included ||
      v.exclusion?.forceIgnore.path !== f.exclusion?.forceIgnore.path ||
      !sameExclusion(v.exclusion?.info, f.exclusion ? exclusionInfoIn(f.exclusion, existed ?? undefined) : undefined);
    if (changed) {
      inventoryChanged ||= v.included !== f.included;
      m.replace(withVerdict(f, v));
      touch(f.path);
      // Rules that look at the app (e.g. a header excluded) re-check the app's files too. A
      // policy or global-settings file going in or out of the build changes only its own findings.
      if (f.appName && f.type && f.type.packageable !== 'no') for (const p of m.appFiles(f.appName)) touch(p);
    }
  }
  return { affected, inventoryChanged, verdictOnly };
}
