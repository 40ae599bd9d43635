/**
 * The "External Client Apps" tree as plain data, built from `ecaLens/inventory`:
 * (project →) package directory → app → one row per file, labelled with its type's plain name and
 * described by its build state, then one row per hazard. No vscode import: unit-tested as is.
 */
import { appFindings, type AppInventory, type AppPostureView, type FileInventory, type FindingSummary, type InventoryResult, type PostureSettingView, type ProjectInventory } from '../../../server/src/shared/protocol';
import { ECA_TYPES, HEADER_TYPE, OAUTH_SETTINGS_TYPE } from '../../../server/src/shared/ecaTypes';
import { cmp, countLabel, ICON_COLORS, md, plural, type Row, severityIcon, shortMessage, sortFindings, worstSeverity } from './rows';

export type InventoryNode =
  | { kind: 'project'; row: Row; project: ProjectInventory; children: InventoryNode[] }
  | { kind: 'packageDirectory'; row: Row; project: ProjectInventory; path: string | null; children: InventoryNode[] }
  | { kind: 'app'; row: Row; project: ProjectInventory; app: AppInventory; children: InventoryNode[] }
  | { kind: 'looseFiles'; row: Row; project: ProjectInventory; children: InventoryNode[] }
  | { kind: 'file'; row: Row; project: ProjectInventory; app?: AppInventory; file: FileInventory; children: InventoryNode[] }
  | { kind: 'missing'; row: Row; project: ProjectInventory; app: AppInventory; type: string; children: InventoryNode[] }
  | { kind: 'hazard'; row: Row; project: ProjectInventory; app?: AppInventory; finding: FindingSummary; children: InventoryNode[] }
  | { kind: 'posture'; row: Row; project: ProjectInventory; app: AppInventory; children: InventoryNode[] }
  | { kind: 'postureSetting'; row: Row; project: ProjectInventory; app: AppInventory; setting: PostureSettingView; children: InventoryNode[] };

/** Types every app should have in source (the two a 2GP package ships). */
const EXPECTED_TYPES = [HEADER_TYPE, OAUTH_SETTINGS_TYPE] as const;
const TYPE_ORDER = new Map(ECA_TYPES.map((t, i) => [t.name, i]));
const TYPE_LABEL = new Map(ECA_TYPES.map((t) => [t.name, t.label]));

export function typeLabel(type: string): string {
  return TYPE_LABEL.get(type) ?? type;
}

/** The top-level rows. One project: its package directories; several: one row per project. */
export function buildInventoryTree(result: InventoryResult): InventoryNode[] {
  const projects = [...result.projects].sort((a, b) => cmp(a.uri, b.uri));
  if (projects.length === 1) return projectChildren(projects[0]!);
  return projects.map((p) => {
    const children = projectChildren(p);
    return {
      kind: 'project' as const,
      project: p,
      children,
      row: {
        id: `project:${p.uri}`,
        label: p.name,
        description: plural(p.apps.length, 'app'),
        tooltip: `sfdx project **${md(p.name)}**\n\n${md(p.uri)}`,
        icon: { id: 'root-folder' },
        contextValue: 'project',
        collapsible: 'expanded' as const,
      },
    };
  });
}

/** True when no project has an app or a loose ECA file (the welcome view shows instead). */
export function isEmptyInventory(result: InventoryResult | undefined): boolean {
  return !result || result.projects.every((p) => p.apps.length === 0 && p.looseFiles.length === 0);
}

