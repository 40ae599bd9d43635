/**
 * The rule ids, default severities and titles the client shows (rule documentation picker,
 * "Disable a rule"): a small list so the client bundle does not carry the rules themselves. A unit
 * test (test/unit/client/manifest.test.ts) checks it against the server's registry and package.json.
 */
export interface RuleInfo {
  id: string;
  defaultSeverity: 'error' | 'warning' | 'information' | 'hint';
  title: string;
}

export const RULE_INFO: readonly RuleInfo[] = [
  { id: 'non-packageable-in-package', defaultSeverity: 'error', title: 'A file that can\'t be packaged is in a packaged directory and not excluded by .forceignore' },
  { id: 'packageable-excluded', defaultSeverity: 'warning', title: 'The app\'s header or OAuth settings are excluded by .forceignore, so the package ships without them' },
  { id: 'distribution-state-not-packaged', defaultSeverity: 'error', title: 'A header that ships in a 2GP package is not distributionState Packaged' },
  { id: 'org-scoped-app-missing', defaultSeverity: 'error', title: 'A Packaged header has no orgScopedExternalApp' },
  { id: 'org-scoped-app-invalid', defaultSeverity: 'error', title: 'orgScopedExternalApp is not <org id>:<app name>' },
  { id: 'oauth-link-invalid', defaultSeverity: 'error', title: 'oauthLink is not <org id>:<888 consumer id>, or names another org than the app' },
  { id: 'oauth-link-missing', defaultSeverity: 'information', title: 'OAuth settings of a Packaged app have no oauthLink' },
  { id: 'orphan-satellite', defaultSeverity: 'error', title: 'A satellite file names no External Client App header in the project' },
  { id: 'unrecognized-file-name', defaultSeverity: 'warning', title: 'An ECA-looking file name that the sf CLI drops or rejects' },
  { id: 'secret-in-source', defaultSeverity: 'error', title: 'A consumer secret, private key or consumer key is committed in source' },
  { id: 'xml-malformed', defaultSeverity: 'error', title: 'An ECA-family file is not well-formed XML' },
  { id: 'file-unreadable', defaultSeverity: 'error', title: 'An ECA-family file can\'t be read as text' },
  { id: 'sfdx-project-invalid', defaultSeverity: 'error', title: 'sfdx-project.json is invalid' },
  { id: 'forceignore-unknown-directory', defaultSeverity: 'warning', title: '.forceignore names a folder that is a near miss of an ECA directory' },
  { id: 'forceignore-anchored-pattern', defaultSeverity: 'warning', title: '.forceignore pattern is anchored to its folder and misses the ECA folder deeper down' },
  { id: 'forceignore-suffix-pattern', defaultSeverity: 'warning', title: '.forceignore suffix pattern without -meta.xml matches no source file' },
  { id: 'forceignore-backslash', defaultSeverity: 'warning', title: '.forceignore uses a backslash as a folder separator' },
  { id: 'forceignore-invalid-pattern', defaultSeverity: 'error', title: '.forceignore line that makes the sf CLI fail' },
  { id: 'forceignore-unpackaged-pattern', defaultSeverity: 'warning', title: '.forceignore holds "**/unpackaged/**", which ignores every file of a retrieve' },
  { id: 'scope-full', defaultSeverity: 'warning', title: 'The app asks for the Full OAuth scope' },
  { id: 'refresh-token-rotation-off', defaultSeverity: 'warning', title: 'Refresh tokens are issued without refresh token rotation' },
  { id: 'pkce-not-required', defaultSeverity: 'warning', title: 'The authorization code flow is possible without PKCE' },
  { id: 'consumer-secret-optional', defaultSeverity: 'warning', title: 'The consumer secret is optional and PKCE is not required' },
  { id: 'refresh-secret-not-required', defaultSeverity: 'warning', title: 'The refresh token flow does not require the consumer secret' },
  { id: 'introspect-all-tokens', defaultSeverity: 'warning', title: 'The app may introspect every token in the org' },
  { id: 'permitted-users-self-authorize', defaultSeverity: 'warning', title: 'Every user may self-authorize the app' },
  { id: 'ip-relaxation-relaxed', defaultSeverity: 'warning', title: 'IP restrictions are relaxed for the app' },
  { id: 'refresh-token-long-lived', defaultSeverity: 'warning', title: 'Refresh tokens never expire or live longer than 30 days' },
  { id: 'session-level-blocks-headless', defaultSeverity: 'warning', title: "A high-assurance session requirement blocks the app's headless flow" },
  { id: 'execution-user-org-specific', defaultSeverity: 'information', title: 'A client credentials execution user that exists in one org only is in source' },
  { id: 'callback-url-insecure', defaultSeverity: 'warning', title: 'A callback URL uses http:// to a host that is not the loopback' },
  { id: 'schema-unknown-element', defaultSeverity: 'warning', title: 'An element the Metadata API schema does not have here' },
  { id: 'schema-missing-element', defaultSeverity: 'error', title: 'A required element is missing' },
  { id: 'schema-invalid-value', defaultSeverity: 'error', title: 'A value its element does not allow' },
  { id: 'schema-duplicate-element', defaultSeverity: 'error', title: 'An element that may appear once is given twice' },
  { id: 'schema-root-mismatch', defaultSeverity: 'error', title: 'The root element is not the type the file name says, or lacks the metadata namespace' },
  { id: 'scope-unknown', defaultSeverity: 'warning', title: 'An OAuth scope that is not a scope name' },
  { id: 'org-scoped-app-not-dev-hub', defaultSeverity: 'warning', title: "The org in orgScopedExternalApp / oauthLink is not the Dev Hub's" },
  { id: 'packaged-component-removed', defaultSeverity: 'error', title: 'A header or OAuth settings component that shipped at --since REF no longer ships' },
  { id: 'manifest-type-name', defaultSeverity: 'warning', title: "A package.xml type name is a near miss of an ECA type, or retrieves types that can't be packaged" },
  { id: 'cli-metadata-type-case', defaultSeverity: 'information', title: 'An ECA type name given to sf ... --metadata in PascalCase (lower-case is the safe spelling)' },
  { id: 'global-settings-in-source', defaultSeverity: 'warning', title: 'Global OAuth settings are in source control' },
  { id: 'preauthorized-admin-access', defaultSeverity: 'warning', title: 'A pre-authorised profile or permission set has administrator access' },
  { id: 'preauthorized-name-unresolved', defaultSeverity: 'information', title: 'A pre-authorised permission set or profile is not in the project' },
  { id: 'integration-user-standard', defaultSeverity: 'information', title: 'A pre-authorised profile is not an API-only integration profile' },
  { id: 'oauth-insecure-flows-allowed', defaultSeverity: 'information', title: 'Org OAuth settings do not block the username-password and user-agent flows' },
  { id: 'connected-app-migration', defaultSeverity: 'information', title: 'A Connected App: whether it can be converted to an External Client App' },
];
