/**
 * Rule: packaged-component-removed
 *
 * Runs only when the adapter gave a baseline (`eca-lens check --since REF`: the CLI reads the tree
 * at REF through git and passes its snapshot in EngineOptions.baseline; the engine runs no git).
 * Error: a header or OAuth settings component that shipped in a package at REF no longer ships in
 * it (deleted, excluded by a `.forceignore` line, moved out of the package directory). Warning (same
 * id, per-finding severity): `distributionState` / `orgScopedExternalApp` of a released header
 * changed. The comparison is rules/kit/release.ts's, the same `eca-lens preview` reports.
 * No fix: restoring a file or a `.forceignore` verdict is the user's call.
 */
import * as path from 'node:path';
import { defineRule, packagedComponentRemoved, snapshotOfView } from './kit';

export const rule = defineRule({
  id: 'packaged-component-removed',
  severity: 'error',
  title: 'A header or OAuth settings component that shipped at --since REF no longer ships',
  scope: 'project',
  check(ctx) {
    const base = ctx.project.baseline();
    if (!base) return [];
    const now = snapshotOfView(ctx.project, ctx.textOf);
    return packagedComponentRemoved(now, base.snapshot, base.ref).map((x) =>
      ctx.finding({ start: x.start, end: x.end }, x.message, { severity: x.severity, path: path.join(ctx.project.root, ...x.path.split('/')) }),
    );
  },
});
