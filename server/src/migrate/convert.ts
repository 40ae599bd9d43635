/**
 * Connected App → External Client App, from source. Pure: the text of one `.connectedApp-meta.xml`
 * in, the readiness verdict and the ECA files' text out; no disk (see plan.ts for where they go).
 *
 * Field mapping: reference §8 (observed in a real migration unless marked inferred). Every element
 * of the Connected App, recursively for the complex ones, ends up either in `mapped` or in
 * `unmapped` with the reason: nothing is dropped silently. `consumerKey` and `consumerSecret` are
 * never written (and their values never appear in any result).
 */
import { parseXml, type XmlElement } from '../metadata/parse';
import type { TextFile } from '../util/text';
import { renderMetadataFile, type XNode } from './xmlWrite';

/** An element of the Connected App that stops the conversion (Salesforce's migration refuses it too). */
export interface Blocker {
  /** Element path in the Connected App, e.g. `canvasConfig` or `samlConfig/encryptionType`. */
  readonly element: string;
  /** What it is, in a few words (`Canvas`, `Apex plugin`, ...), for a one-line summary. */
  readonly label: string;
  readonly why: string;
  /** Offsets of the element in the Connected App text (for a diagnostic range). */
  readonly start: number;
  readonly end: number;
}

export interface Note {
  readonly message: string;
  /** Set on the notes a caller may single out. */
  readonly code?: 'username-password';
  readonly element?: string;
  readonly start?: number;
  readonly end?: number;
}

/** A source element and where its value goes. */
export interface MappedField {
  /** Element path in the Connected App, e.g. `oauthConfig/scopes`. */
  readonly from: string;
  /** File name of the ECA file it goes to, e.g. `App_oauth.ecaOauth-meta.xml`. */
  readonly file: string;
  /** Element path in that file, e.g. `commaSeparatedOauthScopes`. */
  readonly to: string;
  /** The reference marks this mapping as inferred (not seen in a real migration). */
  readonly inferred?: boolean;
}

export interface UnmappedField {
  readonly from: string;
  readonly why: string;
  readonly start: number;
  readonly end: number;
}

/** Which ECA file: the key into the type table's folders. */
export type EcaFileKind = 'header' | 'oauthSettings' | 'globalOauth' | 'oauthPolicies' | 'policies';

export interface EcaFile {
  readonly kind: EcaFileKind;
  /** Metadata API type name. */
  readonly type: string;
  /** Conventional folder (server/src/metadata/types.ts). */
  readonly folder: string;
  readonly fileName: string;
  readonly text: string;
}

export interface Readiness {
  /** No blockers and the file reads as a Connected App. */
  readonly convertible: boolean;
  /** Set when the text is not a readable Connected App (malformed XML, other root). */
  readonly problem?: { readonly message: string; readonly line: number; readonly character: number };
  readonly blockers: readonly Blocker[];
  readonly notes: readonly Note[];
  /** What maps where (the mapping summary). */
  readonly mapped: readonly MappedField[];
  /** What can't be mapped, with why (blockers included). */
  readonly unmapped: readonly UnmappedField[];
}

export interface Conversion extends Readiness {
  /** The ECA's fullName (the Connected App's). */
  readonly fullName: string;
  /** The ECA files, header first. Empty when `problem` is set; present even with blockers. */
  readonly files: readonly EcaFile[];
}

interface Kind {
  type: string;
  folder: string;
  suffix: string;
  root: string;
  nameSuffix: string;
}

