/**
 * The schema of the ECA types and ConnectedApp, in one place:
 * - the generated table (schema.generated.ts, from the Metadata API types in `@salesforce/types`:
 *   field order, kinds, required flags, enums, `since`),
 * - merged with the hand-kept overlay (schemaOverlay.ts: documented values of untyped strings,
 *   defaults, elements seen in real files),
 * - and the human descriptions below (reference §3 and §7): hover text and notes on what each
 *   setting does to a package or to security.
 * Read it through `schemaFor`, `complexType`, `fieldOf`, `scopeNames` (end of file). `SCHEMA` and
 * `fieldInfo` give the descriptions alone. A field the schema lacks is not an error (real files
 * carry undocumented fields).
 */
import { GENERATED_SCHEMA } from './schema.generated';
import { SCHEMA_OVERLAY } from './schemaOverlay';
import type { FieldKind, GeneratedField, GeneratedType, OverlayField } from './schemaTypes';

export interface FieldInfo {
  /** One or two sentences for people. */
  readonly description: string;
  /** Allowed values, when the field is an enumeration. */
  readonly values?: readonly string[];
  readonly kind?: 'boolean' | 'string' | 'int' | 'list' | 'object';
  readonly required?: boolean;
  /** A packaging or security note shown under the description. */
  readonly note?: string;
  /** Child elements (for repeated structures such as customAttributes). */
  readonly fields?: Readonly<Record<string, FieldInfo>>;
}

/** The human description of a type and its fields. */
export interface TypeDoc {
  readonly description: string;
  readonly fields: Readonly<Record<string, FieldInfo>>;
}

const appRef: FieldInfo = {
  description: 'The fullName of the External Client App this file belongs to. This element, not the file name, links the file to its app.',
  kind: 'string',
  required: true,
};
const label: FieldInfo = { description: 'Name shown in Setup.', kind: 'string' };
const bool = (description: string, note?: string): FieldInfo => ({ description, kind: 'boolean', values: ['true', 'false'], ...(note ? { note } : {}) });
const customAttributes: FieldInfo = {
  description: 'Custom attributes added to the token or the user info response, one element per attribute.',
  kind: 'list',
  fields: {
    key: { description: 'Attribute name as the client receives it.', kind: 'string' },
    formula: { description: 'Formula that computes the value for the running user.', kind: 'string' },
  },
};

