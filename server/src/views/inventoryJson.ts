/** The inventory entry of each file, as `--format json` and the UI show it. */
import { toPosixRelative } from '../project/fsHost';
import type { ProjectView } from '../model/types';

export interface InventoryFileJson {
  path: string;
  type: string | null;
  packageDirectory: string | null;
  app: string | null;
  included: boolean;
}

export function inventoryJson(project: ProjectView, base = project.root): InventoryFileJson[] {
  return [...project.files()]
    .map((f) => ({
      path: toPosixRelative(base, f.path),
      type: f.type?.name ?? null,
      packageDirectory: f.packageDir?.relPath ?? null,
      app: f.appName ?? null,
      included: f.included,
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
