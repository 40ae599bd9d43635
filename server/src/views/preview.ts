/**
 * The release preview, as plain data: what each packaged directory's next version will contain
 * (the same verdict as `check`: included by SDR and `.forceignore`, and a type that can be
 * packaged), what changed against a released revision, and the pure checks of the future rules
 * `packaged-component-removed` and `org-scoped-app-not-dev-hub`.
 *
 * Pure: the inputs are snapshots (views/snapshot.ts builds them from a project); nothing here
 * reads the disk or runs git.
 */

import { type ProjectSnapshot, type SnapshotFile, type SnapshotPackage } from '../rules/kit/release';

export type { XmlField, SnapshotFile, SnapshotPackage, ProjectSnapshot } from '../project/releaseSnapshot';
export { HEADER, OAUTH_SETTINGS, packagedComponentRemoved, orgScopedAppNotDevHub, orgIdOf, type PlainFinding } from '../rules/kit/release';

export interface ShipEntry {
  path: string;
  type: string;
  app: string | null;
}
export type ChangeKind = 'added' | 'removed' | 'modified';
export interface ChangeEntry extends ShipEntry {
  change: ChangeKind;
}
export interface PackagePreview {
  packageDirectory: string;
  package: string;
  ships: ShipEntry[];
  changes: ChangeEntry[];
}

const byPath = <T extends { path: string }>(a: T, b: T) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
const entry = (f: SnapshotFile): ShipEntry => ({ path: f.path, type: f.type, app: f.app });

/** The files of `pkg` that ship, by path. */
function shipping(s: ProjectSnapshot, pkg: string): Map<string, SnapshotFile> {
  const m = new Map<string, SnapshotFile>();
  for (const f of s.files) if (f.ships && f.package === pkg) m.set(f.path, f);
  return m;
}

/**
 * Per package (the current ones in sfdx-project.json order, then those only `since` had): what
 * ships now and, when `since` is given, what was added, removed or modified against it.
 */
export function previewPackages(current: ProjectSnapshot, since?: ProjectSnapshot): PackagePreview[] {
  const pkgs: SnapshotPackage[] = [];
  const seen = new Set<string>();
  for (const p of [...current.packages, ...(since?.packages ?? [])]) {
    if (seen.has(p.package)) continue;
    seen.add(p.package);
    pkgs.push(p);
  }
  return pkgs.map((p) => {
    const now = shipping(current, p.package);
    const ships = [...now.values()].map(entry).sort(byPath);
    const changes: ChangeEntry[] = [];
    if (since) {
      const then = shipping(since, p.package);
      for (const [k, f] of now) {
        const old = then.get(k);
        if (!old) changes.push({ ...entry(f), change: 'added' });
        else if (old.digest !== f.digest) changes.push({ ...entry(f), change: 'modified' });
      }
      for (const [k, f] of then) if (!now.has(k)) changes.push({ ...entry(f), change: 'removed' });
      changes.sort(byPath);
    }
    return { packageDirectory: p.packageDirectory, package: p.package, ships, changes };
  });
}