export const SCHEMA: Readonly<Record<string, TypeDoc>> = {
  ExternalClientApplication: {
    description: 'The header of an External Client App: its name, contact and distribution state. It may be packaged in 2GP.',
    fields: {
      contactEmail: { description: 'Email address of the app\'s contact; required in practice.', kind: 'string' },
      contactPhone: { description: 'Phone number of the app\'s contact.', kind: 'string' },
      description: { description: 'What the app is for.', kind: 'string' },
      distributionState: {
        description: 'Whether the app stays in the org that created it (Local) or can be distributed in a package (Packaged).',
        values: ['Local', 'Packaged'],
        kind: 'string',
        note: 'Only a Packaged app may go into a 2GP package. AutoInstalled and Managed are internal states.',
      },
      iconUrl: { description: 'URL of the icon shown for the app.', kind: 'string' },
      infoUrl: { description: 'URL of a page with more about the app.', kind: 'string' },
      isProtected: bool('A protected app is hidden from subscribers of a managed package (only usable inside the package).'),
      label,
      logoUrl: { description: 'URL of the app\'s logo.', kind: 'string' },
      managedType: { description: 'Set by Salesforce for managed apps; internal.', kind: 'string' },
      orgScopedExternalApp: {
        description: 'The org that owns the app and the app\'s name: `<org id>:<fullName>`, e.g. `00D5g000004XyZa:MyApp`.',
        kind: 'string',
        note: 'For a packaged app the org is the Dev Hub (or a persistent org with enablePackageEcaOauthFromDevOrg); apps created in scratch orgs or sandboxes can\'t be packaged. A placeholder org id fails validation on deploy.',
      },
    },
  },
  ExtlClntAppOauthSettings: {
    description: 'OAuth settings of an External Client App that travel with the app: scopes, the link to the owning org\'s consumer, custom attributes. They may be packaged with the header.',
    fields: {
      externalClientApplication: appRef,
      commaSeparatedOauthScopes: {
        description: 'OAuth scopes the app may request, separated by ", " (e.g. `Api, RefreshToken`).',
        kind: 'string',
        note: '`Full` gives full access and is rated Critical by the Security Health Review; prefer narrow or custom scopes.',
      },
      oauthLink: {
        description: 'Link to the OAuth consumer in the owning org: `<org id>:<888… consumer id>`. Generated on deploy when absent.',
        kind: 'string',
        note: 'An oauthLink retrieved from one org and deployed to another fails ("couldn\'t update your OAuth link"); remove it before deploying elsewhere.',
      },
      label,
      isFirstPartyAppEnabled: bool('Marks a Salesforce first-party app.'),
      singleLogoutUrl: { description: 'URL Salesforce calls when the user logs out (single logout).', kind: 'string' },
      customAttributes,
      trustedIpRanges: {
        description: 'IP ranges trusted for this app.',
        kind: 'list',
        fields: {
          startIpAddress: { description: 'First address of the range.', kind: 'string' },
          endIpAddress: { description: 'Last address of the range.', kind: 'string' },
          description: { description: 'Why the range is trusted.', kind: 'string' },
        },
      },
      clientAssertionCertificate: { description: 'Certificate used to verify client assertions.', kind: 'string' },
      assetTokenAudiences: { description: 'Audiences of asset tokens issued for the app.', kind: 'string' },
      assetTokenSigningCertificate: { description: 'Certificate that signs asset tokens.', kind: 'string' },
      assetTokenValidity: { description: 'How long an asset token is valid.', kind: 'int' },
      areAttributesIncludedInAssetToken: bool('Include custom attributes in asset tokens.'),
      areCustomPermsIncludedInAssetToken: bool('Include custom permissions in asset tokens.'),
    },
  },
  ExtlClntAppGlobalOauthSettings: {
    description: 'Global OAuth settings: callback URLs, consumer key and secret, certificate and flow switches. Owned by the Dev Hub and replicated from it; they can\'t be packaged and must not be in source control.',
    fields: {
      externalClientApplication: appRef,
      callbackUrl: { description: 'Allowed callback URLs, one per line.', kind: 'string' },
      certificate: { description: 'PEM certificate; enables the JWT bearer flow.', kind: 'string' },
      consumerKey: { description: 'The OAuth consumer key (client id).', kind: 'string', note: 'Do not commit it: global settings belong to the Dev Hub.' },
      consumerSecret: { description: 'The OAuth consumer secret.', kind: 'string', note: 'A secret in source control must be removed and rotated.' },
      idTokenConfig: { description: 'Contents and validity of the OpenID Connect ID token.', kind: 'object' },
      isClientCredentialsFlowEnabled: bool('Enables the client credentials flow (needs a Run As user in the OAuth policies).'),
      isCodeCredFlowEnabled: bool('Enables the authorization code and credentials flow.'),
      isCodeCredPostOnly: bool('Accept the code and credentials flow only by POST.'),
      isConsumerSecretOptional: bool('Lets the web-server flow run without the consumer secret.', 'Keep false unless the app is a public client, which then needs PKCE (High in the Security Health Review).'),
      isDeviceFlowEnabled: bool('Enables the device flow.'),
      isIntrospectAllTokens: bool('Lets the app introspect every token in the org.', 'A least-privilege warning: only token-management apps need it.'),
      isNamedUserJwtEnabled: bool('Enables the named-user JWT flow.'),
      isPkceRequired: bool('Requires PKCE for the authorization code flow.', 'High in the Security Health Review; AppExchange partners must turn it on for apps used by more than two customer production orgs.'),
      isRefreshTokenRotationEnabled: bool('Issues a new refresh token on each use and invalidates the old one.', 'High in the Security Health Review; required for AppExchange partners (see isPkceRequired).'),
      isSecretRequiredForRefreshToken: bool('Requires the consumer secret for the refresh-token flow (default true).', 'Keep true (High in the Security Health Review).'),
      isSecretRequiredForTokenExchange: bool('Requires the consumer secret for the token exchange flow.'),
      isTokenExchangeEnabled: bool('Enables the token exchange flow.'),
      label,
      shouldRotateConsumerKey: bool('Rotate the consumer key on the next deploy.'),
      shouldRotateConsumerSecret: bool('Rotate the consumer secret on the next deploy.'),
      isDPopEnabled: bool('Requires DPoP-bound tokens (seen in real files, undocumented).'),
      isEnforceRefreshTokenTTL: bool('Enforces the refresh token time to live (seen in real files, undocumented).'),
    },
  },
  ExtlClntAppOauthConfigurablePolicies: {
    description: 'OAuth policies of an External Client App: who may use it, IP relaxation, refresh-token and session policies, the client-credentials Run As user. Managed by the admin of each org that installs the app; they can\'t be packaged.',
    fields: {
      externalClientApplication: appRef,
      clientCredentialsFlowUser: {
        description: 'Username of the execution ("Run As") user of the client credentials flow; the user must be API Only.',
        kind: 'string',
        note: 'The user exists only in one org: in a package build or another org it fails with "Enter a valid execution user for the OAuth client credentials flow."',
      },
      isClientCredentialsFlowEnabled: bool('Enables the client credentials flow for this org.', 'Use a dedicated API-only execution user without admin permissions.'),
      permittedUsersPolicyType: {
        description: 'Who may use the app: only pre-authorized users (by permission set or profile), or every user after self-authorization.',
        values: ['AdminApprovedPreAuthorized', 'AllSelfAuthorized'],
        kind: 'string',
        note: 'AllSelfAuthorized is the risky default; prefer AdminApprovedPreAuthorized with named permission sets.',
      },
      commaSeparatedPermissionSet: { description: 'Permission sets (API names) whose users are pre-authorized.', kind: 'string' },
      commaSeparatedProfile: { description: 'Profiles whose users are pre-authorized.', kind: 'string' },
      ipRelaxationPolicyType: {
        description: 'Whether login IP restrictions of the user\'s profile apply to this app.',
        values: ['Enforce', 'Bypass', 'Bypass_2factor', 'Enforce_RelaxRefresh'],
        kind: 'string',
        note: 'Enforce is the least-privilege choice; the others weaken IP restrictions.',
      },
      refreshTokenPolicyType: {
        description: 'How long refresh tokens stay valid.',
        values: ['Infinite', 'SpecificInactivity', 'SpecificLifetime', 'Zero'],
        kind: 'string',
        note: 'Salesforce advises SpecificInactivity, 30 Days; Infinite is flagged.',
      },
      refreshTokenValidityPeriod: { description: 'Number of units for SpecificInactivity or SpecificLifetime.', kind: 'int' },
      refreshTokenValidityUnit: { description: 'Unit of refreshTokenValidityPeriod.', values: ['Days', 'Hours', 'Months'], kind: 'string' },
      requiredSessionLevel: { description: 'Session security level the app requires.', values: ['HIGH_ASSURANCE', 'LOW', 'STANDARD'], kind: 'string' },
      policyAction: {
        description: 'What happens when the session level is too low.',
        values: ['Block', 'RaiseSessionLevel'],
        kind: 'string',
        note: 'RaiseSessionLevel with HIGH_ASSURANCE blocks headless flows (client credentials, JWT).',
      },
      sessionTimeoutInMinutes: { description: 'Session timeout for the app, in minutes.', kind: 'int' },
      isTokenExchangeFlowEnabled: bool('Enables the token exchange flow for this org.'),
      isGuestCodeCredFlowEnabled: bool('Enables the code and credentials flow for guest users.'),
      isNamedUserJwtEnabled: bool('Enables the named-user JWT flow (deprecated).'),
      namedUserJwtTimeout: { description: 'Validity of named-user JWT sessions.', kind: 'int' },
      namedUserJwtSessionTimeoutType: { description: 'How the named-user JWT session timeout is set.', values: ['UserSession', 'Custom'], kind: 'string' },
      guestJwtTimeout: { description: 'Validity of guest JWT sessions.', kind: 'int' },
      guestJwtSessionTimeoutType: { description: 'How the guest JWT session timeout is set.', values: ['UserSession', 'Custom'], kind: 'string' },
      apexHandler: { description: 'Apex class that customizes the app\'s OAuth behaviour.', kind: 'string' },
      executeHandlerAs: { description: 'User the Apex handler runs as.', kind: 'string' },
      commaSeparatedCustomScopes: { description: 'Custom scopes granted in this org (narrower than the standard ones).', kind: 'string' },
      customAttributes,
      singleLogoutUrl: { description: 'URL Salesforce calls when the user logs out.', kind: 'string' },
      startUrl: { description: 'Page the user lands on after authorizing the app.', kind: 'string' },
      label,
    },
  },
  ExtlClntAppConfigurablePolicies: {
    description: 'Plugin policies of an External Client App: whether the app and each plugin (OAuth, mobile, push, SAML, canvas...) are on in this org. Managed by the admin of each org; they can\'t be packaged.',
    fields: {
      externalClientApplication: appRef,
      isEnabled: bool('Turns the app on or off in this org.'),
      isOauthPluginEnabled: bool('Turns the OAuth plugin on.'),
      isMobilePluginEnabled: bool('Turns the mobile plugin on.'),
      isNotificationPluginEnabled: bool('Turns the notification plugin on.'),
      isPushPluginEnabled: bool('Turns the push plugin on.'),
      isSamlPluginEnabled: bool('Turns the SAML plugin on.'),
      isCanvasPluginEnabled: bool('Turns the canvas plugin on.'),
      startPage: { description: 'Where the app starts.', values: ['Custom', 'None', 'OAuth'], kind: 'string' },
      startUrl: { description: 'Start URL when startPage is Custom.', kind: 'string' },
      label,
    },
  },
};