function projectChildren(p: ProjectInventory): InventoryNode[] {
  // Package directories in sfdx-project.json order; apps outside any of them last.
  const dirs: (string | null)[] = p.packageDirectories.map((d) => d.path);
  for (const a of p.apps) if (!dirs.includes(a.packageDirectory)) dirs.push(a.packageDirectory);
  if (p.looseFiles.some((f) => f.packageDirectory === null) && !dirs.includes(null)) dirs.push(null);
  const out: InventoryNode[] = [];
  for (const dir of dirs) {
    const apps = p.apps.filter((a) => a.packageDirectory === dir).sort((a, b) => cmp(a.name.toLowerCase(), b.name.toLowerCase()));
    const loose = p.looseFiles.filter((f) => f.packageDirectory === dir);
    if (!apps.length && !loose.length) continue;
    const children: InventoryNode[] = apps.map((a) => appNode(p, a));
    if (loose.length) children.push(looseNode(p, dir, loose));
    const decl = p.packageDirectories.find((d) => d.path === dir);
    const pkg = decl?.package ?? null;
    const description = dir === null ? undefined : pkg ? `package ${pkg}` : 'not a package (deploy only)';
    out.push({
      kind: 'packageDirectory',
      project: p,
      path: dir,
      children,
      row: {
        id: `dir:${p.uri}:${dir ?? ''}`,
        label: dir ?? 'Outside package directories',
        description,
        tooltip:
          dir === null
            ? 'Files in no package directory of sfdx-project.json: no build takes them.'
            : `Package directory **${md(dir)}**${decl?.default ? ' (default)' : ''}\n\n` +
              (pkg ? `2GP package **${md(pkg)}**: \`sf package version create\` builds what ships here.` : 'No `package` key: deployed, never packaged.'),
        icon: { id: pkg ? 'package' : 'folder' },
        contextValue: 'packageDirectory',
        collapsible: 'expanded',
      },
    });
  }
  return out;
}

function appNode(p: ProjectInventory, app: AppInventory): InventoryNode {
  const findings = sortFindings(appFindings(app));
  const worst = worstSeverity(findings);
  const children: InventoryNode[] = [];
  const files = [...app.files].sort(fileOrder);
  for (const f of files) children.push(fileNode(p, app, f));
  const present = new Set(files.map((f) => f.type));
  for (const t of EXPECTED_TYPES) {
    if (present.has(t)) continue;
    children.push(missingNode(p, app, t));
  }
  children.sort((a, b) => rowTypeIndex(a) - rowTypeIndex(b));
  if (app.posture?.settings) children.push(postureNode(p, app));
  for (const f of findings) children.push(hazardNode(p, app, f));
  const state = app.hasHeader ? app.distributionState ?? 'no distributionState' : 'no header';
  const counts = countLabel(findings);
  const tooltip = [
    `External Client App **${md(app.name)}**`,
    `${app.package ? `Package **${md(app.package)}**` : 'Not in a 2GP package'} · distribution state ${md(state)}`,
    findings.length ? findings.map((f) => `- ${f.severity}: ${md(f.message)} (${f.code})`).join('\n') : 'No hazards.',
  ].join('\n\n');
  return {
    kind: 'app',
    project: p,
    app,
    children,
    row: {
      id: `app:${p.uri}:${app.packageDirectory ?? ''}:${app.name}`,
      label: app.name,
      description: `${state} · ${counts || 'no hazards'}`,
      tooltip,
      icon: worst === 'error' || worst === 'warning' ? severityIcon(worst) : { id: 'pass', color: ICON_COLORS.pass },
      contextValue: findings.length ? 'app.hazards' : 'app',
      collapsible: 'expanded',
    },
  };
}

function looseNode(p: ProjectInventory, dir: string | null, files: FileInventory[]): InventoryNode {
  const sorted = [...files].sort(fileOrder);
  return {
    kind: 'looseFiles',
    project: p,
    children: sorted.map((f) => fileNode(p, undefined, f)),
    row: {
      id: `loose:${p.uri}:${dir ?? ''}`,
      label: 'Files without an app',
      description: plural(files.length, 'file'),
      tooltip: 'ECA-family files that name no app (an unrecognised file name, or a satellite without `<externalClientApplication>`).',
      icon: { id: 'question' },
      contextValue: 'looseFiles',
      collapsible: 'expanded',
    },
  };
}

export interface FileStateView {
  description: string;
  icon: { id: string; color?: string };
  explanation: string;
}

