/**
 * The ECA type table: every External Client App metadata type, as data, in one place.
 * Facts from the reference (SDR metadataRegistry.json, MDAPI pages). A new type is one row here;
 * users can add rows through the `ecaLens.extraTypes` setting without a new release.
 */

export type Packageability = 'yes' | 'no' | 'unconfirmed' | 'legacy';
export type Owner = 'developer' | 'dev-hub' | 'subscriber-admin' | 'legacy';

export interface EcaTypeInfo {
  /** Metadata API type name, e.g. `ExtlClntAppGlobalOauthSettings`. */
  readonly name: string;
  /** Source-format suffix (case-sensitive): file `<fullName>.<suffix>-meta.xml`. */
  readonly suffix: string;
  /** Conventional directory that `sf project retrieve` writes. */
  readonly directory: string;
  /** Other directory names seen for this type (renamed folders). */
  readonly oldDirectories?: readonly string[];
  /** May it go into a 2GP package? */
  readonly packageable: Packageability;
  readonly owner: Owner;
  /** Plain name for people (tree rows, messages). */
  readonly label: string;
  /** Satellites point at their app with `<externalClientApplication>`. The header does not. */
  readonly satellite: boolean;
  /** Why it may not be packaged (used in messages). */
  readonly whyNotPackageable?: string;
}

const GLOBAL_WHY =
  'global OAuth settings (consumer key, secret, callback URLs) are owned by the Dev Hub and replicated from it; they can\'t be packaged and must not be in source control';
const POLICY_WHY =
  'policies are managed by the subscriber\'s admin in each org that installs the app; they can\'t be packaged';

export const ECA_TYPES: readonly EcaTypeInfo[] = [
  { name: 'ExternalClientApplication', suffix: 'eca', directory: 'externalClientApps', packageable: 'yes', owner: 'developer', label: 'Header', satellite: false },
  { name: 'ExtlClntAppOauthSettings', suffix: 'ecaOauth', directory: 'extlClntAppOauthSettings', packageable: 'yes', owner: 'developer', label: 'OAuth settings', satellite: true },
  { name: 'ExtlClntAppGlobalOauthSettings', suffix: 'ecaGlblOauth', directory: 'extlClntAppGlobalOauthSets', packageable: 'no', owner: 'dev-hub', label: 'Global OAuth settings', satellite: true, whyNotPackageable: GLOBAL_WHY },
  { name: 'ExtlClntAppOauthConfigurablePolicies', suffix: 'ecaOauthPlcy', directory: 'extlClntAppOauthPolicies', packageable: 'no', owner: 'subscriber-admin', label: 'OAuth policies', satellite: true, whyNotPackageable: POLICY_WHY },
  { name: 'ExtlClntAppConfigurablePolicies', suffix: 'ecaPlcy', directory: 'extlClntAppPolicies', packageable: 'no', owner: 'subscriber-admin', label: 'Plugin policies', satellite: true, whyNotPackageable: POLICY_WHY },
  { name: 'ExtlClntAppOauthSecuritySettings', suffix: 'ecaOauthSecurity', directory: 'extlClntAppOauthSecuritySettings', packageable: 'no', owner: 'subscriber-admin', label: 'OAuth security settings', satellite: true, whyNotPackageable: 'OAuth security settings are managed by the subscriber\'s admin; they can\'t be packaged' },
  { name: 'ExtlClntAppMobileSettings', suffix: 'ecaMobile', directory: 'extlClntAppMobileSettings', packageable: 'unconfirmed', owner: 'developer', label: 'Mobile settings', satellite: true },
  { name: 'ExtlClntAppMobileConfigurablePolicies', suffix: 'ecaMobilePlcy', directory: 'extlClntAppMobilePolicies', packageable: 'no', owner: 'subscriber-admin', label: 'Mobile policies', satellite: true, whyNotPackageable: POLICY_WHY },
  { name: 'ExtlClntAppNotificationSettings', suffix: 'ecaNotifications', directory: 'extlClntAppNotifSettings', packageable: 'unconfirmed', owner: 'developer', label: 'Notification settings', satellite: true },
  { name: 'ExtlClntAppPushSettings', suffix: 'ecaPush', directory: 'extlClntAppPushSettings', packageable: 'unconfirmed', owner: 'developer', label: 'Push settings', satellite: true },
  { name: 'ExtlClntAppPushConfigurablePolicies', suffix: 'ecaPushPlcy', directory: 'extlClntAppPushPolicies', packageable: 'no', owner: 'subscriber-admin', label: 'Push policies', satellite: true, whyNotPackageable: POLICY_WHY },
  { name: 'ExtlClntAppSamlConfigurablePolicies', suffix: 'ecaSamlPlcy', directory: 'extlClntAppSamlConfigurablePolicies', packageable: 'no', owner: 'subscriber-admin', label: 'SAML policies', satellite: true, whyNotPackageable: POLICY_WHY },
  { name: 'ExtlClntAppCanvasSettings', suffix: 'ecaCanvas', directory: 'extlClntAppCanvasSettings', oldDirectories: ['extlClntAppCanvasStngs'], packageable: 'unconfirmed', owner: 'developer', label: 'Canvas settings', satellite: true },
  { name: 'ExtlClntAppSampleSettings', suffix: 'ecaSmpl', directory: 'extlClntAppSampleSettings', packageable: 'unconfirmed', owner: 'developer', label: 'Sample settings', satellite: true },
  { name: 'ExtlClntAppSampleConfigurablePolicies', suffix: 'ecaSmplPlcy', directory: 'extlClntAppSamplePolicies', packageable: 'no', owner: 'subscriber-admin', label: 'Sample policies', satellite: true, whyNotPackageable: POLICY_WHY },
  { name: 'ExtlClntAppAttestSettings', suffix: 'ecaAttest', directory: 'extlClntAppAttestSettings', packageable: 'unconfirmed', owner: 'developer', label: 'Attestation settings', satellite: true },
  { name: 'ExtlClntAppAttestConfigurablePolicies', suffix: 'ecaAttestPlcy', directory: 'extlClntAppAttestPolicies', packageable: 'no', owner: 'subscriber-admin', label: 'Attestation policies', satellite: true, whyNotPackageable: POLICY_WHY },
  { name: 'ConnectedApp', suffix: 'connectedApp', directory: 'connectedApps', packageable: 'legacy', owner: 'legacy', label: 'Connected App (legacy)', satellite: false },
];

