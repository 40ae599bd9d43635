/**
 * An app's OAuth posture: one normalized record of the security-relevant OAuth settings of an
 * External Client App (spread over its header, OAuth settings, global OAuth settings and OAuth
 * policies files) or of a legacy Connected App (one file), read from parsed XML roots.
 *
 * Pure: no disk, no model, no rules; imports only the XML types. The governance rules, the
 * integration report and the "Security posture" view all read this record, so its shape is an
 * interface: extend it, don't change what a field means.
 *
 * Conventions (every field):
 * - `value: null` means unknown: the file that holds the setting is not in the project (the
 *   global settings file is normally not in source), or the value written is not one we can read.
 * - `explicit: true` when the element is written; `false` when absent and `value` is the
 *   platform default (or null when the platform default is unknown).
 * - `at` is where the value comes from: the element when written; when absent, the element it
 *   belongs in (the file's root; a Connected App's `oauthConfig`/`oauthPolicy`/`sessionPolicy`,
 *   or its root when that is missing) — a rule reports an absent setting there. `at` is null
 *   exactly when the file that would hold the setting is not in the project.
 * - Offsets (`start`, `end`) are UTF-16 offsets in the file text the source was parsed from.
 * - Enumerations are given in ECA spelling (`Bypass`, `SpecificLifetime`, `Days`); `raw` keeps the
 *   text as written (a Connected App writes `BYPASS`, `specific_lifetime:1:HOURS`).
 */
import type { XmlElement } from './parse';
import type {
  PostureRole, PostureSource, EcaPostureSources, PostureLocation, Setting, ScopeToken, CallbackUrl, NameToken, ListSetting, FlowState, PermittedUsers, IpRelaxation, RefreshTokenPolicy, RefreshTokenUnit, RefreshTokenPosture, OAuthPosture,
} from './oauthPostureTypes';

export type {
  PostureRole, PostureSource, EcaPostureSources, PostureLocation, Setting, PostureItem, ScopeToken, CallbackUrl, NameToken, ListSetting, FlowState, OAuthFlows, PermittedUsers, IpRelaxation, RefreshTokenPolicy, RefreshTokenUnit, RefreshTokenPosture, SessionPosture, OAuthPosture,
} from './oauthPostureTypes';

const REFRESH_SCOPES = new Set(['refreshtoken', 'offlineaccess']);

function kid(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}
function kids(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Where values of a role are read from: the parent element (or null when the file is absent). */
interface Holder {
  readonly role: PostureRole;
  readonly src: PostureSource | undefined;
  /** The element children are read from; undefined when the file (or section) is absent. */
  readonly parent: XmlElement | undefined;
  /** Where an absent child is reported: the parent, or the root when the section is missing. */
  readonly fallback: XmlElement | undefined;
}

function holder(role: PostureRole, src: PostureSource | undefined, parent?: XmlElement, fallback?: XmlElement): Holder {
  return { role, src, parent: src ? (parent ?? src.root) : undefined, fallback: src ? (fallback ?? parent ?? src.root) : undefined };
}

const UNKNOWN: Setting<never> = Object.freeze({ value: null, raw: null, explicit: false, at: null });

function loc(h: Holder, element: XmlElement): PostureLocation {
  return { role: h.role, path: h.src!.path, element };
}

/** A setting from one child element, parsed by `parse`, with `dflt` when absent. */
function setting<T>(h: Holder, name: string, parse: (raw: string) => T | null, dflt: T | null = null): Setting<T> {
  if (!h.src) return UNKNOWN;
  const el = kid(h.parent, name);
  if (!el) return { value: dflt, raw: null, explicit: false, at: loc(h, h.fallback!) };
  const raw = el.text.trim();
  return { value: parse(raw), raw, explicit: true, at: loc(h, el) };
}

export function parseBool(raw: string): boolean | null {
  if (/^(true|1)$/i.test(raw)) return true;
  if (/^(false|0)$/i.test(raw)) return false;
  return null;
}
function parseInt10(raw: string): number | null {
  return /^\d+$/.test(raw) ? Number(raw) : null;
}
function parseText(raw: string): string | null {
  return raw === '' ? null : raw;
}
function bool(h: Holder, name: string, dflt: boolean | null): Setting<boolean> {
  return setting(h, name, parseBool, dflt);
}

function oneOf<T extends string>(values: readonly T[]): (raw: string) => T | null {
  return (raw) => values.find((v) => v.toLowerCase() === raw.toLowerCase()) ?? null;
}
const PERMITTED: readonly PermittedUsers[] = ['AdminApprovedPreAuthorized', 'AllSelfAuthorized'];
const IP_RELAXATION: readonly IpRelaxation[] = ['Enforce', 'Bypass', 'Bypass_2factor', 'Enforce_RelaxRefresh'];
const REFRESH_POLICY: readonly RefreshTokenPolicy[] = ['Infinite', 'SpecificInactivity', 'SpecificLifetime', 'Zero'];
const REFRESH_UNIT: readonly RefreshTokenUnit[] = ['Days', 'Hours', 'Months'];

/** Split an element's raw content into trimmed items at `sep`, with offsets. */
function splitContent(src: PostureSource, el: XmlElement, sep: RegExp): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const content = src.text.slice(el.contentStart, el.contentEnd);
  let i = 0;
  const re = new RegExp(sep.source, 'g');
  const push = (s: number, e: number) => {
    let a = s;
    let b = e;
    while (a < b && /\s/.test(content[a]!)) a++;
    while (b > a && /\s/.test(content[b - 1]!)) b--;
    if (b > a) out.push({ text: content.slice(a, b), start: el.contentStart + a, end: el.contentStart + b });
  };
  for (let m = re.exec(content); m; m = re.exec(content)) {
    push(i, m.index);
    i = m.index + m[0].length;
  }
  push(i, content.length);
  return out;
}

