/**
 * "New External Client App": asks name, label and contact email, writes the header and the OAuth
 * settings in the conventional folders, and adds the standard `.forceignore` lines when the
 * package directory is a 2GP package and they are missing. Pure flow behind ports.
 */
import type { InventoryResult, ProjectInventory } from '../../../server/src/shared/protocol';
import { ECA_TYPES, type EcaTypeInfo } from '../../../server/src/shared/ecaTypes';
import type { Ui } from './ports';

const HEADER = ECA_TYPES.find((t) => t.name === 'ExternalClientApplication')!;
const OAUTH = ECA_TYPES.find((t) => t.name === 'ExtlClntAppOauthSettings')!;
const NS = 'http://soap.sforce.com/2006/04/metadata';

export interface NewAppInput {
  name: string;
  label: string;
  contactEmail: string;
  /** `Packaged` in a 2GP package directory, else `Local`. */
  distributionState: 'Packaged' | 'Local';
  /** 15-character Dev Hub org id, when known. */
  devHubOrgId?: string;
}

/** API name rules: a letter first; letters, digits, single underscores; no trailing underscore. */
export function validateAppName(name: string, taken: readonly string[] = []): string | undefined {
  if (!name) return 'Enter an API name, e.g. Billing_Connector.';
  if (name.length > 80) return 'The API name is longer than 80 characters.';
  if (!/^[A-Za-z]/.test(name)) return 'The API name must start with a letter.';
  if (!/^[A-Za-z0-9_]+$/.test(name)) return 'Use only letters, digits and underscores.';
  if (name.includes('__')) return 'Two underscores in a row are not allowed.';
  if (name.endsWith('_')) return 'The API name can\'t end with an underscore.';
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) return `The project already has an External Client App named ${name}.`;
  return undefined;
}

export function validateLabel(label: string): string | undefined {
  if (!label.trim()) return 'Enter a label.';
  if (label.length > 255) return 'The label is longer than 255 characters.';
  return undefined;
}

export function validateEmail(email: string): string | undefined {
  return /^[^\s@<>&"']+@[^\s@<>&"']+\.[^\s@<>&"']+$/.test(email.trim()) ? undefined : 'Enter an email address, e.g. admin@example.com.';
}

