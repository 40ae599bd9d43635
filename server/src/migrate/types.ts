/**
 * The shapes of a conversion's result (readiness, blockers, notes, the mapping summary, the ECA
 * files) and the ECA file naming: the type table Salesforce's own migration and `sf project
 * retrieve` use (reference §1), a file's name from its kind and the app's fullName, and the
 * Connected App's fullName from its file name. No logic beyond naming; shared by convert.ts,
 * collector.ts, sections.ts and plan.ts.
 */
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