/** Old type names still seen in orgs and old projects → current name. */
export const OLD_TYPE_NAMES: Readonly<Record<string, string>> = {
  ExtlClntAppOauthPlcyCnfg: 'ExtlClntAppOauthConfigurablePolicies',
  ExtlClntAppMobileSet: 'ExtlClntAppMobileSettings',
  ExtlClntAppPlcyCnfg: 'ExtlClntAppConfigurablePolicies',
};

export const HEADER_TYPE = 'ExternalClientApplication';
export const OAUTH_SETTINGS_TYPE = 'ExtlClntAppOauthSettings';
export const GLOBAL_OAUTH_TYPE = 'ExtlClntAppGlobalOauthSettings';
export const OAUTH_POLICIES_TYPE = 'ExtlClntAppOauthConfigurablePolicies';
export const CONNECTED_APP_TYPE = 'ConnectedApp';

/** What a file name says about the file. */
export type FileNameInfo =
  | { kind: 'recognized'; fullName: string; type: EcaTypeInfo; /** metadata-format `X.eca` inside source */ metadataFormat: boolean }
  | { kind: 'unrecognized'; fullName: string; suffix: string; reason: 'no-meta' | 'wrong-case' | 'unknown-suffix'; suggestion?: string };

export class TypeRegistry {
  readonly all: readonly EcaTypeInfo[];
  private readonly bySuffixMap = new Map<string, EcaTypeInfo>();
  private readonly bySuffixLower = new Map<string, EcaTypeInfo>();
  private readonly byNameMap = new Map<string, EcaTypeInfo>();
  private readonly byDirLower = new Map<string, EcaTypeInfo>();

