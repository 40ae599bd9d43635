/**
 * Project → plain snapshot for the preview and the release checks (rules/kit/release.ts). Reads
 * only through the engine's front door (an opened EcaProject and its host); never a secret field.
 * The digest is of the file's bytes (a re-encoding counts as a modification).
 */
import { createHash } from 'node:crypto';
import type { EcaProject } from '../engine';
import { snapshotOfView } from '../rules/kit/release';
import type { ProjectSnapshot } from '../project/releaseSnapshot';

export { fieldOf, shipsInPackage } from '../rules/kit/release';

export type ProjectFile = EcaProject['files'] extends () => Iterable<infer T> ? T : never;

export function snapshotOf(project: EcaProject): ProjectSnapshot {
  return snapshotOfView(project, (p) => project.textOf(p), (f) => createHash('sha256').update(project.host.readFile(f.path) ?? new Uint8Array()).digest('hex'));
}