/** How a file's build state reads in its row. */
export function fileState(file: FileInventory, projectUri = ''): FileStateView {
  switch (file.state) {
    case 'ships':
      return { description: 'ships', icon: { id: 'check', color: ICON_COLORS.pass }, explanation: 'Packageable and included: `sf package version create` ships it.' };
    case 'excluded': {
      const by = file.excludedBy;
      let where = '.forceignore';
      if (by && 'defaultPattern' in by) where = `default pattern ${by.defaultPattern}`;
      else if (by) where = `${relativeUri(by.uri, projectUri)}:${by.line + 1} (${by.text.trim()})`;
      const bad = file.packageable === 'yes';
      return {
        description: `excluded by ${where}`,
        icon: bad ? { id: 'eye-closed', color: ICON_COLORS.warning } : { id: 'eye-closed', color: ICON_COLORS.muted },
        explanation: bad ? 'Excluded by `.forceignore`, yet this type must ship in the package.' : 'Kept out of the build by `.forceignore`, as it should be.',
      };
    }
    case 'in-build-not-packageable':
      return {
        description: 'not packageable but in the build',
        icon: { id: 'error', color: ICON_COLORS.error },
        explanation: 'This type can\'t be packaged, and nothing in `.forceignore` keeps it out: `sf package version create` will fail.',
      };
    case 'not-packaged':
      return { description: 'deploy only (directory not packaged)', icon: { id: 'cloud-upload' }, explanation: 'Included, in a package directory that is not a 2GP package: deployed, never packaged.' };
    case 'outside-package-directories':
      return { description: 'outside package directories', icon: { id: 'circle-slash', color: ICON_COLORS.muted }, explanation: 'In no package directory of sfdx-project.json: neither deployed nor packaged.' };
    case 'unrecognized':
      return { description: 'name not recognized by sf', icon: { id: 'warning', color: ICON_COLORS.warning }, explanation: 'The sf CLI drops or rejects this file name.' };
  }
}

function fileNode(p: ProjectInventory, app: AppInventory | undefined, file: FileInventory): InventoryNode {
  const st = fileState(file, p.uri);
  const findings = sortFindings(file.findings);
  const hazards = findings.length ? ` · ${countLabel(findings)}` : '';
  const tooltip = [
    `**${md(file.typeLabel)}** ${file.type ? `(${md(file.type)})` : ''}`,
    md(file.path),
    st.explanation,
    findings.map((f) => `- ${f.severity}: ${md(f.message)} (${f.code})`).join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    kind: 'file',
    project: p,
    app,
    file,
    children: [],
    row: {
      id: `file:${file.uri}`,
      label: file.typeLabel,
      description: `${st.description}${hazards}`,
      tooltip,
      icon: st.icon,
      contextValue: `file.${file.state}`,
      collapsible: 'none',
      open: { uri: file.uri },
      resourceUri: file.uri,
    },
  };
}

function missingNode(p: ProjectInventory, app: AppInventory, type: string): InventoryNode {
  const packaged = !!app.package;
  return {
    kind: 'missing',
    project: p,
    app,
    type,
    children: [],
    row: {
      id: `missing:${p.uri}:${app.packageDirectory ?? ''}:${app.name}:${type}`,
      label: typeLabel(type),
      description: 'missing',
      tooltip: `No ${md(typeLabel(type))} (${type}) file for **${md(app.name)}** in the project.` +
        (packaged ? ' A packaged app ships its header and OAuth settings: retrieve them from the Dev Hub.' : ''),
      icon: { id: 'circle-large-outline', color: packaged ? ICON_COLORS.warning : ICON_COLORS.muted },
      contextValue: 'missing',
      collapsible: 'none',
    },
  };
}

function hazardNode(p: ProjectInventory, app: AppInventory | undefined, f: FindingSummary): InventoryNode {
  return {
    kind: 'hazard',
    project: p,
    app,
    finding: f,
    children: [],
    row: {
      id: `hazard:${f.uri}:${f.code}:${f.range.start.line}:${f.range.start.character}`,
      label: shortMessage(f.message),
      description: f.code,
      tooltip: `${f.severity}: ${md(f.message)}\n\n\`${f.code}\``,
      icon: severityIcon(f.severity),
      contextValue: f.fixable === false ? 'hazard' : 'hazard.fixable',
      collapsible: 'none',
      open: { uri: f.uri, range: f.range },
    },
  };
}

