/**
 * The ECA type table as plain data: every External Client App metadata type, its suffix,
 * directories, packageability. Shared by the server (metadata/types.ts builds the registry on it)
 * and the client (selectors, views, retrieve command). Imports nothing.
 * Facts from the reference (SDR metadataRegistry.json, MDAPI pages). A new type is one row here.
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
