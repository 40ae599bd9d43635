/**
 * The security posture of every app of a project, as plain data: one record per External Client
 * App (by name) and per Connected App file, built from the OAuth posture (metadata/oauthPosture.ts)
 * of the app's files in the model and the engine's findings on them. The integration report
 * (views/integrationReport.ts: `eca-lens report`, `ecaLens/report`) and the "Security posture"
 * group of the VS Code tree (its counts in `AppInventory.posture`, its rows from `ecaLens/appPosture`)
 * read it.
 *
 * Pure: reads the model and `project.check(path)`, never the disk. Paths are relative to the
 * project root (forward slashes); a value the project does not hold is `null`.
 */
import type { EcaProject } from '../engine/project';
import type { AppInfo, EcaFile } from '../model/types';
import type { Finding, Severity } from '../rules/kit/types';
import { CONNECTED_APP_TYPE } from '../metadata/types';
import { connectedAppPosture, ecaPosture, type OAuthFlows, type OAuthPosture, type PostureLocation, type PostureSource, type Setting } from '../metadata/oauthPosture';
import type { AppPostureSummary, AppPostureView, PostureSettingId, PostureSettingView } from '../shared/protocol';
import { pathToUri } from '../util/uri';
import { InputsMemo } from '../util/memo';
import { findingSummary, type ToUri } from './describe';
import { ROLE_TYPES } from '../metadata/oauthPostureTypes';

export type FlowName = keyof OAuthFlows;

export const FLOW_LABELS: Readonly<Record<FlowName, string>> = {
  authorizationCode: 'authorization code',
  codeAndCredentials: 'code and credentials',
  clientCredentials: 'client credentials',
  jwtBearer: 'JWT bearer',
  namedUserJwt: 'named user JWT',
  deviceFlow: 'device',
  tokenExchange: 'token exchange',
  refreshToken: 'refresh token',
};
const FLOW_NAMES = Object.keys(FLOW_LABELS) as FlowName[];

export interface RefreshTokenValue {
  policy: string | null;
  period: number | null;
  unit: string | null;
  /** false: not written; the platform default (a policies file without a policy: SpecificLifetime 365 Days). */
  explicit: boolean;
}

/** One row of the posture: the report's settings list and the tree's rows. */
export interface PostureSettingRecord {
  id: PostureSettingId;
  label: string;
  state: string;
  status: 'ok' | 'finding' | 'unknown';
  explanation: string;
  /** Absolute path and offsets of the element that holds (or would hold) the value. */
  at: { path: string; start: number; end: number } | null;
  findings: Finding[];
}

export interface AppPostureRecord {
  name: string;
  kind: 'eca' | 'connectedApp';
  /** The header (ECA; the first file when there is none) or the Connected App file, relative to the root. */
  path: string | null;
  packageDirectory: string | null;
  /** The 2GP package of that directory. */
  package: string | null;
  distributionState: string | null;
  /** Files of the app in the package build (relative paths), for packaged directories; null otherwise. */
  ships: string[] | null;
  /** Enabled flows; null when no file that decides a flow is in the project. */
  flows: FlowName[] | null;
  /** Flows the project can't decide (their file is not in source). */
  flowsUnknown: FlowName[];
  scopes: string[] | null;
  permittedUsers: string | null;
  preauthorized: { profiles: string[] | null; permissionSets: string[] | null };
  ipRelaxation: string | null;
  refreshToken: RefreshTokenValue | null;
  pkceRequired: boolean | null;
  rotation: boolean | null;
  sessionLevel: string | null;
  executionUser: string | null;
  /** Every finding on the app's files, in path and line order. */
  findings: Finding[];
  settings: PostureSettingRecord[];
  /** Which file was read when the app has several of a type (e.g. two OAuth policies files). */
  notes: string[];
  posture: OAuthPosture;
}

// ---------------------------------------------------------------------------------------------

