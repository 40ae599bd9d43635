/**
 * The custom protocol between the ECA Lens client and server, declared once and imported by both.
 * Plain types and method names only: no runtime dependency, no vscode, no LSP connection.
 */

export interface Pos {
  line: number;
  character: number;
}
export interface Rng {
  start: Pos;
  end: Pos;
}

/** Settings under `ecaLens.*` (the client id is `ecaLens`). */
export interface EcaLensSettings {
  enable: boolean;
  /** Rule id (wildcards `*`) → severity or off. */
  rules: Record<string, 'off' | 'information' | 'warning' | 'error' | 'hint'>;
  /** Globs, relative to the project root, of paths ECA Lens leaves out. */
  exclude: string[];
  /** Dev Hub org id used by fixes; empty: found offline from the sf CLI config. */
  devHubOrgId: string;
  trace: { server: 'off' | 'messages' | 'verbose' };
  /**
   * Base URL of the rule pages the diagnostics link to (`codeDescription.href`), ending in `/`;
   * absent: the default (shared/docs.ts). A fork or a mirror sets it.
   */
  docsBaseUrl?: string;
}

export const DEFAULT_SETTINGS: EcaLensSettings = {
  enable: true,
  rules: {},
  exclude: [],
  devHubOrgId: '',
  trace: { server: 'off' },
};

export interface FindingSummary {
  uri: string;
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: Rng;
  /** Whether the finding has at least one fix (code action). Absent: unknown (the client offers to try). */
  fixable?: boolean;
}

/**
 * Where a file stands for its package directory's build:
 * - `ships`: packageable, in a packaged directory, included;
 * - `excluded`: `.forceignore` keeps it out (see `excludedBy`);
 * - `in-build-not-packageable`: can't be packaged yet would go into the build (a hazard);
 * - `not-packaged`: included in a directory that is not a 2GP package (deploy only);
 * - `outside-package-directories`: in no package directory;
 * - `unrecognized`: the sf CLI drops or rejects its name.
 */
export type FileState = 'ships' | 'excluded' | 'in-build-not-packageable' | 'not-packaged' | 'outside-package-directories' | 'unrecognized';

export interface FileInventory {
  uri: string;
  /** Forward-slash path relative to the project root. */
  path: string;
  /** Metadata type name; null for an unrecognised file name. */
  type: string | null;
  /** Plain name for people: Header, OAuth settings, Global OAuth settings, OAuth policies... */
  typeLabel: string;
  packageable: 'yes' | 'no' | 'unconfirmed' | 'legacy' | null;
  packageDirectory: string | null;
  included: boolean;
  state: FileState;
  excludedBy?: { uri: string; line: number; text: string } | { defaultPattern: string };
  findings: FindingSummary[];
}

export interface AppInventory {
  name: string;
  /** Package directory of the header (or of the first file when there is no header). */
  packageDirectory: string | null;
  /** The package name when that directory is packaged. */
  package: string | null;
  distributionState: string | null;
  hasHeader: boolean;
  files: FileInventory[];
  /**
   * What the "Security posture" group's row shows; its rows come from `ecaLens/appPosture` when the
   * group is expanded (on a 2,000-app project they were 15 of the inventory's 26 MB). The app's
   * findings are its files' (`appFindings`), not sent twice.
   */
  posture?: AppPostureSummary;
}

/** The findings of every file of an app, in file order. */
export function appFindings(app: Pick<AppInventory, 'files'>): FindingSummary[] {
  return app.files.flatMap((f) => f.findings);
}

/** The posture of an app in counts: its settings, those a rule reports on, those not in the project. */
export interface AppPostureSummary {
  kind: 'eca' | 'connectedApp';
  settings: number;
  findings: number;
  unknown: number;
}

/** `ecaLens/appPosture`: one app of one project (its URI as in the inventory). */
export interface AppPostureParams {
  projectUri: string;
  app: string;
}

/** A setting of an app's security posture, as the "Security posture" rows and the report show it. */
export type PostureSettingId =
  | 'distributionState'
  | 'ships'
  | 'flows'
  | 'scopes'
  | 'permittedUsers'
  | 'preauthorized'
  | 'ipRelaxation'
  | 'refreshToken'
  | 'pkce'
  | 'rotation'
  | 'secret'
  | 'sessionLevel'
  | 'executionUser';