export function defaultLabel(name: string): string {
  return name.replace(/_/g, ' ');
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The header, elements in alphabetical order as `sf project retrieve` writes them. */
export function headerXml(i: NewAppInput): string {
  const lines = [
    `    <contactEmail>${escapeXml(i.contactEmail.trim())}</contactEmail>`,
    `    <distributionState>${i.distributionState}</distributionState>`,
    '    <isProtected>false</isProtected>',
    `    <label>${escapeXml(i.label)}</label>`,
  ];
  if (i.distributionState === 'Packaged' && i.devHubOrgId) lines.push(`    <orgScopedExternalApp>${i.devHubOrgId}:${i.name}</orgScopedExternalApp>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ExternalClientApplication xmlns="${NS}">\n${lines.join('\n')}\n</ExternalClientApplication>\n`;
}

export function oauthSettingsName(appName: string): string {
  return `${appName}_oauth`;
}

/** OAuth settings with the narrowest useful scope; the file opens for the user to widen it. */
export function oauthSettingsXml(i: NewAppInput): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ExtlClntAppOauthSettings xmlns="${NS}">\n` +
    '    <commaSeparatedOauthScopes>Api</commaSeparatedOauthScopes>\n' +
    `    <externalClientApplication>${i.name}</externalClientApplication>\n` +
    '    <isFirstPartyAppEnabled>false</isFirstPartyAppEnabled>\n' +
    `    <label>${oauthSettingsName(i.name)}</label>\n` +
    '</ExtlClntAppOauthSettings>\n'
  );
}

/** The `.forceignore` lines that keep every non-packageable ECA type out of a 2GP build. */
export function standardForceIgnoreLines(types: readonly EcaTypeInfo[] = ECA_TYPES): string[] {
  return types.filter((t) => t.packageable === 'no').flatMap((t) => [t.directory, ...(t.oldDirectories ?? [])]).map((d) => `**/${d}/**`);
}

export const FORCEIGNORE_COMMENT = '# External Client Apps: files that can\'t be packaged (global OAuth settings, policies)';

/**
 * The text to append to a `.forceignore` (undefined when every standard line is there). Lines
 * compare trimmed and case-insensitively, as SDR matches. `existing` undefined: a new file.
 */
export function forceIgnoreAddition(existing: string | undefined, lines: readonly string[] = standardForceIgnoreLines()): string | undefined {
  const have = new Set((existing ?? '').split(/\r?\n/).map((l) => l.trim().toLowerCase()));
  const missing = lines.filter((l) => !have.has(l.toLowerCase()));
  if (!missing.length) return undefined;
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n';
  let prefix = '';
  if (existing && existing.length) {
    if (!existing.endsWith('\n')) prefix = eol;
    if (!/(\r?\n){2}$/.test(existing + prefix)) prefix += eol;
  }
  return prefix + [FORCEIGNORE_COMMENT, ...missing].join(eol) + eol;
}

/** Posix join of relative segments ('' and '.' skipped). */
export function joinRel(...parts: string[]): string {
  return parts
    .flatMap((p) => p.split('/'))
    .filter((p) => p && p !== '.')
    .join('/');
}

/**
 * The folder that holds the type folders of a package directory: where its ECA files already are
 * (e.g. `force-app/main/default`), else `<dir>/main/default` as `sf project generate` lays it out.
 */
export async function chooseBaseFolder(project: ProjectInventory, packageDirectory: string, exists: (rel: string) => Promise<boolean>): Promise<string> {
  const counts = new Map<string, number>();
  const dirs = new Set(ECA_TYPES.flatMap((t) => [t.directory, ...(t.oldDirectories ?? [])]));
  const files = [...project.apps.flatMap((a) => a.files), ...project.looseFiles];
  for (const f of files) {
    if (f.packageDirectory !== packageDirectory) continue;
    const parts = f.path.split('/');
    if (parts.length < 3 || !dirs.has(parts[parts.length - 2]!)) continue;
    const base = parts.slice(0, -2).join('/');
    counts.set(base, (counts.get(base) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (best) return best[0];
  // SDR resolves ECA files by suffix in any folder; `<dir>/main/default` is what `sf` generates.
  void exists;
  return joinRel(packageDirectory, 'main', 'default');
}

/** The `.forceignore` that governs a package directory: the first one found upward (SDR), else the root's. */
export async function governingForceIgnore(packageDirectory: string, exists: (rel: string) => Promise<boolean>): Promise<{ path: string; exists: boolean }> {
  const parts = packageDirectory.split('/').filter((p) => p && p !== '.');
  for (let n = parts.length; n >= 0; n--) {
    const p = joinRel(...parts.slice(0, n), '.forceignore');
    if (await exists(p)) return { path: p, exists: true };
  }
  return { path: '.forceignore', exists: false };
}

export interface NewAppPlan {
  projectUri: string;
  input: NewAppInput;
  /** Project-relative paths and contents of the files to create. */
  files: { path: string; text: string }[];
  /** Text appended to (or the content of a new) `.forceignore`, when lines were missing. */
  forceIgnore?: { path: string; exists: boolean; append: string };
}

export interface NewAppDeps {
  ui: Ui;
  inventory(): Promise<InventoryResult | undefined>;
  /** The Dev Hub org id found offline (no prompt), or undefined. */
  devHubOrgId(projectUri: string): Promise<string | undefined>;
  exists(projectUri: string, rel: string): Promise<boolean>;
  read(projectUri: string, rel: string): Promise<string | undefined>;
  /** Create a new file (the flow checked it does not exist). */
  create(projectUri: string, rel: string, text: string): Promise<void>;
  append(projectUri: string, rel: string, text: string): Promise<void>;
  open(projectUri: string, rel: string): Promise<void>;
}

export async function planNewApp(deps: NewAppDeps, preset: { projectUri?: string; packageDirectory?: string } = {}): Promise<NewAppPlan | undefined> {
  const { ui } = deps;
  const inv = await deps.inventory();
  const projects = inv?.projects ?? [];
  if (!projects.length) {
    await ui.error('ECA Lens found no sfdx project (sfdx-project.json) in this workspace.');
    return undefined;
  }
  let project = projects.find((p) => p.uri === preset.projectUri);
  if (!project && projects.length === 1) project = projects[0];
  if (!project) {
    project = await ui.pick(projects.map((p) => ({ label: p.name, description: p.uri, value: p })), { title: 'New External Client App', placeHolder: 'Project' });
    if (!project) return undefined;
  }
  const dirs = project.packageDirectories;
  let dir = dirs.find((d) => d.path === preset.packageDirectory);
  if (!dir && dirs.length === 1) dir = dirs[0];
  if (!dir) {
    const sorted = [...dirs].sort((a, b) => Number(b.default) - Number(a.default));
    dir = await ui.pick(sorted.map((d) => ({ label: d.path, description: [d.default ? 'default' : '', d.package ? `package ${d.package}` : 'not a package'].filter(Boolean).join(' · '), value: d })), {
      title: 'New External Client App',
      placeHolder: 'Package directory',
    });
    if (!dir) return undefined;
  }
  const taken = project.apps.map((a) => a.name);
  const title = 'New External Client App';
  const name = await ui.input({ title, prompt: 'API name of the app (letters, digits, underscores)', placeHolder: 'Billing_Connector', validate: (v) => validateAppName(v.trim(), taken) });
  if (name === undefined) return undefined;
  const apiName = name.trim();
  const label = await ui.input({ title, prompt: 'Label people see', value: defaultLabel(apiName), validate: validateLabel });
  if (label === undefined) return undefined;
  const contactEmail = await ui.input({ title, prompt: 'Contact email', placeHolder: 'admin@example.com', validate: validateEmail });
  if (contactEmail === undefined) return undefined;

  const packaged = !!dir.package;
  const input: NewAppInput = { name: apiName, label: label.trim(), contactEmail: contactEmail.trim(), distributionState: packaged ? 'Packaged' : 'Local' };
  if (packaged) input.devHubOrgId = await deps.devHubOrgId(project.uri);

  const projectUri = project.uri;
  const exists = (rel: string) => deps.exists(projectUri, rel);
  const base = await chooseBaseFolder(project, dir.path, exists);
  const files = [
    { path: joinRel(base, HEADER.directory, `${apiName}.${HEADER.suffix}-meta.xml`), text: headerXml(input) },
    { path: joinRel(base, OAUTH.directory, `${oauthSettingsName(apiName)}.${OAUTH.suffix}-meta.xml`), text: oauthSettingsXml(input) },
  ];
  for (const f of files) {
    if (await exists(f.path)) {
      await ui.error(`${f.path} already exists; nothing was written.`);
      return undefined;
    }
  }
  const plan: NewAppPlan = { projectUri, input, files };
  if (packaged) {
    const fi = await governingForceIgnore(dir.path, exists);
    const existing = fi.exists ? await deps.read(projectUri, fi.path) : undefined;
    const append = forceIgnoreAddition(existing);
    if (append) plan.forceIgnore = { ...fi, append };
  }
  return plan;
}

/** Runs the flow: plan, write, open the header. Returns the plan that was written. */
export async function newApp(deps: NewAppDeps, preset: { projectUri?: string; packageDirectory?: string } = {}): Promise<NewAppPlan | undefined> {
  const plan = await planNewApp(deps, preset);
  if (!plan) return undefined;
  for (const f of plan.files) await deps.create(plan.projectUri, f.path, f.text);
  if (plan.forceIgnore) {
    if (plan.forceIgnore.exists) await deps.append(plan.projectUri, plan.forceIgnore.path, plan.forceIgnore.append);
    else await deps.create(plan.projectUri, plan.forceIgnore.path, plan.forceIgnore.append);
  }
  await deps.open(plan.projectUri, plan.files[0]!.path);
  const notes: string[] = [];
  if (plan.forceIgnore) notes.push(`added the standard lines to ${plan.forceIgnore.path}`);
  if (plan.input.distributionState === 'Packaged' && !plan.input.devHubOrgId) notes.push('add orgScopedExternalApp with the quick fix "Insert Dev Hub org id"');
  void deps.ui.info(`Created External Client App ${plan.input.name}${notes.length ? `; ${notes.join('; ')}` : ''}.`);
  return plan;
}
