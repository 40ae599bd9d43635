/**
 * The shape of an app's OAuth posture (see oauthPosture.ts for what each field means and how
 * it is read). Types only.
 */
import type { XmlElement } from './parse';

/** Which file of the app a value comes from. */
export type PostureRole = 'header' | 'oauthSettings' | 'globalSettings' | 'policies' | 'connectedApp';

/** The ECA metadata type that plays each posture role. */
export const ROLE_TYPES = {
  header: 'ExternalClientApplication',
  oauthSettings: 'ExtlClntAppOauthSettings',
  globalSettings: 'ExtlClntAppGlobalOauthSettings',
  policies: 'ExtlClntAppOauthConfigurablePolicies',
} as const;

/** A parsed file handed to the posture: its path (any string the caller uses), root and text. */
export interface PostureSource {
  readonly path: string;
  readonly root: XmlElement;
  /** The text the root was parsed from (offsets of list items are computed from it). */
  readonly text: string;
}

/** The files of an External Client App, one per role (any may be missing). */
export interface EcaPostureSources {
  readonly header?: PostureSource | undefined;
  readonly oauthSettings?: PostureSource | undefined;
  readonly globalSettings?: PostureSource | undefined;
  readonly policies?: PostureSource | undefined;
}

export interface PostureLocation {
  readonly role: PostureRole;
  readonly path: string;
  readonly element: XmlElement;
}

export interface Setting<T> {
  readonly value: T | null;
  /** The element's text as written (trimmed); null when absent. */
  readonly raw: string | null;
  readonly explicit: boolean;
  readonly at: PostureLocation | null;
}

/** One item of a list value (a scope, a callback URL, a profile name): where it is written. */
export interface PostureItem {
  readonly path: string;
  /** The element that holds the list (ECA) or the item (Connected App). */
  readonly element: XmlElement;
  /** Offsets of the item's text (trimmed) in the file. */
  readonly start: number;
  readonly end: number;
}
export interface ScopeToken extends PostureItem {
  /** As written: `Full`, `RefreshToken` (ECA), `SFAP` (Connected App spelling of `SFApiPlatform`). */
  readonly name: string;
}
export interface CallbackUrl extends PostureItem {
  readonly url: string;
}
export interface NameToken extends PostureItem {
  readonly name: string;
}

/** A list setting: `items` null when unknown; `at` as for a Setting (the list element when written). */
export interface ListSetting<T extends PostureItem> {
  readonly items: readonly T[] | null;
  readonly explicit: boolean;
  readonly at: PostureLocation | null;
}

/** Whether a flow can run, and the elements that say so (or that were read to decide). */
export interface FlowState {
  /** true: enabled; false: known to be off; null: unknown (the files that decide are absent). */
  readonly enabled: boolean | null;
  readonly sources: readonly PostureLocation[];
}

export interface OAuthFlows {
  /** Web-server (authorization code) flow: possible whenever a callback URL is set; no per-app flag turns it off. */
  readonly authorizationCode: FlowState;
  /** Authorization code and credentials flow (`isCodeCredFlowEnabled`; Connected App `isCodeCredentialEnabled`). */
  readonly codeAndCredentials: FlowState;
  /** Client credentials: enabled in global settings or in the OAuth policies (Connected App `isClientCredentialEnabled`). */
  readonly clientCredentials: FlowState;
  /** JWT bearer: a `certificate` is set. */
  readonly jwtBearer: FlowState;
  readonly namedUserJwt: FlowState;
  readonly deviceFlow: FlowState;
  /** Token exchange (global settings `isTokenExchangeEnabled`, policies `isTokenExchangeFlowEnabled`). */
  readonly tokenExchange: FlowState;
  /** Refresh tokens can be issued: a `RefreshToken` or `OfflineAccess` scope. */
  readonly refreshToken: FlowState;
}

export type PermittedUsers = 'AdminApprovedPreAuthorized' | 'AllSelfAuthorized';
export type IpRelaxation = 'Enforce' | 'Bypass' | 'Bypass_2factor' | 'Enforce_RelaxRefresh';
export type RefreshTokenPolicy = 'Infinite' | 'SpecificInactivity' | 'SpecificLifetime' | 'Zero';
export type RefreshTokenUnit = 'Days' | 'Hours' | 'Months';

export interface RefreshTokenPosture {
  readonly policy: Setting<RefreshTokenPolicy>;
  readonly period: Setting<number>;
  readonly unit: Setting<RefreshTokenUnit>;
  /** Lifetime or idle limit in days (Hours / 24, Months × 30); null for Infinite, Zero or unknown. */
  readonly days: number | null;
  /** The policy is written (false: the generated default SpecificLifetime 365 Days of a policies file). */
  readonly explicit: boolean;
}

export interface SessionPosture {
  /** `Block` | `RaiseSessionLevel` (Connected App: as written). */
  readonly policyAction: Setting<string>;
  /** `LOW` | `STANDARD` | `HIGH_ASSURANCE`. */
  readonly level: Setting<string>;
  /** Minutes. */
  readonly timeout: Setting<number>;
}

export interface OAuthPosture {
  readonly kind: 'eca' | 'connectedApp';
  /** The files the record was built from (null: not in the project). */
  readonly files: Readonly<Record<PostureRole, string | null>>;
  /** OAuth is configured: an ECA with OAuth settings, global settings or policies; a Connected App with `oauthConfig`. */
  readonly hasOAuth: boolean;
  /** Header `distributionState` (`Local` by default); Connected Apps: null. */
  readonly distributionState: Setting<string>;
  readonly scopes: ListSetting<ScopeToken>;
  /** OAuth policies `commaSeparatedCustomScopes` (ECA only). */
  readonly customScopes: ListSetting<NameToken>;
  readonly callbackUrls: ListSetting<CallbackUrl>;
  readonly flows: OAuthFlows;
  /** `certificate` set (PEM or placeholder): the value itself is never copied. */
  readonly certificate: Setting<boolean>;
  readonly pkceRequired: Setting<boolean>;
  readonly rotation: Setting<boolean>;
  readonly consumerSecretOptional: Setting<boolean>;
  readonly secretRequiredForRefresh: Setting<boolean>;
  readonly secretRequiredForTokenExchange: Setting<boolean>;
  readonly introspectAll: Setting<boolean>;
  /** ECA `permittedUsersPolicyType`; Connected App: derived from `oauthConfig/isAdminApproved`. */
  readonly permittedUsers: Setting<PermittedUsers>;
  readonly preauthorized: { readonly profiles: ListSetting<NameToken>; readonly permissionSets: ListSetting<NameToken> };
  readonly ipRelaxation: Setting<IpRelaxation>;
  readonly refreshToken: RefreshTokenPosture;
  readonly session: SessionPosture;
  /** Client credentials "Run As" username (`clientCredentialsFlowUser` / `oauthClientCredentialUser`). */
  readonly executionUser: Setting<string>;
}
