/**
 * The release preview, as plain data: what each packaged directory's next version will contain
 * (the same verdict as `check`: included by SDR and `.forceignore`, and a type that can be
 * packaged), what changed against a released revision, and the pure checks of the future rules
 * `packaged-component-removed` and `org-scoped-app-not-dev-hub`.
 *
 * Pure: the inputs are snapshots (views/snapshot.ts builds them from a project); nothing here
 * reads the disk or runs git.
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

/** A finding as plain data; the rule (or the CLI) adds the id and turns offsets into a range. */
export interface PlainFinding {
  severity: 'error' | 'warning';
  message: string;
  /** Relative to the project root. */
  path: string;
  start: number;
  end: number;
}

export const HEADER = 'ExternalClientApplication';
export const OAUTH_SETTINGS = 'ExtlClntAppOauthSettings';

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

const key = (f: SnapshotFile) => `${f.type}\u0000${f.fullName}`;
const LABEL: Record<string, string> = { [HEADER]: 'header', [OAUTH_SETTINGS]: 'OAuth settings' };
const WHY =
  'Components of a released managed package can\'t simply be removed: subscribers\' upgrades to the next version break.';

/**
 * Check of rule `packaged-component-removed`. Errors: a header or OAuth settings component
 * (type + fullName) that shipped in a package at `ref` no longer ships in that package (the file
 * was deleted, a `.forceignore` line now excludes it, or it moved out of the package directory).
 * Warnings: `distributionState` or `orgScopedExternalApp` of a header that ships in both changed.
 * A component whose file only moved within the package still ships: no finding.
 */
export function packagedComponentRemoved(current: ProjectSnapshot, since: ProjectSnapshot, ref: string): PlainFinding[] {
  const out: PlainFinding[] = [];
  for (const pkg of since.packages) {
    const nowByKey = new Map<string, SnapshotFile>();
    for (const f of current.files) if (f.ships && f.package === pkg.package) nowByKey.set(key(f), f);
    for (const old of since.files) {
      if (!old.ships || old.package !== pkg.package || (old.type !== HEADER && old.type !== OAUTH_SETTINGS)) continue;
      const what = `${old.type === HEADER ? 'The header' : 'The OAuth settings'} ${old.type === HEADER ? `of app "${old.fullName}"` : `"${old.fullName}"${old.app ? ` of app "${old.app}"` : ''}`}`;
      const now = nowByKey.get(key(old));
      if (now) {
        if (old.type === HEADER) out.push(...changedFields(old, now, ref));
        continue;
      }
      // Where is it now? The same path first, else the same component anywhere in the project.
      const cur = current.files.find((f) => f.path === old.path && key(f) === key(old)) ?? current.files.find((f) => key(f) === key(old));
      const shipped = `${what} (${old.path}) shipped in package "${pkg.package}" at ${ref}`;
      if (cur?.exclusion) {
        out.push({
          severity: 'error',
          message: `${shipped}, but this .forceignore line now excludes ${cur.path === old.path ? 'it' : cur.path} from the build. ${WHY} Remove or narrow the line so the ${LABEL[old.type]} ships again.`,
          path: cur.exclusion.path,
          start: cur.exclusion.start,
          end: cur.exclusion.end,
        });
      } else if (cur) {
        const where = cur.package ? `package "${cur.package}"` : cur.packageDirectory ? `"${cur.packageDirectory}", which is not packaged` : 'no package directory';
        out.push({
          severity: 'error',
          message: `${shipped}, but this file (${cur.path}) is now in ${where}${cur.ships || cur.package !== pkg.package ? '' : ' and does not ship'}. ${WHY} Move it back into "${pkg.packageDirectory}".`,
          path: cur.path,
          ...cur.rootSpan,
        });
      } else {
        const span = current.packages.find((p) => p.package === pkg.package)?.span ?? { start: 0, end: 0 };
        out.push({
          severity: 'error',
          message: `${shipped}, but the file was deleted. ${WHY} Restore it (git checkout ${ref} -- ${old.path}).`,
          path: current.projectFile,
          ...span,
        });
      }
    }
  }
  return out.sort((a, b) => byPath(a, b) || a.start - b.start);
}

function changedFields(old: SnapshotFile, now: SnapshotFile, ref: string): PlainFinding[] {
  const out: PlainFinding[] = [];
  for (const name of ['distributionState', 'orgScopedExternalApp']) {
    const a = old.fields[name]?.value;
    const b = now.fields[name];
    if (a === b?.value) continue;
    const show = (v: string | undefined) => (v === undefined || v === '' ? 'absent' : `"${v}"`);
    out.push({
      severity: 'warning',
      message:
        `${name} of packaged app "${now.fullName}" changed since ${ref} (${show(a)} → ${show(b?.value)}). Subscribers already run the released app as it was; ` +
        (name === 'distributionState'
          ? 'a released header must stay Packaged, or the next version can\'t be built or upgraded to.'
          : 'the org that owns the app must stay the same across versions, or subscribers\' upgrades fail.'),
      path: now.path,
      ...(b ? { start: b.start, end: b.end } : now.rootSpan),
    });
  }
  return out;
}

/** `00D...` org id at the start of `<OrgId>:<...>`, first 15 characters; undefined when not an org id. */
export function orgIdOf(value: string): string | undefined {
  const m = /^(00D[A-Za-z0-9]{12})(?:[A-Za-z0-9]{3})?:/.exec(value.trim());
  return m?.[1];
}

/**
 * Check of rule `org-scoped-app-not-dev-hub` for one header (`orgScopedExternalApp`) or OAuth
 * settings file (`oauthLink`): the org id in it (first 15 characters) is not the Dev Hub's.
 * Silent without a known Dev Hub id and for values that hold no org id (org-scoped-app-invalid
 * and oauth-link-invalid report those). Meant for files that ship in a package.
 */
export function orgScopedAppNotDevHub(file: Pick<SnapshotFile, 'path' | 'type' | 'fullName' | 'fields'>, devHubOrgId: string | undefined): PlainFinding[] {
  const hub = devHubOrgId?.trim().slice(0, 15);
  if (!hub || !/^00D[A-Za-z0-9]{12}$/.test(hub)) return [];
  const name = file.type === HEADER ? 'orgScopedExternalApp' : file.type === OAUTH_SETTINGS ? 'oauthLink' : undefined;
  const field = name ? file.fields[name] : undefined;
  if (!name || !field) return [];
  const org = orgIdOf(field.value);
  if (!org || org === hub) return [];
  return [
    {
      severity: 'warning',
      message:
        `The org in ${name} (${org}) is not the Dev Hub's (${hub}). A packaged app must be owned by the Dev Hub (or a persistent org with enablePackageEcaOauthFromDevOrg): ` +
        '"External client apps that are created in ephemeral orgs can\'t be packaged." Create the app in the Dev Hub, retrieve its header and OAuth settings, and package again.',
      path: file.path,
      start: field.start,
      end: field.start + org.length,
    },
  ];
}