/** Which rules speak about which setting (rule ids of later merges may be listed before they exist). */
const RULES_OF: Readonly<Record<PostureSettingId, readonly string[]>> = {
  distributionState: ['distribution-state-not-packaged'],
  ships: ['non-packageable-in-package', 'packageable-excluded'],
  flows: ['oauth-insecure-flows-allowed', 'callback-url-insecure'],
  scopes: ['scope-full', 'scope-unknown'],
  permittedUsers: ['permitted-users-self-authorize'],
  preauthorized: ['preauthorized-admin-access', 'preauthorized-name-unresolved'],
  ipRelaxation: ['ip-relaxation-relaxed'],
  refreshToken: ['refresh-token-long-lived'],
  pkce: ['pkce-not-required'],
  rotation: ['refresh-token-rotation-off'],
  secret: ['consumer-secret-optional', 'refresh-secret-not-required', 'secret-in-source', 'global-settings-in-source'],
  sessionLevel: ['session-level-blocks-headless'],
  executionUser: ['execution-user-org-specific', 'integration-user-standard'],
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byRel = (a: EcaFile, b: EcaFile) => cmp(a.rel, b.rel);

function sourceOf(f: EcaFile): PostureSource | undefined {
  const root = f.xml?.root;
  return root && f.doc ? { path: f.path, root, text: f.doc.text } : undefined;
}

/**
 * The posture of an ECA app: for each role, the first parsed file of that type, preferring files in
 * the package directory of `anchor` (the header), then by path. `notes` says which file was read
 * when a role has several.
 */
export function appPosture(app: AppInfo, anchor: EcaFile | undefined = app.headers[0], notes: string[] = []): OAuthPosture {
  const home = anchor?.packageDir;
  const rank = (f: EcaFile) => (home && f.packageDir === home ? 0 : 1);
  const files = [...app.files].sort((a, b) => rank(a) - rank(b) || byRel(a, b));
  const pick = (type: string) => {
    const all = files.filter((f) => f.type?.name === type);
    for (const f of all) {
      const s = sourceOf(f);
      if (!s) continue;
      if (all.length > 1) notes.push(`${all.length} ${f.type!.label} files: read ${f.rel}`);
      return s;
    }
    return undefined;
  };
  return ecaPosture({
    header: pick(ROLE_TYPES.header),
    oauthSettings: pick(ROLE_TYPES.oauthSettings),
    globalSettings: pick(ROLE_TYPES.globalSettings),
    policies: pick(ROLE_TYPES.policies),
  });
}

/** One record per app of the project: ECA apps by name, then Connected App files by name. */
export function projectPosture(project: EcaProject): AppPostureRecord[] {
  const out: AppPostureRecord[] = [];
  const apps = [...project.apps()].sort((a, b) => cmp(a.name, b.name));
  for (const app of apps) out.push(ecaAppRecord(project, app));
  const cas = project.filesOfType(CONNECTED_APP_TYPE).slice().sort((a, b) => cmp(a.fullName, b.fullName) || byRel(a, b));
  for (const f of cas) {
    const src = sourceOf(f);
    // An unreadable or malformed file: every OAuth value is unknown (its findings say why).
    const posture = connectedAppPosture(src ?? { path: f.path, root: { name: 'ConnectedApp', start: 0, end: 0, contentStart: 0, contentEnd: 0, text: '', children: [] }, text: '' });
    out.push({ ...record(project, f.fullName, 'connectedApp', f, [f], posture), notes: [] });
  }
  return out;
}

/**
 * The records made, per app, with the findings of its files they were made from. The model makes a
 * new AppInfo when one of the app's files is added, removed or replaced (content or verdict), and
 * the engine a new findings array when it re-checks a file: while both are the same objects, so is
 * the record. The tree asks for every app's record at each refresh (`AppInventory.posture`); after
 * an edit, one app's is made again. Records are shared: read-only for their readers.
 */
const records = new InputsMemo<AppInfo, AppPostureRecord>();

/** The record of one External Client App. */
export function ecaAppRecord(project: EcaProject, app: AppInfo): AppPostureRecord {
  return records.get(app, app.files.map((f) => project.check(f.path)), () => makeEcaAppRecord(project, app));
}

function makeEcaAppRecord(project: EcaProject, app: AppInfo): AppPostureRecord {
  const files = [...app.files].sort(byRel);
  const anchor = [...app.headers].sort(byRel)[0] ?? files[0];
  const notes: string[] = [];
  const posture = appPosture(app, anchor, notes);
  return { ...record(project, app.name, 'eca', anchor, files, posture), notes };
}

/** The "Security posture" group's row of the tree: counts only (`AppInventory.posture`). */
export function postureSummary(rec: AppPostureRecord): AppPostureSummary {
  let findings = 0;
  let unknown = 0;
  for (const s of rec.settings) {
    if (s.status === 'finding') findings++;
    else if (s.status === 'unknown') unknown++;
  }
  return { kind: rec.kind, settings: rec.settings.length, findings, unknown };
}

function record(project: EcaProject, name: string, kind: 'eca' | 'connectedApp', anchor: EcaFile | undefined, files: EcaFile[], p: OAuthPosture): Omit<AppPostureRecord, 'notes'> {
  const findings = files.flatMap((f) => project.check(f.path)).sort((a, b) => cmp(a.path, b.path) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || cmp(a.ruleId, b.ruleId));
  const dir = anchor?.packageDir;
  const ships = dir?.package ? files.filter((f) => f.included && f.packageDir === dir).map((f) => f.rel).sort() : null;
  const known = FLOW_NAMES.filter((n) => p.flows[n].enabled !== null);
  const rt = p.refreshToken;
  const rec: Omit<AppPostureRecord, 'settings' | 'notes'> = {
    name,
    kind,
    path: anchor?.rel ?? null,
    packageDirectory: dir?.relPath ?? null,
    package: dir?.package ?? null,
    distributionState: p.distributionState.value,
    ships,
    flows: known.length ? known.filter((n) => p.flows[n].enabled === true) : null,
    flowsUnknown: known.length ? FLOW_NAMES.filter((n) => p.flows[n].enabled === null) : [],
    scopes: p.scopes.items ? p.scopes.items.map((s) => s.name) : null,
    permittedUsers: p.permittedUsers.value,
    preauthorized: { profiles: names(p.preauthorized.profiles.items), permissionSets: names(p.preauthorized.permissionSets.items) },
    ipRelaxation: p.ipRelaxation.value,
    refreshToken: rt.policy.at === null ? null : { policy: rt.policy.value, period: rt.period.value, unit: rt.unit.value, explicit: rt.explicit },
    pkceRequired: p.pkceRequired.value,
    rotation: p.rotation.value,
    sessionLevel: p.session.level.value,
    executionUser: p.executionUser.value,
    findings,
    posture: p,
  };
  return { ...rec, settings: settingRows(rec, files) };
}

function names(items: readonly { name: string }[] | null): string[] | null {
  return items ? items.map((i) => i.name) : null;
}

// ---------------------------------------------------------------------------------------------
// The rows: label, state in words, where it is written, the findings about it.

const UNKNOWN_STATE = 'not in the project';

function spanOf(s: { explicit: boolean; at: PostureLocation | null }): PostureSettingRecord['at'] {
  if (!s.at) return null;
  const el = s.at.element;
  if (s.explicit && el.text) return { path: s.at.path, start: el.contentStart, end: el.contentEnd };
  return { path: s.at.path, start: el.start + 1, end: el.start + 1 + el.name.length };
}

const dflt = (s: { explicit: boolean }) => (s.explicit ? '' : ' (default)');
const list = (xs: readonly string[] | null, none = 'none') => (xs === null ? UNKNOWN_STATE : xs.length ? xs.join(', ') : none);

function settingState<T>(s: Setting<T>, show: (v: T) => string = String, absent = 'none'): string {
  if (!s.at) return UNKNOWN_STATE;
  if (s.value === null) return s.explicit ? `unreadable value "${s.raw ?? ''}"` : absent;
  return `${show(s.value)}${dflt(s)}`;
}

export function refreshTokenText(r: RefreshTokenValue | null): string {
  if (!r) return UNKNOWN_STATE;
  if (!r.policy) return r.explicit ? 'unreadable policy' : 'none';
  const timed = r.policy === 'SpecificLifetime' || r.policy === 'SpecificInactivity';
  return `${r.policy}${timed && r.period !== null ? ` ${r.period} ${r.unit ?? ''}`.trimEnd() : ''}${r.explicit ? '' : ' (default)'}`;
}

/** The enabled flows in words; `compact` (a table cell) counts the unknown ones instead of naming them. */
export function flowsText(rec: Pick<AppPostureRecord, 'flows' | 'flowsUnknown'>, compact = false): string {
  if (rec.flows === null) return UNKNOWN_STATE;
  const unknown = rec.flowsUnknown;
  const on = rec.flows.length ? rec.flows.map((f) => FLOW_LABELS[f]).join(', ') : unknown.length ? 'none known' : 'none';
  if (!unknown.length) return on;
  return compact ? `${on} (${unknown.length} unknown)` : `${on}; unknown: ${unknown.map((f) => FLOW_LABELS[f]).join(', ')}`;
}

export function preauthorizedText(pre: AppPostureRecord['preauthorized']): string {
  if (pre.profiles === null && pre.permissionSets === null) return UNKNOWN_STATE;
  const parts: string[] = [];
  if (pre.profiles?.length) parts.push(`profiles ${pre.profiles.join(', ')}`);
  if (pre.permissionSets?.length) parts.push(`permission sets ${pre.permissionSets.join(', ')}`);
  return parts.join('; ') || 'none';
}

function settingRows(rec: Omit<AppPostureRecord, 'settings' | 'notes'>, files: EcaFile[]): PostureSettingRecord[] {
  const p = rec.posture;
  const eca = rec.kind === 'eca';
  const policiesFile = eca ? 'the OAuth policies file' : 'the Connected App';
  const globalFile = eca ? 'the global OAuth settings file' : 'the Connected App';
  const rows: Omit<PostureSettingRecord, 'status' | 'findings'>[] = [];
  const row = (id: PostureSettingId, label: string, state: string, explanation: string, at: PostureSettingRecord['at']) => rows.push({ id, label, state, explanation, at });

  if (eca) {
    row('distributionState', 'Distribution state', settingState(p.distributionState), 'Packaged: the app is meant for a 2GP package and subscriber orgs; Local: this org only.', spanOf(p.distributionState));
    const header = files.find((f) => f.type?.name === ROLE_TYPES.header);
    row(
      'ships',
      'Ships in the package',
      rec.ships === null ? 'not a 2GP package directory' : rec.ships.length ? rec.ships.map((r) => files.find((f) => f.rel === r)?.type?.label ?? r).join(', ') : 'nothing',
      'The files of the app that `sf package version create` takes into the package build.',
      header ? { path: header.path, start: 0, end: 0 } : null,
    );
  }
  const flowAt = FLOW_NAMES.map((n) => p.flows[n]).find((f) => f.enabled === true)?.sources[0] ?? p.callbackUrls.at ?? p.scopes.at;
  row('flows', 'OAuth flows', flowsText(rec), `The OAuth flows the app allows (read from ${eca ? 'the OAuth settings, global OAuth settings and OAuth policies files' : 'the Connected App'}); each is a way to get a token.`, flowAt ? spanOf({ explicit: true, at: flowAt }) : null);
  row('scopes', 'Scopes', list(rec.scopes), 'What a token may do. Least privilege: the narrowest scopes the integration needs; Full grants everything.', spanOf(p.scopes));
  row('permittedUsers', 'Permitted users', settingState(p.permittedUsers), `Who may use the app: AdminApprovedPreAuthorized (only pre-authorized profiles and permission sets) or AllSelfAuthorized (any user who consents). Set in ${policiesFile}.`, spanOf(p.permittedUsers));
  const pre = p.preauthorized.profiles.explicit ? p.preauthorized.profiles : p.preauthorized.permissionSets;
  row('preauthorized', 'Pre-authorized', preauthorizedText(rec.preauthorized), 'The profiles and permission sets whose users are admin-approved for the app.', spanOf(pre));
  row('ipRelaxation', 'IP relaxation', settingState(p.ipRelaxation), 'Enforce keeps the org\'s login IP ranges for tokens of this app; Bypass lets a token be used from any address.', spanOf(p.ipRelaxation));
  row('refreshToken', 'Refresh token policy', refreshTokenText(rec.refreshToken), 'How long a refresh token stays valid: Infinite never expires; a specific lifetime or idle limit bounds a stolen token.', spanOf(p.refreshToken.policy));
  row('pkce', 'PKCE', settingState(p.pkceRequired, (v) => (v ? 'required' : 'not required')), `Proof Key for Code Exchange on the authorization code flow (set in ${globalFile}).`, spanOf(p.pkceRequired));
  row('rotation', 'Refresh token rotation', settingState(p.rotation, (v) => (v ? 'on' : 'off')), 'A new refresh token with each use, the old one revoked.', spanOf(p.rotation));
  const optional = p.consumerSecretOptional;
  row(
    'secret',
    'Client secret',
    optional.at ? `${optional.value ? 'optional' : 'required'}${p.secretRequiredForRefresh.value === false ? ', not required for refresh' : ''}${dflt(optional)}` : UNKNOWN_STATE,
    'Whether the web-server and refresh token flows require the consumer secret; the secret itself never belongs in source.',
    spanOf(optional),
  );
  row('sessionLevel', 'Session level', settingState(p.session.level), 'The session security level a token must reach: HIGH_ASSURANCE needs multi-factor, which headless flows can\'t do.', spanOf(p.session.level));
  row('executionUser', 'Execution user', settingState(p.executionUser), 'The user the client credentials flow runs as: its permissions are the integration\'s.', spanOf(p.executionUser));

  return rows.map((r) => {
    const ids = RULES_OF[r.id];
    const fs = rec.findings.filter((f) => ids.includes(f.ruleId));
    const status = fs.length ? 'finding' : r.state === UNKNOWN_STATE ? 'unknown' : 'ok';
    return { ...r, status, findings: fs };
  });
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** The posture's rows as the client draws them (`ecaLens/appPosture`). */
export function postureView(project: EcaProject, rec: AppPostureRecord, toUri: ToUri = pathToUri): AppPostureView {
  return {
    kind: rec.kind,
    settings: rec.settings.map((s): PostureSettingView => {
      const out: PostureSettingView = {
        id: s.id,
        label: s.label,
        state: s.state,
        status: s.status,
        explanation: s.explanation,
        findings: [...s.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).map((f) => findingSummary(f, toUri)),
      };
      const doc = s.at ? project.file(s.at.path)?.doc : undefined;
      if (s.at && doc) out.location = { uri: toUri(s.at.path), range: doc.range(s.at.start, s.at.end) };
      return out;
    }),
  };
}