function commaList(h: Holder, name: string): ListSetting<NameToken> {
  if (!h.src) return { items: null, explicit: false, at: null };
  const el = kid(h.parent, name);
  if (!el) return { items: [], explicit: false, at: loc(h, h.fallback!) };
  const items = splitContent(h.src, el, /,/).map((t) => ({ name: t.text, path: h.src!.path, element: el, start: t.start, end: t.end }));
  return { items, explicit: true, at: loc(h, el) };
}

function callbackList(h: Holder): ListSetting<CallbackUrl> {
  if (!h.src) return { items: null, explicit: false, at: null };
  const el = kid(h.parent, 'callbackUrl');
  if (!el) return { items: [], explicit: false, at: loc(h, h.fallback!) };
  const items = splitContent(h.src, el, /\r\n|\r|\n/).map((t) => ({ url: t.text, path: h.src!.path, element: el, start: t.start, end: t.end }));
  return { items, explicit: true, at: loc(h, el) };
}

/** One item per repeated element (Connected App `<scopes>`, `<profileName>`, `<permissionSetName>`). */
function repeated(h: Holder, name: string): ListSetting<NameToken> {
  if (!h.src) return { items: null, explicit: false, at: null };
  const els = kids(h.parent, name);
  if (els.length === 0) return { items: [], explicit: false, at: loc(h, h.fallback!) };
  const items: NameToken[] = [];
  for (const el of els) {
    const content = h.src.text.slice(el.contentStart, el.contentEnd);
    const lead = content.length - content.trimStart().length;
    const body = content.trim();
    if (body) items.push({ name: el.text.trim(), path: h.src.path, element: el, start: el.contentStart + lead, end: el.contentStart + lead + body.length });
  }
  return { items, explicit: true, at: loc(h, els[0]!) };
}

/** A flow from boolean settings: enabled when any is true; off when known and none is. */
function flowFrom(...settings: Setting<boolean>[]): FlowState {
  const on = settings.filter((s) => s.value === true);
  if (on.length) return { enabled: true, sources: on.map((s) => s.at!) };
  const known = settings.filter((s) => s.at !== null);
  if (!known.length) return { enabled: null, sources: [] };
  return { enabled: false, sources: known.map((s) => s.at!) };
}

function refreshFlow(scopes: ListSetting<ScopeToken>): FlowState {
  if (!scopes.items) return { enabled: null, sources: [] };
  const hits = scopes.items.filter((s) => REFRESH_SCOPES.has(s.name.toLowerCase()));
  if (hits.length) return { enabled: true, sources: hits.map((s) => ({ role: scopes.at!.role, path: s.path, element: s.element })) };
  return { enabled: false, sources: scopes.at ? [scopes.at] : [] };
}

function callbackFlow(urls: ListSetting<CallbackUrl>): FlowState {
  if (!urls.items) return { enabled: null, sources: [] };
  return { enabled: urls.items.length > 0, sources: urls.at ? [urls.at] : [] };
}

function present(h: Holder, name: string): Setting<boolean> {
  if (!h.src) return UNKNOWN;
  const el = kid(h.parent, name);
  if (!el) return { value: false, raw: null, explicit: false, at: loc(h, h.fallback!) };
  // The raw value is never kept: a certificate may sit next to its private key.
  return { value: el.text.trim() !== '', raw: null, explicit: true, at: loc(h, el) };
}

function days(period: number | null, unit: RefreshTokenUnit | null): number | null {
  if (period === null || unit === null) return null;
  return unit === 'Hours' ? period / 24 : unit === 'Months' ? period * 30 : period;
}

// ---------------------------------------------------------------------------------------------