/** Names Salesforce's own migration and `sf project retrieve` give the files (reference §1). */
export const ECA_FILE_KINDS: Readonly<Record<EcaFileKind, Kind>> = {
  header: { type: 'ExternalClientApplication', folder: 'externalClientApps', suffix: 'eca', root: 'ExternalClientApplication', nameSuffix: '' },
  oauthSettings: { type: 'ExtlClntAppOauthSettings', folder: 'extlClntAppOauthSettings', suffix: 'ecaOauth', root: 'ExtlClntAppOauthSettings', nameSuffix: '_oauth' },
  globalOauth: { type: 'ExtlClntAppGlobalOauthSettings', folder: 'extlClntAppGlobalOauthSets', suffix: 'ecaGlblOauth', root: 'ExtlClntAppGlobalOauthSettings', nameSuffix: '_glbloauth' },
  oauthPolicies: { type: 'ExtlClntAppOauthConfigurablePolicies', folder: 'extlClntAppOauthPolicies', suffix: 'ecaOauthPlcy', root: 'ExtlClntAppOauthConfigurablePolicies', nameSuffix: '_oauthPlcy' },
  policies: { type: 'ExtlClntAppConfigurablePolicies', folder: 'extlClntAppPolicies', suffix: 'ecaPlcy', root: 'ExtlClntAppConfigurablePolicies', nameSuffix: '_plcy' },
};

export function ecaFileName(kind: EcaFileKind, fullName: string): string {
  const k = ECA_FILE_KINDS[kind];
  return `${fullName}${k.nameSuffix}.${k.suffix}-meta.xml`;
}

const CONNECTED_APP_SUFFIX = '.connectedApp-meta.xml';

/** `Foo.connectedApp-meta.xml` → `Foo`; undefined for any other name. */
export function connectedAppFullName(baseName: string): string | undefined {
  return baseName.endsWith(CONNECTED_APP_SUFFIX) && baseName.length > CONNECTED_APP_SUFFIX.length ? baseName.slice(0, -CONNECTED_APP_SUFFIX.length) : undefined;
}

// ---- the mapping tables ------------------------------------------------------------------------

const HEADER_FIELDS = ['label', 'description', 'contactEmail', 'contactPhone', 'infoUrl', 'logoUrl', 'iconUrl'];

/** oauthConfig flag → global OAuth settings element. */
const GLOBAL_FLAGS: Readonly<Record<string, { to: string; inferred?: boolean }>> = {
  isClientCredentialEnabled: { to: 'isClientCredentialsFlowEnabled' },
  isCodeCredentialEnabled: { to: 'isCodeCredFlowEnabled' },
  isCodeCredentialPostOnly: { to: 'isCodeCredPostOnly' },
  isConsumerSecretOptional: { to: 'isConsumerSecretOptional' },
  isDPopEnabled: { to: 'isDPopEnabled' },
  isDeviceFlowEnabled: { to: 'isDeviceFlowEnabled' },
  isEnforceRefreshTokenTTL: { to: 'isEnforceRefreshTokenTTL' },
  isIntrospectAllTokens: { to: 'isIntrospectAllTokens' },
  isNamedUserJwtEnabled: { to: 'isNamedUserJwtEnabled' },
  isPkceRequired: { to: 'isPkceRequired' },
  isRefreshTokenRotationEnabled: { to: 'isRefreshTokenRotationEnabled' },
  isSecretRequiredForRefreshToken: { to: 'isSecretRequiredForRefreshToken' },
  isSecretRequiredForTokenExchange: { to: 'isSecretRequiredForTokenExchange' },
  isTokenExchangeEnabled: { to: 'isTokenExchangeEnabled' },
  isPKImTLSEnabled: { to: 'isMtlsEnabled', inferred: true },
};

/** oauthConfig/idTokenConfig → global idTokenConfig (renamed fields, inferred). */
const ID_TOKEN_FIELDS: Readonly<Record<string, string>> = {
  idTokenAudience: 'idTokenAudience',
  idTokenIncludeAttributes: 'idTokenIncludeAttributes',
  idTokenIncludeCustomPerms: 'idTokenIncludeCustomPermissions',
  idTokenIncludeStandardClaims: 'idTokenIncludeStandardClaims',
  idTokenValidity: 'idTokenValidityInMinutes',
};

