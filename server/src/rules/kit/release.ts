/**
 * The release checks of rules `packaged-component-removed` and `org-scoped-app-not-dev-hub`, pure
 * over plain snapshots (project/releaseSnapshot.ts), and the snapshot of a project view. Shared by
 * the rules and by `eca-lens preview` (views/preview.ts re-exports them). Never reads the disk or
 * runs git: a baseline snapshot comes in through EngineOptions.baseline.
 */
import { createHash } from 'node:crypto';
import type { XmlElement } from '../../metadata/parse';
import type { TextFile } from '../../util/text';
import type { EcaFile, ProjectView } from '../../model/types';
import { toPosixRelative } from '../../project/fsHost';
import type { ProjectSnapshot, SnapshotFile, SnapshotPackage, XmlField } from '../../project/releaseSnapshot';

export type { Baseline, ProjectSnapshot, SnapshotFile, SnapshotPackage, XmlField } from '../../project/releaseSnapshot';

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

/** Fields the release checks read; nothing else is copied out of a file. */
const FIELDS = ['distributionState', 'orgScopedExternalApp', 'oauthLink', 'label'];

/** A text child's trimmed value with the offsets of that value. */
export function fieldOf(text: string, root: XmlElement | undefined, name: string): XmlField | undefined {
  const el = root?.children.find((c) => c.name === name);
  if (!el) return undefined;
  const raw = text.slice(el.contentStart, el.contentEnd);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  return { value: el.text, start: el.contentStart + lead, end: el.contentStart + lead + trimmed.length };
}

/** Does the file go into its package's next version? Included by SDR and a packageable type. */
export function shipsInPackage(f: EcaFile): boolean {
  return !!f.included && !!f.packageDir?.package && !!f.type && (f.type.packageable === 'yes' || f.type.packageable === 'unconfirmed');
}

/**
 * The snapshot of a project view. `digest` fingerprints a file (default: sha-256 of its decoded
 * text; views/snapshot.ts hashes the bytes); `textOf` gives sfdx-project.json's text.
 */
export function snapshotOfView(project: ProjectView, textOf: (p: string) => TextFile | undefined, digest?: (f: EcaFile) => string): ProjectSnapshot {
  const rel = (p: string) => toPosixRelative(project.root, p);
  const projectText = textOf(project.projectFilePath)?.text ?? '';
  const packages: SnapshotPackage[] = [];
  for (const d of project.config.packageDirectories) {
    if (!d.package) continue;
    const m = new RegExp(`"package"\\s*:\\s*"(${escapeRe(d.package)})"`).exec(projectText);
    const start = m ? m.index + m[0].length - 1 - d.package.length : undefined;
    packages.push({ packageDirectory: d.relPath, package: d.package, ...(start !== undefined ? { span: { start, end: start + d.package.length } } : {}) });
  }
  const hash = digest ?? ((f: EcaFile) => createHash('sha256').update(f.doc?.text ?? '').digest('hex'));
  const files: SnapshotFile[] = [];
  for (const f of project.files()) {
    if (!f.type) continue;
    const root = f.xml?.root;
    const text = f.doc?.text ?? '';
    const fields: Record<string, XmlField> = {};
    for (const n of FIELDS) {
      const v = fieldOf(text, root, n);
      if (v) fields[n] = v;
    }
    const line = f.exclusion?.info.line;
    files.push({
      path: rel(f.path),
      type: f.type.name,
      fullName: f.fullName,
      app: f.appName ?? null,
      packageDirectory: f.packageDir?.relPath ?? null,
      package: f.packageDir?.package ?? null,
      ships: shipsInPackage(f),
      digest: hash(f),
      rootSpan: root ? { start: root.start + 1, end: root.start + 1 + root.name.length } : { start: 0, end: 0 },
      fields,
      ...(f.exclusion && line ? { exclusion: { path: rel(f.exclusion.forceIgnore.path), line: line.line, text: line.text, start: line.start, end: line.end } } : {}),
    });
  }
  files.sort(byPath);
  return { projectFile: rel(project.projectFilePath), packages, files };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
