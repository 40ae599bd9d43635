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
import { rule as forceignoreInvalidPattern } from './forceignore-invalid-pattern';
import { rule as scopeFull } from './scope-full';
import { rule as refreshTokenRotationOff } from './refresh-token-rotation-off';
import { rule as pkceNotRequired } from './pkce-not-required';
import { rule as consumerSecretOptional } from './consumer-secret-optional';
import { rule as refreshSecretNotRequired } from './refresh-secret-not-required';
import { rule as introspectAllTokens } from './introspect-all-tokens';
import { rule as permittedUsersSelfAuthorize } from './permitted-users-self-authorize';
import { rule as ipRelaxationRelaxed } from './ip-relaxation-relaxed';
import { rule as refreshTokenLongLived } from './refresh-token-long-lived';
import { rule as sessionLevelBlocksHeadless } from './session-level-blocks-headless';
import { rule as executionUserOrgSpecific } from './execution-user-org-specific';
import { rule as callbackUrlInsecure } from './callback-url-insecure';
import { rule as schemaUnknownElement } from './schema-unknown-element';
import { rule as schemaMissingElement } from './schema-missing-element';
import { rule as schemaInvalidValue } from './schema-invalid-value';
import { rule as schemaDuplicateElement } from './schema-duplicate-element';
import { rule as schemaRootMismatch } from './schema-root-mismatch';
import { rule as scopeUnknown } from './scope-unknown';
import { rule as orgScopedAppNotDevHub } from './org-scoped-app-not-dev-hub';
import { rule as packagedComponentRemoved } from './packaged-component-removed';
import { rule as manifestTypeName } from './manifest-type-name';
import { rule as cliMetadataTypeCase } from './cli-metadata-type-case';
import { rule as globalSettingsInSource } from './global-settings-in-source';
import { rule as preauthorizedAdminAccess } from './preauthorized-admin-access';
import { rule as preauthorizedNameUnresolved } from './preauthorized-name-unresolved';
import { rule as integrationUserStandard } from './integration-user-standard';
import { rule as oauthInsecureFlowsAllowed } from './oauth-insecure-flows-allowed';
import { rule as connectedAppMigration } from './connected-app-migration';

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
  forceignoreInvalidPattern,
  scopeFull,
  refreshTokenRotationOff,
  pkceNotRequired,
  consumerSecretOptional,
  refreshSecretNotRequired,
  introspectAllTokens,
  permittedUsersSelfAuthorize,
  ipRelaxationRelaxed,
  refreshTokenLongLived,
  sessionLevelBlocksHeadless,
  executionUserOrgSpecific,
  callbackUrlInsecure,
  schemaUnknownElement,
  schemaMissingElement,
  schemaInvalidValue,
  schemaDuplicateElement,
  schemaRootMismatch,
  scopeUnknown,
  orgScopedAppNotDevHub,
  packagedComponentRemoved,
  manifestTypeName,
  cliMetadataTypeCase,
  globalSettingsInSource,
  preauthorizedAdminAccess,
  preauthorizedNameUnresolved,
  integrationUserStandard,
  oauthInsecureFlowsAllowed,
  connectedAppMigration,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.id, r]));