  constructor(extra: readonly EcaTypeInfo[] = []) {
    const rows = [...ECA_TYPES];
    for (const e of extra) {
      const i = rows.findIndex((r) => r.name === e.name || r.suffix === e.suffix);
      if (i >= 0) rows[i] = e;
      else rows.push(e);
    }
    this.all = rows;
    for (const t of rows) {
      this.bySuffixMap.set(t.suffix, t);
      this.bySuffixLower.set(t.suffix.toLowerCase(), t);
      this.byNameMap.set(t.name.toLowerCase(), t);
      this.byDirLower.set(t.directory.toLowerCase(), t);
      for (const d of t.oldDirectories ?? []) this.byDirLower.set(d.toLowerCase(), t);
    }
  }

  bySuffix(suffix: string): EcaTypeInfo | undefined {
    return this.bySuffixMap.get(suffix);
  }

  /** Type names are looked up lower-cased, as SDR's getTypeByName does. */
  byName(name: string): EcaTypeInfo | undefined {
    const current = OLD_TYPE_NAMES[name] ?? name;
    return this.byNameMap.get(current.toLowerCase());
  }

  byDirectory(dir: string): EcaTypeInfo | undefined {
    return this.byDirLower.get(dir.toLowerCase());
  }

  /** Every conventional directory name (current and old). */
  directoryNames(): string[] {
    return this.all.flatMap((t) => [t.directory, ...(t.oldDirectories ?? [])]);
  }

  /**
   * Classify a base name. `undefined` means "not an ECA-family file at all".
   * SDR splits with a greedy `(.+)\.(.+)-meta\.xml` and matches the suffix case-sensitively.
   */
  classifyFileName(base: string): FileNameInfo | undefined {
    let m = /^(.+)\.([^.]+)-meta\.xml$/.exec(base);
    if (m) {
      const [, fullName, suffix] = m as unknown as [string, string, string];
      const exact = this.bySuffixMap.get(suffix);
      if (exact) return { kind: 'recognized', fullName, type: exact, metadataFormat: false };
      const ci = this.bySuffixLower.get(suffix.toLowerCase());
      if (ci) return { kind: 'unrecognized', fullName, suffix, reason: 'wrong-case', suggestion: `${fullName}.${ci.suffix}-meta.xml` };
      if (looksEca(suffix)) {
        const near = this.nearestSuffix(suffix);
        return { kind: 'unrecognized', fullName, suffix, reason: 'unknown-suffix', suggestion: near ? `${fullName}.${near}-meta.xml` : undefined };
      }
      return undefined;
    }
    m = /^(.+)\.([^.]+)\.xml$/.exec(base);
    if (m) {
      const [, fullName, suffix] = m as unknown as [string, string, string];
      const t = this.bySuffixLower.get(suffix.toLowerCase());
      if (t) return { kind: 'unrecognized', fullName, suffix, reason: 'no-meta', suggestion: `${fullName}.${t.suffix}-meta.xml` };
      return undefined;
    }
    m = /^(.+)\.([^.]+)$/.exec(base);
    if (m) {
      const [, fullName, suffix] = m as unknown as [string, string, string];
      const t = this.bySuffixMap.get(suffix);
      // Metadata format inside a source folder: SDR accepts it with a warning.
      if (t) return { kind: 'recognized', fullName, type: t, metadataFormat: true };
    }
    return undefined;
  }

  /**
   * The one suffix `s` is a typo of: at most a quarter of its letters off (1 to 3 edits), and no
   * other suffix as close. `ecaFoo` suggests nothing (it is 3 edits from `eca`, the header).
   */
  private nearestSuffix(s: string): string | undefined {
    let best: string | undefined;
    let bestD = Infinity;
    let tie = false;
    for (const t of this.all) {
      const d = editDistance(s.toLowerCase(), t.suffix.toLowerCase());
      if (d < bestD) {
        bestD = d;
        best = t.suffix;
        tie = false;
      } else if (d === bestD) tie = true;
    }
    const limit = Math.min(3, Math.max(1, Math.floor(s.length / 4)));
    return !tie && bestD <= limit ? best : undefined;
  }
}

function looksEca(suffix: string): boolean {
  return /^eca/i.test(suffix) || /^extlclntapp/i.test(suffix);
}

/** Levenshtein distance, small strings only. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