/** The posture of an External Client App from the roots of its files (each optional). */
export function ecaPosture(sources: EcaPostureSources): OAuthPosture {
  const header = holder('header', sources.header);
  const oauth = holder('oauthSettings', sources.oauthSettings);
  const global = holder('globalSettings', sources.globalSettings);
  const policies = holder('policies', sources.policies);

  const scopeNames = commaList(oauth, 'commaSeparatedOauthScopes');
  const scopes: ListSetting<ScopeToken> = scopeNames;
  const callbackUrls = callbackList(global);
  const certificate = present(global, 'certificate');

  // Refresh token policy: absent in a policies file = the generated default SpecificLifetime 365 Days.
  const policy = setting(policies, 'refreshTokenPolicyType', oneOf(REFRESH_POLICY), 'SpecificLifetime');
  const policyDefaulted = policies.src !== undefined && !policy.explicit;
  const period = setting(policies, 'refreshTokenValidityPeriod', parseInt10, policyDefaulted ? 365 : null);
  const unit = setting(policies, 'refreshTokenValidityUnit', oneOf(REFRESH_UNIT), policyDefaulted ? 'Days' : null);
  const timed = policy.value === 'SpecificLifetime' || policy.value === 'SpecificInactivity';

  return {
    kind: 'eca',
    files: {
      header: sources.header?.path ?? null,
      oauthSettings: sources.oauthSettings?.path ?? null,
      globalSettings: sources.globalSettings?.path ?? null,
      policies: sources.policies?.path ?? null,
      connectedApp: null,
    },
    hasOAuth: !!(sources.oauthSettings || sources.globalSettings || sources.policies),
    distributionState: setting(header, 'distributionState', parseText, 'Local'),
    scopes,
    customScopes: commaList(policies, 'commaSeparatedCustomScopes'),
    callbackUrls,
    flows: {
      authorizationCode: callbackFlow(callbackUrls),
      codeAndCredentials: flowFrom(bool(global, 'isCodeCredFlowEnabled', false), bool(policies, 'isGuestCodeCredFlowEnabled', false)),
      clientCredentials: flowFrom(bool(global, 'isClientCredentialsFlowEnabled', false), bool(policies, 'isClientCredentialsFlowEnabled', false)),
      jwtBearer: flowFrom(certificate),
      namedUserJwt: flowFrom(bool(global, 'isNamedUserJwtEnabled', false)),
      deviceFlow: flowFrom(bool(global, 'isDeviceFlowEnabled', false)),
      tokenExchange: flowFrom(bool(global, 'isTokenExchangeEnabled', false), bool(policies, 'isTokenExchangeFlowEnabled', false)),
      refreshToken: refreshFlow(scopes),
    },
    certificate,
    pkceRequired: bool(global, 'isPkceRequired', false),
    rotation: bool(global, 'isRefreshTokenRotationEnabled', false),
    consumerSecretOptional: bool(global, 'isConsumerSecretOptional', false),
    secretRequiredForRefresh: bool(global, 'isSecretRequiredForRefreshToken', true),
    secretRequiredForTokenExchange: bool(global, 'isSecretRequiredForTokenExchange', null),
    introspectAll: bool(global, 'isIntrospectAllTokens', false),
    permittedUsers: setting(policies, 'permittedUsersPolicyType', oneOf(PERMITTED), 'AllSelfAuthorized'),
    preauthorized: { profiles: commaList(policies, 'commaSeparatedProfile'), permissionSets: commaList(policies, 'commaSeparatedPermissionSet') },
    ipRelaxation: setting(policies, 'ipRelaxationPolicyType', oneOf(IP_RELAXATION), 'Enforce'),
    refreshToken: { policy, period, unit, days: timed ? days(period.value, unit.value) : null, explicit: policy.explicit },
    session: {
      policyAction: setting(policies, 'policyAction', parseText),
      level: setting(policies, 'requiredSessionLevel', parseText, 'STANDARD'),
      timeout: setting(policies, 'sessionTimeoutInMinutes', parseInt10),
    },
    executionUser: setting(policies, 'clientCredentialsFlowUser', parseText),
  };
}

/** `specific_lifetime:1:HOURS` → SpecificLifetime, 1, Hours. */
function connectedAppRefresh(h: Holder): RefreshTokenPosture {
  const s = setting(h, 'refreshTokenPolicy', (raw) => raw);
  if (!s.at) return { policy: UNKNOWN, period: UNKNOWN, unit: UNKNOWN, days: null, explicit: false };
  if (!s.explicit || s.raw === null) {
    return { policy: { ...s, value: null }, period: { ...s, value: null }, unit: { ...s, value: null }, days: null, explicit: false };
  }
  const m = /^(specific_lifetime|specific_inactivity):(\d+):(hours|days|months)$/i.exec(s.raw);
  let policy: RefreshTokenPolicy | null = null;
  let period: number | null = null;
  let unit: RefreshTokenUnit | null = null;
  if (m) {
    policy = m[1]!.toLowerCase() === 'specific_lifetime' ? 'SpecificLifetime' : 'SpecificInactivity';
    period = Number(m[2]);
    unit = oneOf(REFRESH_UNIT)(m[3]!);
  } else if (/^infinite$/i.test(s.raw)) policy = 'Infinite';
  else if (/^zero$/i.test(s.raw)) policy = 'Zero';
  return {
    policy: { ...s, value: policy },
    period: { ...s, value: period },
    unit: { ...s, value: unit },
    days: m ? days(period, unit) : null,
    explicit: true,
  };
}