/** oauthConfig/assetTokenConfig → OAuth settings asset-token fields (inferred). */
const ASSET_TOKEN_FIELDS: Readonly<Record<string, string>> = {
  assetAudiences: 'assetTokenAudiences',
  assetIncludeAttributes: 'areAttributesIncludedInAssetToken',
  assetIncludeCustomPerms: 'areCustomPermsIncludedInAssetToken',
  assetSigningCertId: 'assetTokenSigningCertificate',
  assetValidityPeriod: 'assetTokenValidity',
};

export const IP_RELAXATION: Readonly<Record<string, string>> = {
  ENFORCE: 'Enforce',
  BYPASS: 'Bypass',
  BYPASS_2FACTOR: 'Bypass_2factor',
  ENFORCE_RELAXREFRESH: 'Enforce_RelaxRefresh',
};

const REFRESH_KIND: Readonly<Record<string, string>> = {
  specific_lifetime: 'SpecificLifetime',
  specific_inactivity: 'SpecificInactivity',
};
const REFRESH_UNIT: Readonly<Record<string, string>> = { HOURS: 'Hours', DAYS: 'Days', MONTHS: 'Months' };
const SESSION_LEVELS = ['LOW', 'STANDARD', 'HIGH_ASSURANCE'];
const POLICY_ACTIONS = ['Block', 'RaiseSessionLevel', 'StepUpMFA'];

/** ConnectedApp scope spelling → ECA spelling, where they differ (reference §8). */
const SCOPE_RENAMES: Readonly<Record<string, string>> = { SFAP: 'SFApiPlatform' };
/** ConnectedAppOauthAccessScope in @salesforce/types 1.9.0. */
const KNOWN_SCOPES = new Set(
  'Basic Api Web Full Chatter CustomApplications RefreshToken OpenID Profile Email Address Phone OfflineAccess CustomPermissions Wave Eclair Pardot Lightning Content CDPIngest CDPProfile CDPQuery Chatbot CDPSegment CDPIdentityResolution CDPCalculatedInsight ForgotPassword UserRegistration SFAP Interaction CDP EinsteinGPT PwdlessLogin MCP SCRT DataCloudUserClaims A2A CmdbDiscovery SemanticLayer'.split(' '),
);

export const SECRET_WHY =
  'never written to source: Salesforce\'s migration in Setup keeps the consumer key and secret in the org, and the global OAuth settings must stay out of source control';

const BLOCK_CANVAS = 'Canvas apps can\'t be migrated to an External Client App (Salesforce lists Canvas as a migration blocker); keep the Connected App or rebuild the Canvas part';
const BLOCK_PLUGIN = 'a custom Apex plugin (ConnectedAppPlugin) blocks the migration; External Client Apps have no Connected App plugin';
const BLOCK_MOBILE = 'mobile app and push settings block the migration from source; External Client Apps configure them in separate mobile/push settings that this conversion does not write';
const BLOCK_3DES = 'SAML assertions encrypted with Triple-DES block the migration; switch the encryption to AES-128 or AES-256 first';
const BLOCK_PROVISIONING = 'user provisioning blocks the migration; External Client Apps do not support it';

// ---- the conversion ----------------------------------------------------------------------------

class Collector {
  readonly mapped: MappedField[] = [];
  readonly unmapped: UnmappedField[] = [];
  readonly blockers: Blocker[] = [];
  readonly notes: Note[] = [];
  readonly out: Record<EcaFileKind, XNode[]> = { header: [], oauthSettings: [], globalOauth: [], oauthPolicies: [], policies: [] };
  private readonly seen = new Set<string>();
  private readonly paths = new Map<XmlElement, string>();

  constructor(
    root: XmlElement,
    readonly fullName: string,
  ) {
    const walk = (el: XmlElement, prefix: string) => {
      for (const c of el.children) {
        const p = prefix ? `${prefix}/${c.name}` : c.name;
        this.paths.set(c, p);
        walk(c, p);
      }
    };
    walk(root, '');
  }

  path(el: XmlElement): string {
    return this.paths.get(el) ?? el.name;
  }