/** The description of an element, given the path of element names below the root. */
export function fieldInfo(typeName: string, names: readonly string[]): FieldInfo | undefined {
  const s = SCHEMA[typeName];
  if (!s || names.length === 0) return undefined;
  let fields: Readonly<Record<string, FieldInfo>> | undefined = s.fields;
  let info: FieldInfo | undefined;
  for (const n of names) {
    info = fields && Object.prototype.hasOwnProperty.call(fields, n) ? fields[n] : undefined;
    if (!info) return undefined;
    fields = info.fields;
  }
  return info;
}

// ---- the merged schema: generated ⊕ overlay ⊕ descriptions ------------------------------------

/** One element of a type, as rules and hover read it. */
export interface SchemaField {
  readonly name: string;
  readonly kind: FieldKind;
  /** Enum or complex type name. */
  readonly type?: string;
  /** Repeated element; lists are optional. */
  readonly list: boolean;
  readonly required: boolean;
  /** First `@salesforce/types` version that has the field (absent for overlay-only fields). */
  readonly since?: string;
  /** Last version that has it, when the newest no longer does. */
  readonly until?: string;
  /** Base type it comes from (`Metadata` for fullName). */
  readonly inherited?: string;
  /** Allowed values: the enum's, or the documented values of an untyped string. */
  readonly values?: readonly string[];
  /** For kind `pattern`: regular expression source the whole value matches. */
  readonly pattern?: string;
  /** Documented default, as written in XML. */
  readonly default?: string;
  readonly description?: string;
  readonly note?: string;
  /** Where the overlay's facts come from, when the overlay touched the field. */
  readonly source?: string;
  /** Seen in real files, in no version of the types. */
  readonly undocumented?: boolean;
}