/** The posture of a legacy Connected App (`.connectedApp-meta.xml`) from its root. */
export function connectedAppPosture(src: PostureSource): OAuthPosture {
  const root = src.root;
  const oauthConfig = kid(root, 'oauthConfig');
  const oauthPolicy = kid(root, 'oauthPolicy');
  const sessionPolicy = kid(root, 'sessionPolicy');
  // Without oauthConfig the app has no OAuth: every OAuth setting is unknown (null).
  const cfg = holder('connectedApp', oauthConfig ? src : undefined, oauthConfig);
  const pol = holder('connectedApp', oauthPolicy ? src : undefined, oauthPolicy);
  const ses = holder('connectedApp', oauthConfig ? src : undefined, sessionPolicy, sessionPolicy ?? root);
  const top = holder('connectedApp', oauthConfig ? src : undefined, root);

  const scopeList = repeated(cfg, 'scopes');
  const scopes: ListSetting<ScopeToken> = scopeList;
  const callbackUrls = callbackList(cfg);
  const certificate = present(cfg, 'certificate');
  const admin = setting(cfg, 'isAdminApproved', parseBool, false);
  const permittedUsers: Setting<PermittedUsers> = {
    ...admin,
    value: admin.at ? (admin.value === true ? 'AdminApprovedPreAuthorized' : 'AllSelfAuthorized') : null,
  };
  // `BYPASS_2FACTOR` → `Bypass_2factor`: the same words, compared case-insensitively.
  const ip = setting(pol, 'ipRelaxation', oneOf(IP_RELAXATION));
  const noSession = !sessionPolicy;
  const sess = <T>(name: string, parse: (raw: string) => T | null): Setting<T> => (noSession ? (ses.src ? { value: null, raw: null, explicit: false, at: loc(ses, root) } : UNKNOWN) : setting(ses, name, parse));

  return {
    kind: 'connectedApp',
    files: { header: null, oauthSettings: null, globalSettings: null, policies: null, connectedApp: src.path },
    hasOAuth: !!oauthConfig,
    distributionState: UNKNOWN,
    scopes,
    customScopes: { items: null, explicit: false, at: null },
    callbackUrls,
    flows: {
      authorizationCode: callbackFlow(callbackUrls),
      codeAndCredentials: flowFrom(bool(cfg, 'isCodeCredentialEnabled', false)),
      clientCredentials: flowFrom(bool(cfg, 'isClientCredentialEnabled', false)),
      jwtBearer: flowFrom(certificate),
      namedUserJwt: flowFrom(bool(cfg, 'isNamedUserJwtEnabled', false)),
      deviceFlow: flowFrom(bool(cfg, 'isDeviceFlowEnabled', false)),
      tokenExchange: flowFrom(bool(cfg, 'isTokenExchangeEnabled', false), bool(pol, 'isTokenExchangeFlowEnabled', false)),
      refreshToken: refreshFlow(scopes),
    },
    certificate,
    pkceRequired: bool(cfg, 'isPkceRequired', false),
    rotation: bool(cfg, 'isRefreshTokenRotationEnabled', false),
    consumerSecretOptional: bool(cfg, 'isConsumerSecretOptional', false),
    secretRequiredForRefresh: bool(cfg, 'isSecretRequiredForRefreshToken', true),
    secretRequiredForTokenExchange: bool(cfg, 'isSecretRequiredForTokenExchange', null),
    introspectAll: bool(cfg, 'isIntrospectAllTokens', false),
    permittedUsers,
    preauthorized: { profiles: repeated(top, 'profileName'), permissionSets: repeated(top, 'permissionSetName') },
    ipRelaxation: ip,
    refreshToken: connectedAppRefresh(pol),
    session: {
      policyAction: sess('policyAction', parseText),
      level: sess('sessionLevel', parseText),
      timeout: sess('sessionTimeout', parseInt10),
    },
    executionUser: setting(cfg, 'oauthClientCredentialUser', parseText),
  };
}

/** Is this scope list entry the `Full` scope? */
export function isFullScope(s: ScopeToken): boolean {
  return s.name === 'Full';
}