  /** Record that `el` goes to `to` in the `kind` file (once per from/to pair). */
  map(el: XmlElement, kind: EcaFileKind, to: string, inferred = false): void {
    const from = this.path(el);
    const file = ecaFileName(kind, this.fullName);
    const key = `${from}\0${file}\0${to}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.mapped.push(inferred ? { from, file, to, inferred } : { from, file, to });
  }

  put(kind: EcaFileKind, node: XNode): void {
    const list = this.out[kind];
    // A leaf written twice (two sources for one field) keeps the first value.
    if (node.children === undefined && list.some((n) => n.name === node.name && n.children === undefined)) return;
    list.push(node);
  }

  has(kind: EcaFileKind, name: string): XNode | undefined {
    return this.out[kind].find((n) => n.name === name);
  }

  unmap(el: XmlElement, why: string): void {
    this.unmapped.push({ from: this.path(el), why, start: el.start, end: el.end });
  }

  block(el: XmlElement, label: string, why: string, elementForUnmapped: XmlElement = el): void {
    this.blockers.push({ element: this.path(el), label, why, start: el.start, end: el.end });
    this.unmap(elementForUnmapped, why);
  }

  note(message: string, el?: XmlElement, code?: Note['code']): void {
    const n: Note = el ? { message, element: this.path(el), start: el.start, end: el.end } : { message };
    this.notes.push(code ? { ...n, code } : n);
  }
}

const lower = (s: string) => s.trim().toLowerCase();
const bool = (s: string) => (lower(s) === 'true' ? 'true' : lower(s) === 'false' ? 'false' : s.trim());
const isTrue = (el: XmlElement | undefined) => !!el && lower(el.text) === 'true';

/**
 * Convert one Connected App. `fullName` is the app's name (from its file name: see
 * `connectedAppFullName`); the ECA files are named after it.
 */
export function convertConnectedApp(file: TextFile, fullName: string): Conversion {
  const parsed = parseXml(file);
  const fail = (message: string, line = 0, character = 0): Conversion => ({
    convertible: false,
    problem: { message, line, character },
    blockers: [],
    notes: [],
    mapped: [],
    unmapped: [],
    fullName,
    files: [],
  });
  if (parsed.error || !parsed.root) return fail(parsed.error?.message ?? 'not XML', parsed.error?.line, parsed.error?.character);
  const root = parsed.root;
  if (root.name !== 'ConnectedApp') {
    const at = file.positionAt(root.start);
    return fail(`the root element is <${root.name}>, not <ConnectedApp>`, at.line, at.character);
  }
  const c = new Collector(root, fullName);
  const oauthConfig = root.children.find((e) => e.name === 'oauthConfig');
  const hasOauth = !!oauthConfig;
  const noOauthWhy = 'the Connected App has no oauthConfig, so the conversion writes no OAuth files to hold it';

  // Header: always.
  c.put('header', { name: 'distributionState', value: 'Local' });
  const leaf = (el: XmlElement, kind: EcaFileKind, to: string, value = el.text, inferred = false): void => {
    if (el.children.length) {
      c.unmap(el, `expected a value, found child elements`);
      return;
    }
    if (value.trim() === '') {
      c.unmap(el, 'empty: nothing to carry over');
      return;
    }
    c.put(kind, { name: to, value });
    c.map(el, kind, to, inferred);
  };

  const permissionSets: XmlElement[] = [];
  const profiles: XmlElement[] = [];

  for (const el of root.children) {
    const n = el.name;
    if (HEADER_FIELDS.includes(n)) {
      leaf(el, 'header', n, el.text, n !== 'label' && n !== 'description' && n !== 'contactEmail');
      continue;
    }
    switch (n) {
      case 'fullName':
        // Metadata-format files may carry it; the ECA's name is the file name.
        c.map(el, 'header', 'fullName (the file name)');
        break;
      case 'oauthConfig':
        convertOauthConfig(c, el, leaf);
        break;
      case 'oauthPolicy':
        if (!hasOauth) c.unmap(el, noOauthWhy);
        else convertOauthPolicy(c, el, leaf);
        break;
      case 'sessionPolicy':
        if (!hasOauth) c.unmap(el, noOauthWhy);
        else convertSessionPolicy(c, el, leaf);
        break;
      case 'permissionSetName':
        if (!hasOauth) c.unmap(el, noOauthWhy);
        else permissionSets.push(el);
        break;
      case 'profileName':
        if (!hasOauth) c.unmap(el, noOauthWhy);
        else profiles.push(el);
        break;
      case 'ipRanges':
        if (!hasOauth) c.unmap(el, noOauthWhy);
        else convertIpRange(c, el);
        break;
      case 'startUrl':
        if (el.text.trim() === '') c.unmap(el, 'empty: nothing to carry over');
        else {
          c.put('policies', { name: 'startPage', value: 'Custom' });
          c.put('policies', { name: 'startUrl', value: el.text });
          c.map(el, 'policies', 'startUrl');
          c.map(el, 'policies', 'startPage');
        }
        break;
      case 'attributes':
        c.unmap(
          el,
          'custom attributes are not converted: an External Client App keeps them as customAttributes in the OAuth settings or the OAuth policies, and which one this app needs is for you to decide; add them after migrating',
        );
        break;
      case 'samlConfig': {
        const enc = el.children.find((x) => x.name === 'encryptionType');
        if (enc && /^(triple[_ -]?des|3des|des3)$/i.test(enc.text.trim())) c.block(enc, 'SAML Triple-DES encryption', BLOCK_3DES, el);
        else
          c.unmap(
            el,
            'SAML settings are not converted: this conversion writes the OAuth files only; configure SAML on the External Client App in Setup (its SAML policies are admin-owned, not packaged)',
          );
        break;
      }
      case 'canvasConfig':
      case 'canvas':
        c.block(el, 'Canvas', BLOCK_CANVAS);
        break;
      case 'plugin':
        c.block(el, 'Apex plugin', BLOCK_PLUGIN);
        break;
      case 'pluginExecutionUser':
        c.unmap(el, 'the execution user of a Connected App plugin; External Client Apps have no plugin to run');
        break;
      case 'mobileAppConfig':
      case 'mobileStartUrl':
        c.block(el, 'mobile/push settings', BLOCK_MOBILE);
        break;
      default:
        if (/provision/i.test(n)) c.block(el, 'user provisioning', BLOCK_PROVISIONING);
        else if (/push/i.test(n)) c.block(el, 'mobile/push settings', BLOCK_MOBILE);
        else c.unmap(el, `not a Connected App field this conversion knows; check it by hand`);
    }
  }

  // Permitted users.
  const joinNames = (els: XmlElement[]) =>
    els
      .map((e) => e.text.trim())
      .filter((s) => s !== '')
      .join(',');
  if (permissionSets.length) {
    const v = joinNames(permissionSets);
    if (v) {
      c.put('oauthPolicies', { name: 'commaSeparatedPermissionSet', value: v });
      for (const e of permissionSets) c.map(e, 'oauthPolicies', 'commaSeparatedPermissionSet');
      c.note(
        'permissionSetName in a Connected App may hold permission set labels (e.g. "Integration - Admin"), while commaSeparatedPermissionSet needs API names: check each name in the OAuth policies file against the project\'s permission sets',
        permissionSets[0],
      );
    } else for (const e of permissionSets) c.unmap(e, 'empty: nothing to carry over');
  }
  if (profiles.length) {
    const v = joinNames(profiles);
    if (v) {
      c.put('oauthPolicies', { name: 'commaSeparatedProfile', value: v });
      for (const e of profiles) c.map(e, 'oauthPolicies', 'commaSeparatedProfile');
    } else for (const e of profiles) c.unmap(e, 'empty: nothing to carry over');
  }
  if (hasOauth && (permissionSets.length || profiles.length) && !isTrue(oauthConfig!.children.find((e) => e.name === 'isAdminApproved'))) {
    c.note('profiles and permission sets only limit access when permitted users are "Admin approved users are pre-authorized" (isAdminApproved true); this app lets all users self-authorize', permissionSets[0] ?? profiles[0]);
  }

  // Server-to-server mechanisms: without any, the app may rely on the username-password flow.
  if (hasOauth) {
    const o = oauthConfig!;
    const has = (name: string) => o.children.some((e) => e.name === name && e.text.trim() !== '');
    const flag = (name: string) => isTrue(o.children.find((e) => e.name === name));
    if (!has('certificate') && !flag('isClientCredentialEnabled') && !has('callbackUrl')) {
      c.note(
        'nothing in this file reveals how the app signs in (no certificate for JWT bearer, no client credentials, no callback URL): it may rely on the username-password flow, which External Client Apps do not support; confirm the flow before migrating',
        o,
        'username-password',
      );
    }
    if (flag('isClientCredentialEnabled') && !has('oauthClientCredentialUser')) {
      c.note('client credentials are enabled but no oauthClientCredentialUser is set: set clientCredentialsFlowUser (an API-only integration user) in the OAuth policies file', o.children.find((e) => e.name === 'isClientCredentialEnabled'));
    }
  } else {
    c.note('the Connected App has no oauthConfig: only the header is written');
  }

  const files: EcaFile[] = [];
  const emit = (kind: EcaFileKind, satellite: boolean, always: boolean) => {
    const body = c.out[kind];
    if (!always && body.length === 0) return;
    const children = satellite ? [{ name: 'externalClientApplication', value: fullName }, ...body] : body;
    const k = ECA_FILE_KINDS[kind];
    files.push({ kind, type: k.type, folder: k.folder, fileName: ecaFileName(kind, fullName), text: renderMetadataFile(k.root, children) });
  };
  emit('header', false, true);
  if (hasOauth) {
    emit('oauthSettings', true, true);
    emit('globalOauth', true, true);
    emit('oauthPolicies', true, true);
  }
  if (c.out.policies.length) {
    c.put('policies', { name: 'isEnabled', value: 'true' });
    if (hasOauth) c.put('policies', { name: 'isOauthPluginEnabled', value: 'true' });
    emit('policies', true, true);
  }
  return {
    convertible: c.blockers.length === 0,
    blockers: c.blockers,
    notes: c.notes,
    mapped: c.mapped,
    unmapped: c.unmapped,
    fullName,
    files,
  };
}

type Leaf = (el: XmlElement, kind: EcaFileKind, to: string, value?: string, inferred?: boolean) => void;

function convertOauthConfig(c: Collector, o: XmlElement, leaf: Leaf): void {
  const scopes: XmlElement[] = [];
  let adminApproved: XmlElement | undefined;
  for (const el of o.children) {
    const n = el.name;
    const g = GLOBAL_FLAGS[n];
    if (g) {
      leaf(el, 'globalOauth', g.to, bool(el.text), g.inferred);
      if (n === 'isClientCredentialEnabled' && el.text.trim() !== '') leaf(el, 'oauthPolicies', 'isClientCredentialsFlowEnabled', bool(el.text));
      continue;
    }
    switch (n) {
      case 'callbackUrl': {
        const urls = el.text
          .split(/\r?\n|\r/)
          .map((s) => s.trim())
          .filter((s) => s !== '');
        leaf(el, 'globalOauth', 'callbackUrl', urls.join('\n'));
        break;
      }
      case 'certificate':
        leaf(el, 'globalOauth', 'certificate');
        break;
      case 'consumerKey':
      case 'consumerSecret':
        c.unmap(el, SECRET_WHY);
        break;
      case 'isAdminApproved':
        adminApproved = el;
        leaf(el, 'oauthPolicies', 'permittedUsersPolicyType', isTrue(el) ? 'AdminApprovedPreAuthorized' : 'AllSelfAuthorized');
        break;
      case 'oauthClientCredentialUser':
        leaf(el, 'oauthPolicies', 'clientCredentialsFlowUser');
        break;
      case 'scopes':
        scopes.push(el);
        break;
      case 'singleLogoutUrl':
        leaf(el, 'oauthSettings', 'singleLogoutUrl', el.text, true);
        break;
      case 'idTokenConfig': {
        const kids: XNode[] = [];
        for (const k of el.children) {
          const to = ID_TOKEN_FIELDS[k.name];
          if (!to) c.unmap(k, 'no idTokenConfig field of the global OAuth settings is known to hold it');
          else if (k.text.trim() === '') c.unmap(k, 'empty: nothing to carry over');
          else {
            kids.push({ name: to, value: k.text });
            c.map(k, 'globalOauth', `idTokenConfig/${to}`, true);
          }
        }
        if (kids.length) c.put('globalOauth', { name: 'idTokenConfig', children: kids });
        else if (!el.children.length) c.unmap(el, 'empty: nothing to carry over');
        break;
      }
      case 'assetTokenConfig':
        for (const k of el.children) {
          const to = ASSET_TOKEN_FIELDS[k.name];
          if (!to) c.unmap(k, 'no asset-token field of the OAuth settings is known to hold it');
          else leaf(k, 'oauthSettings', to, k.text, true);
        }
        if (!el.children.length) c.unmap(el, 'empty: nothing to carry over');
        break;
      default:
        c.unmap(el, 'no External Client App field is known to hold it; check it by hand');
    }
  }
  if (!adminApproved) {
    c.put('oauthPolicies', { name: 'permittedUsersPolicyType', value: 'AllSelfAuthorized' });
    c.note('isAdminApproved is absent (false by default): the OAuth policies say AllSelfAuthorized, every user may self-authorize', o);
  }
  if (scopes.length) {
    const tokens: string[] = [];
    for (const s of scopes) {
      const t = s.text.trim();
      if (!t) continue;
      if (!KNOWN_SCOPES.has(t)) c.note(`scope "${t}" is not a known Connected App scope; it is written as is`, s);
      const v = SCOPE_RENAMES[t] ?? t;
      if (!tokens.includes(v)) tokens.push(v);
    }
    if (tokens.length) {
      c.put('oauthSettings', { name: 'commaSeparatedOauthScopes', value: tokens.join(', ') });
      for (const s of scopes) c.map(s, 'oauthSettings', 'commaSeparatedOauthScopes');
    } else for (const s of scopes) c.unmap(s, 'empty: nothing to carry over');
  }
}

function convertOauthPolicy(c: Collector, p: XmlElement, leaf: Leaf): void {
  for (const el of p.children) {
    const v = el.text.trim();
    switch (el.name) {
      case 'ipRelaxation': {
        const to = IP_RELAXATION[v.toUpperCase()];
        if (to) leaf(el, 'oauthPolicies', 'ipRelaxationPolicyType', to, v.toUpperCase() !== 'BYPASS');
        else c.unmap(el, `unknown ipRelaxation value (expected ${Object.keys(IP_RELAXATION).join(', ')})`);
        break;
      }
      case 'refreshTokenPolicy': {
        const r = refreshTokenPolicy(v);
        if (!r) {
          c.unmap(el, 'unknown refreshTokenPolicy value (expected infinite, zero, specific_lifetime:N:HOURS|DAYS|MONTHS or specific_inactivity:N:...)');
          break;
        }
        c.put('oauthPolicies', { name: 'refreshTokenPolicyType', value: r.type });
        c.map(el, 'oauthPolicies', 'refreshTokenPolicyType', v.toLowerCase() !== 'infinite');
        if (r.period !== undefined) {
          c.put('oauthPolicies', { name: 'refreshTokenValidityPeriod', value: r.period });
          c.put('oauthPolicies', { name: 'refreshTokenValidityUnit', value: r.unit! });
          c.map(el, 'oauthPolicies', 'refreshTokenValidityPeriod', true);
          c.map(el, 'oauthPolicies', 'refreshTokenValidityUnit', true);
        }
        break;
      }
      case 'isTokenExchangeFlowEnabled':
        leaf(el, 'oauthPolicies', 'isTokenExchangeFlowEnabled', bool(el.text));
        break;
      case 'singleLogoutUrl': {
        const prev = c.has('oauthSettings', 'singleLogoutUrl');
        if (prev && prev.value !== el.text) c.unmap(el, 'oauthConfig/singleLogoutUrl already gives the OAuth settings a different single logout URL');
        else leaf(el, 'oauthSettings', 'singleLogoutUrl', el.text, true);
        break;
      }
      default:
        c.unmap(el, 'no External Client App policy field is known to hold it; check it by hand');
    }
  }
}

/** `specific_lifetime:1:HOURS` → SpecificLifetime, 1, Hours. */
export function refreshTokenPolicy(v: string): { type: string; period?: string; unit?: string } | undefined {
  const t = v.trim();
  if (/^infinite$/i.test(t)) return { type: 'Infinite' };
  if (/^zero$/i.test(t)) return { type: 'Zero' };
  const m = /^(specific_lifetime|specific_inactivity):(\d+):([A-Za-z]+)$/i.exec(t);
  if (!m) return undefined;
  const type = REFRESH_KIND[m[1]!.toLowerCase()];
  const unit = REFRESH_UNIT[m[3]!.toUpperCase()];
  if (!type || !unit) return undefined;
  return { type, period: String(Number(m[2])), unit };
}

function convertSessionPolicy(c: Collector, p: XmlElement, leaf: Leaf): void {
  for (const el of p.children) {
    const v = el.text.trim();
    switch (el.name) {
      case 'sessionTimeout':
        if (/^\d+$/.test(v)) leaf(el, 'oauthPolicies', 'sessionTimeoutInMinutes', v);
        else c.unmap(el, 'sessionTimeout is not a whole number of minutes');
        break;
      case 'sessionLevel': {
        const level = SESSION_LEVELS.find((s) => s === v.toUpperCase());
        if (level) leaf(el, 'oauthPolicies', 'requiredSessionLevel', level);
        else c.unmap(el, `unknown session level (expected ${SESSION_LEVELS.join(', ')})`);
        break;
      }
      case 'policyAction': {
        const action = POLICY_ACTIONS.find((a) => a.toLowerCase() === v.toLowerCase().replace(/_/g, ''));
        if (action) leaf(el, 'oauthPolicies', 'policyAction', action);
        else c.unmap(el, `unknown policy action (expected ${POLICY_ACTIONS.join(', ')})`);
        break;
      }
      default:
        c.unmap(el, 'no External Client App policy field is known to hold it; check it by hand');
    }
  }
}

function convertIpRange(c: Collector, r: XmlElement): void {
  const names: Record<string, string> = { start: 'startIpAddress', end: 'endIpAddress', description: 'description' };
  const start = r.children.find((k) => k.name === 'start' && k.text.trim() !== '');
  const end = r.children.find((k) => k.name === 'end' && k.text.trim() !== '');
  if (!start || !end) {
    c.unmap(r, 'an IP range needs both start and end');
    return;
  }
  const kids: XNode[] = [];
  for (const k of r.children) {
    const to = names[k.name];
    if (!to) c.unmap(k, 'no trustedIpRanges field is known to hold it');
    else if (k.text.trim() === '') c.unmap(k, 'empty: nothing to carry over');
    else {
      kids.push({ name: to, value: k.text.trim() });
      c.map(k, 'oauthSettings', `trustedIpRanges/${to}`, true);
    }
  }
  c.put('oauthSettings', { name: 'trustedIpRanges', children: kids });
}

/** The readiness verdict alone (for the `connected-app-migration` rule). */
export function checkReadiness(file: TextFile, fullName = 'App'): Readiness {
  const { files: _files, fullName: _name, ...readiness } = convertConnectedApp(file, fullName);
  return readiness;
}