/**
 * The "Security posture" group of an app, from the inventory's counts. Its rows (one per setting;
 * the server computes the words) are asked for when the group is expanded (`ecaLens/appPosture`,
 * then `postureSettingNodes`): the tree's view does it (inventoryTree.ts).
 */
function postureNode(p: ProjectInventory, app: AppInventory): InventoryNode {
  const flagged = app.posture?.findings ?? 0;
  const unknown = app.posture?.unknown ?? 0;
  const parts = [flagged ? plural(flagged, 'finding') : 'no findings'];
  if (unknown) parts.push(`${unknown} not in the project`);
  return {
    kind: 'posture',
    project: p,
    app,
    children: [],
    row: {
      id: `posture:${p.uri}:${app.packageDirectory ?? ''}:${app.name}`,
      label: 'Security posture',
      description: parts.join(' · '),
      tooltip: `The OAuth settings of **${md(app.name)}** that decide who gets a token, for what and for how long, read from its files in source.` +
        (unknown ? '\n\n"not in the project": the file that holds the setting is not in source (the global OAuth settings file normally is not).' : ''),
      icon: { id: 'shield', color: flagged ? ICON_COLORS.warning : undefined },
      contextValue: 'posture',
      collapsible: 'collapsed',
    },
  };
}

/** How a posture setting reads in its row: its state, an ok / warning / unknown icon, its finding. */
export function postureSettingRow(p: ProjectInventory, app: AppInventory, s: PostureSettingView): Row {
  const finding = s.findings[0];
  const icon =
    s.status === 'finding' && finding
      ? severityIcon(finding.severity === 'error' ? 'error' : 'warning')
      : s.status === 'unknown'
        ? { id: 'circle-large-outline', color: ICON_COLORS.muted }
        : { id: 'pass', color: ICON_COLORS.pass };
  const tooltip = [
    `**${md(s.label)}**: ${md(s.state)}`,
    md(s.explanation),
    s.findings.map((f) => `- ${f.severity}: ${md(f.message)} (${f.code})`).join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
  const row: Row = {
    id: `postureSetting:${p.uri}:${app.packageDirectory ?? ''}:${app.name}:${s.id}`,
    label: s.label,
    // Every rule that reports on this setting (a row can carry several, e.g. the client secret).
    description: finding ? `${s.state} · ${[...new Set(s.findings.map((f) => f.code))].join(', ')}` : s.state,
    tooltip,
    icon,
    contextValue: finding ? (finding.fixable === false ? 'postureSetting.hazard' : 'postureSetting.hazard.fixable') : 'postureSetting',
    collapsible: 'none',
  };
  const open = finding ? { uri: finding.uri, range: finding.range } : s.location;
  if (open) row.open = open;
  return row;
}

/** The rows of an app's "Security posture" group. */
export function postureSettingNodes(p: ProjectInventory, app: AppInventory, view: AppPostureView): InventoryNode[] {
  return view.settings.map((s) => ({ kind: 'postureSetting' as const, project: p, app, setting: s, children: [], row: postureSettingRow(p, app, s) }));
}

function fileOrder(a: FileInventory, b: FileInventory): number {
  return typeIndex(a.type) - typeIndex(b.type) || cmp(a.path, b.path);
}

function typeIndex(type: string | null): number {
  return type === null ? Number.MAX_SAFE_INTEGER : TYPE_ORDER.get(type) ?? ECA_TYPES.length;
}

function rowTypeIndex(n: InventoryNode): number {
  if (n.kind === 'file') return typeIndex(n.file.type);
  if (n.kind === 'missing') return typeIndex(n.type);
  return Number.MAX_SAFE_INTEGER;
}

/** `uri` relative to the project folder's URI when inside it. */
export function relativeUri(uri: string, base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  if (base && uri.startsWith(b)) return decodeURIComponent(uri.slice(b.length));
  const i = uri.lastIndexOf('/');
  return decodeURIComponent(i >= 0 ? uri.slice(i + 1) : uri);
}

/** Every finding of every app and loose file (for "fix the app's hazards" and counts). */
export function allFindings(result: InventoryResult): FindingSummary[] {
  return result.projects.flatMap((p) => [...p.apps.flatMap(appFindings), ...p.looseFiles.flatMap((f) => f.findings)]);
}