export interface TypeSchema {
  readonly name: string;
  readonly since: string;
  readonly until?: string;
  readonly extends?: string;
  readonly description?: string;
  /** In xsd:sequence order; overlay-only fields last. */
  readonly fields: readonly SchemaField[];
  /** The field named `name` (no prototype keys). */
  field(name: string): SchemaField | undefined;
}

/** The `@salesforce/types` versions the generated table was read from, oldest first. */
export const SCHEMA_VERSIONS: readonly string[] = GENERATED_SCHEMA.versions;

/** Built types by name, root types and complex types apart (null: no such type); one lookup, no key string made per call. */
const builtTypes = new Map<string, TypeSchema | null>();
const builtComplex = new Map<string, TypeSchema | null>();
const own = <T>(o: Readonly<Record<string, T>>, k: string): T | undefined => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** Values of a generated enum simple type, e.g. `ExtlClntAppDistState`. */
export function enumValues(enumName: string): readonly string[] | undefined {
  return own(GENERATED_SCHEMA.enums, enumName)?.values;
}

function mergeField(g: GeneratedField | undefined, o: OverlayField | undefined, doc: FieldInfo | undefined, name: string): SchemaField {
  const kind: FieldKind = o?.kind ?? g?.kind ?? 'string';
  const type = o?.type ?? g?.type;
  const values = o?.values ?? (g?.kind === 'enum' && g.type ? enumValues(g.type) : undefined);
  const f: { -readonly [K in keyof SchemaField]: SchemaField[K] } = { name, kind, list: o?.list ?? g?.list ?? false, required: g?.required ?? false };
  if (type) f.type = type;
  if (g?.since) f.since = g.since;
  if (g?.until) f.until = g.until;
  if (g?.inherited) f.inherited = g.inherited;
  if (values) f.values = values;
  if (o?.pattern) f.pattern = o.pattern;
  if (o?.default !== undefined) f.default = o.default;
  if (doc) {
    f.description = doc.description;
    if (doc.note) f.note = doc.note;
  }
  if (o) f.source = o.source;
  if (o?.undocumented) f.undocumented = true;
  return f;
}