export interface PostureSettingView {
  id: PostureSettingId;
  /** `IP relaxation`, `Refresh token policy`... */
  label: string;
  /** The value as people read it: `Enforce`, `SpecificLifetime 365 Days (default)`, `not in the project`. */
  state: string;
  /** `finding`: a rule reports it; `unknown`: the file that holds it is not in the project. */
  status: 'ok' | 'finding' | 'unknown';
  /** One or two sentences: what the setting decides (Markdown-safe plain text). */
  explanation: string;
  /** Where the value is written, or the element it belongs in when absent. */
  location?: { uri: string; range: Rng };
  /** The findings about this setting, worst first. */
  findings: FindingSummary[];
}

export interface AppPostureView {
  kind: 'eca' | 'connectedApp';
  settings: PostureSettingView[];
}

export interface ProjectInventory {
  /** URI of the project root folder. */
  uri: string;
  name: string;
  packageDirectories: { path: string; package: string | null; default: boolean }[];
  apps: AppInventory[];
  /** ECA-family files that belong to no app (unrecognised names, satellites without an app name). */
  looseFiles: FileInventory[];
}

export interface InventoryResult {
  projects: ProjectInventory[];
}

export type ChecklistItemId =
  | 'distribution-state-packaged'
  | 'org-scoped-app-set'
  | 'oauth-link-set'
  | 'forceignore-excludes-global-settings'
  | 'forceignore-excludes-policies'
  | 'no-non-packageable-in-build';

export interface ChecklistItem {
  id: ChecklistItemId;
  label: string;
  status: 'pass' | 'fail' | 'not-applicable';
  detail?: string;
  /** The finding behind a failing item (reveal it, offer its fix). */
  finding?: FindingSummary;
}

export interface AppChecklist {
  projectUri: string;
  app: string;
  package: string | null;
  items: ChecklistItem[];
}

export interface ChecklistResult {
  apps: AppChecklist[];
}

export interface StatusParams {
  state: 'indexing' | 'ready';
  projects: number;
  apps: number;
  errors: number;
  warnings: number;
  /** 0..100 while indexing. */
  percentage?: number;
}

export const Methods = {
  /** request: () → InventoryResult */
  inventory: 'ecaLens/inventory',
  /** request: AppPostureParams → AppPostureView | null (an app's "Security posture" rows). */
  appPosture: 'ecaLens/appPosture',
  /** request: () → ChecklistResult */
  checklist: 'ecaLens/checklist',
  /** notification server → client: the inventory changed; ask again. */
  inventoryChanged: 'ecaLens/inventoryChanged',
  /** notification server → client: StatusParams. */
  status: 'ecaLens/status',
  /** request: { uri?: string } → { orgId?: string; source: string } (offline Dev Hub lookup). */
  devHubOrgId: 'ecaLens/devHubOrgId',
  /** request: MigrationPreviewParams → MigrationPreviewResult (what converting a Connected App would write). */
  migrationPreview: 'ecaLens/migrationPreview',
  /** request: ReportParams → ReportResult (the integration report as Markdown). */
  report: 'ecaLens/report',
  /** request: GuideParams → GuideResult (the subscriber guide's Markdown). */
  guide: 'ecaLens/guide',
  /** request: PackagesParams → PackageVersions[] (sfdx-project.json's packages and their 04t aliases). */
  packages: 'ecaLens/packages',
} as const;

/** Commands the server executes (workspace/executeCommand). */
export const ServerCommands = {
  /** Apply every preferred safe fix (never a suggestion) in the workspace (or the project given by uri). Arguments: one optional `FixAllArgs`; result `FixAllResult`. */
  fixAll: 'ecaLens.server.fixAll',
  /**
   * Arguments: one `ApplyFixArgs`. Applies one fix of one finding: text edits through
   * `workspace/applyEdit`, file operations the client can't do (no `resourceOperations`) on disk.
   * Code actions use it for clients without code action literals or resource operations.
   */
  applyFix: 'ecaLens.server.applyFix',
  /**
   * Arguments: one `RuleArgs`. Turns a rule off for this session (when the client does not
   * implement `ClientCommands.disableRule`, which persists it in the settings) and says how to
   * make it permanent.
   */
  disableRule: 'ecaLens.server.disableRule',
  /** Arguments: one `RuleArgs`. Opens the rule's page (`window/showDocument`, external). */
  showDocumentation: 'ecaLens.server.showDocumentation',
} as const;

export interface FixAllArgs {
  /** Limit to the project holding this file or folder. */
  uri?: string;
}
export interface FixAllResult {
  /** Fixes applied. */
  applied: number;
  /** Fixes left out (overlapping another fix, or needing input). */
  skipped: number;
}
export interface ApplyFixArgs {
  uri: string;
  ruleId: string;
  /** Start of the finding's range, to find it again. */
  position: Pos;
  /** Index in the finding's fixes. */
  fix: number;
}
export interface RuleArgs {
  ruleId: string;
  /** The file the action was offered on. */
  uri?: string;
}

