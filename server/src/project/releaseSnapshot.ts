/**
 * A project as plain data at one revision (the work tree, or a git revision read by GitTreeHost):
 * the packages and each ECA-family file with its build verdict and the few fields the release
 * checks read. Built by rules/kit/release.ts (snapshotOfView); compared by the rule
 * packaged-component-removed and by `eca-lens preview`. Types only: the model carries a baseline
 * snapshot (EngineOptions.baseline) without knowing rules or git.
 */

/** A text element's trimmed value and its offsets in the file. */
export interface XmlField {
  value: string;
  start: number;
  end: number;
}

export interface SnapshotFile {
  /** Relative to the project root, with `/`. */
  path: string;
  /** Metadata type name. */
  type: string;
  fullName: string;
  app: string | null;
  packageDirectory: string | null;
  /** The 2GP package of the file's directory; null when the directory is not packaged. */
  package: string | null;
  /** In the next package version built from this tree. */
  ships: boolean;
  /** Digest of the bytes ("modified" = the digests differ). */
  digest: string;
  /** Span of the root element's name (where a finding on the whole file sits). */
  rootSpan: { start: number; end: number };
  /** Fields the checks read (header: distributionState, orgScopedExternalApp; OAuth settings: oauthLink). */
  fields: Readonly<Record<string, XmlField>>;
  /** The `.forceignore` line that keeps the file out of the build, if one does. */
  exclusion?: { path: string; line: number; text: string; start: number; end: number };
}

export interface SnapshotPackage {
  packageDirectory: string;
  package: string;
  /** Offsets of the package name in sfdx-project.json, when found. */
  span?: { start: number; end: number };
}

export interface ProjectSnapshot {
  /** `sfdx-project.json`, relative to the project root. */
  projectFile: string;
  packages: readonly SnapshotPackage[];
  files: readonly SnapshotFile[];
}

/** The project as it was at a git revision: what `check --since REF` compares with. */
export interface Baseline {
  /** The revision as the user named it (for messages). */
  ref: string;
  snapshot: ProjectSnapshot;
}