function build(name: string, g: GeneratedType | undefined, docs: TypeDoc | undefined): TypeSchema | undefined {
  if (!g) return undefined;
  const overlay = own(SCHEMA_OVERLAY, name) ?? [];
  const byName = new Map(overlay.map((o) => [o.name, o]));
  const doc = (n: string) => (docs ? own(docs.fields, n) : undefined);
  const fields = g.fields.map((f) => mergeField(f, byName.get(f.name), doc(f.name), f.name));
  for (const o of overlay) if (!g.fields.some((f) => f.name === o.name)) fields.push(mergeField(undefined, o, doc(o.name), o.name));
  const index = new Map(fields.map((f) => [f.name, f]));
  return {
    name,
    since: g.since,
    ...(g.until ? { until: g.until } : {}),
    ...(g.extends ? { extends: g.extends } : {}),
    ...(docs ? { description: docs.description } : {}),
    fields,
    field: (n) => index.get(n),
  };
}

/** A root metadata type (an ECA type, ConnectedApp, ExternalClientAppSettings, OauthOidcSettings). */
export function schemaFor(typeName: string): TypeSchema | undefined {
  let t = builtTypes.get(typeName);
  if (t === undefined) builtTypes.set(typeName, (t = build(typeName, own(GENERATED_SCHEMA.types, typeName), own(SCHEMA, typeName)) ?? null));
  return t ?? undefined;
}

/** A complex type reached from a root type, e.g. `ConnectedAppOauthConfig` (descriptions: see fieldOf). */
export function complexType(typeName: string): TypeSchema | undefined {
  let t = builtComplex.get(typeName);
  if (t === undefined) builtComplex.set(typeName, (t = build(typeName, own(GENERATED_SCHEMA.complexTypes, typeName), undefined) ?? null));
  return t ?? undefined;
}

/**
 * The element at `path` (element names below the root element), e.g.
 * `fieldOf('ConnectedApp', ['oauthConfig', 'callbackUrl'])`; descriptions are found by path.
 */
export function fieldOf(typeName: string, path: readonly string[]): SchemaField | undefined {
  let t = schemaFor(typeName);
  let f: SchemaField | undefined;
  for (let i = 0; i < path.length; i++) {
    f = t?.field(path[i]!);
    if (!f) return undefined;
    if (i < path.length - 1) t = f.kind === 'complex' && f.type ? complexType(f.type) : undefined;
  }
  if (!f || f.description) return f;
  const doc = fieldInfo(typeName, path);
  return doc ? { ...f, description: doc.description, ...(doc.note ? { note: doc.note } : {}) } : f;
}

/** OAuth scope names (`ConnectedAppOauthAccessScope`); ECA files spell `SFAP` as `SFApiPlatform` (reference §8). */
export function scopeNames(kind: 'eca' | 'connectedApp'): readonly string[] {
  let names = scopeNameLists.get(kind);
  if (!names) {
    const v = enumValues('ConnectedAppOauthAccessScope') ?? [];
    scopeNameLists.set(kind, (names = kind === 'eca' ? v.map((s) => (s === 'SFAP' ? 'SFApiPlatform' : s)) : v));
  }
  return names;
}
/** scopeNames per kind, made once (scope-unknown asks for every OAuth settings file). */
const scopeNameLists = new Map<string, readonly string[]>();