/** `initializationOptions` the client may send. */
export interface InitializationOptions {
  /**
   * The `ClientCommands` the client implements. The server puts only these into code actions
   * (otherwise it falls back: snippet edits, server commands, plain text placeholders).
   */
  clientCommands?: string[];
  /** Settings to start with, for clients that do not answer `workspace/configuration`. */
  settings?: Partial<EcaLensSettings>;
}

export interface ReportParams {
  /** Limit to the project holding this file or folder; absent: every project of the workspace. */
  uri?: string;
}
export interface ReportResult {
  markdown: string;
}

export interface DevHubOrgIdParams {
  uri?: string;
}
export interface DevHubOrgIdResult {
  /** 15-character org id, when found. */
  orgId?: string;
  /** How it was found, or why not, for people. */
  source: string;
}

/** Commands the client implements; the server may put them in code actions. */
export const ClientCommands = {
  /**
   * Arguments: one `InsertDevHubOrgIdArgs`. The client finds the Dev Hub org id (the
   * `ecaLens/devHubOrgId` request, else an input box validated as an org id), puts it in place of
   * the snippet placeholders (`${1:00DXXXXXXXXXXXX}`) of the edits, and applies them.
   */
  insertDevHubOrgId: 'ecaLens.insertDevHubOrgId',
  /** Arguments: one `RuleArgs`. Sets `ecaLens.rules[ruleId]` to `off` in the user's settings. */
  disableRule: 'ecaLens.disableRule',
  /**
   * Arguments: one `RuleArgs`. Opens the rule's page shipped with the client (VS Code: the
   * Markdown preview of `docs/rules/<id>.md`), offline. Without it the server's
   * `ServerCommands.showDocumentation` opens `docsUrl(id)` through `window/showDocument`.
   */
  showRuleDocs: 'ecaLens.showRuleDocs',
} as const;

export interface InsertDevHubOrgIdArgs {
  /** The document the edits apply to. */
  uri: string;
  /** Edits whose `newText` holds snippet placeholders (`${n:...}`) for the org id. */
  edits: { range: Rng; newText: string }[];
}

export interface MigrationPreviewParams {
  /** The `.connectedApp-meta.xml`. */
  uri: string;
}
/** One file the conversion writes; `exists`: it is there already and is left alone. */
export interface MigrationPreviewFile {
  uri: string;
  /** Relative to the project root, for people. */
  path: string;
  /** `header`, `oauthSettings`, `globalOauth`, `oauthPolicies` or `policies`. */
  kind: string;
  text: string;
  exists: boolean;
}
/** An ignore file the conversion edits: `created` (with `text`) or appended (`added` lines, `text` the whole new text). */
export interface MigrationPreviewIgnoreEdit {
  uri: string;
  path: string;
  created: boolean;
  added: string[];
  text: string;
}
export interface MigrationPreviewResult {
  /** Set when nothing can be planned (not a Connected App of a project, malformed XML, ...). */
  problem?: string;
  /** The External Client App's name. */
  name: string;
  convertible: boolean;
  files: MigrationPreviewFile[];
  mapped: { from: string; file: string; to: string; inferred?: boolean }[];
  unmapped: { from: string; why: string }[];
  blockers: { element: string; label: string; why: string }[];
  notes: string[];
  ignoreEdits: MigrationPreviewIgnoreEdit[];
}

export interface GuideParams {
  /** The project holding this file (else the first project with a packaged app). */
  uri?: string;
  /** Only this app (its fullName); absent: every packaged app of the project. */
  app?: string;
}
export interface GuideResult {
  /** The guide (views/guide.ts); '' when no app (or none named `app`) ships in a package. */
  markdown: string;
  /** Every packaged app of the project, sorted, whatever `app` asked. */
  apps: string[];
  /** URI of the project root the guide is about, when there is one. */
  projectUri?: string;
}

export interface PackagesParams {
  /** The project holding this file (else the first project). */
  uri?: string;
}
/** One package of sfdx-project.json (a packageDirectories entry with `package`). */
export interface PackageVersions {
  name: string;
  /** The package directory, relative to the project root (forward slashes). */
  path: string;
  /** Its `Name@x.y.z-n` → `04t...` aliases, newest first. */
  versions: { alias: string; id: string }[];
}
