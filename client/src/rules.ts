/**
 * The rule ids and titles the client shows (rule documentation picker, settings schema). Kept as a
 * small list so the client bundle does not carry the rules themselves; a unit test checks it
 * against the server's registry (server/src/rules/index.ts) and against package.json.
 */
export interface RuleInfo {
  id: string;
  defaultSeverity: 'error' | 'warning' | 'information' | 'hint';
  title: string;
}

export const RULES: readonly RuleInfo[] = [
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
  { id: 'forceignore-unpackaged-pattern', defaultSeverity: 'warning', title: '.forceignore holds "**/unpackaged/**", which ignores every file of a retrieve' },  { id: 'global-settings-in-source', defaultSeverity: 'warning', title: 'Global OAuth settings are in source control' },
  { id: 'preauthorized-admin-access', defaultSeverity: 'warning', title: 'A pre-authorised profile or permission set has administrator access' },
  { id: 'preauthorized-name-unresolved', defaultSeverity: 'information', title: 'A pre-authorised permission set or profile is not in the project' },
  { id: 'integration-user-standard', defaultSeverity: 'information', title: 'A pre-authorised profile is not an API-only integration profile' },
  { id: 'oauth-insecure-flows-allowed', defaultSeverity: 'information', title: 'Org OAuth settings do not block the username-password and user-agent flows' },
];

/** The rule's documentation page (the same URL the diagnostics link to). */
export { docsUrl as ruleDocsUrl } from '../../server/src/rules/kit/types';
