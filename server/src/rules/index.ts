/** The rule registry: id → rule. A new rule is one file plus one line here and its docs page. */
import type { Rule } from './kit';
import { rule as nonPackageableInPackage } from './non-packageable-in-package';
import { rule as packageableExcluded } from './packageable-excluded';
import { rule as distributionStateNotPackaged } from './distribution-state-not-packaged';
import { rule as orgScopedAppMissing } from './org-scoped-app-missing';
import { rule as orgScopedAppInvalid } from './org-scoped-app-invalid';
import { rule as oauthLinkInvalid } from './oauth-link-invalid';
import { rule as oauthLinkMissing } from './oauth-link-missing';
import { rule as orphanSatellite } from './orphan-satellite';
import { rule as unrecognizedFileName } from './unrecognized-file-name';
import { rule as secretInSource } from './secret-in-source';
import { rule as xmlMalformed } from './xml-malformed';
import { rule as fileUnreadable } from './file-unreadable';
import { rule as sfdxProjectInvalid } from './sfdx-project-invalid';
import { rule as forceignoreUnknownDirectory } from './forceignore-unknown-directory';
import { rule as forceignoreAnchoredPattern } from './forceignore-anchored-pattern';
import { rule as forceignoreSuffixPattern } from './forceignore-suffix-pattern';
import { rule as forceignoreBackslash } from './forceignore-backslash';
import { rule as forceignoreUnpackagedPattern } from './forceignore-unpackaged-pattern';
import { rule as globalSettingsInSource } from './global-settings-in-source';
import { rule as preauthorizedAdminAccess } from './preauthorized-admin-access';
import { rule as preauthorizedNameUnresolved } from './preauthorized-name-unresolved';
import { rule as integrationUserStandard } from './integration-user-standard';
import { rule as oauthInsecureFlowsAllowed } from './oauth-insecure-flows-allowed';

export const ALL_RULES: readonly Rule[] = [
  nonPackageableInPackage,
  packageableExcluded,
  distributionStateNotPackaged,
  orgScopedAppMissing,
  orgScopedAppInvalid,
  oauthLinkInvalid,
  oauthLinkMissing,
  orphanSatellite,
  unrecognizedFileName,
  secretInSource,
  xmlMalformed,
  fileUnreadable,
  sfdxProjectInvalid,
  forceignoreUnknownDirectory,
  forceignoreAnchoredPattern,
  forceignoreSuffixPattern,
  forceignoreBackslash,
  forceignoreUnpackagedPattern,
  globalSettingsInSource,
  preauthorizedAdminAccess,
  preauthorizedNameUnresolved,
  integrationUserStandard,
  oauthInsecureFlowsAllowed,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.id, r]));
