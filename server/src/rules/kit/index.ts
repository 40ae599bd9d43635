/**
 * The rule kit: everything a rule imports, from one place.
 *
 * - `defineRule(spec)`: the rule object (id, severity, title, scope, `appliesTo`, `needsXml`, check).
 * - the context (`ctx`): `ctx.file` / `ctx.root` / `ctx.doc` / `ctx.app` (eca-file scope),
 *   `ctx.forceIgnore` (forceignore scope), `ctx.project` (the read-only model: files, apps,
 *   package directories, `.forceignore` verdicts, files of a type, other files' text);
 *   `ctx.finding(at, message, extras)`, `ctx.fix(title, edits, { kind })`, `ctx.edit(...)`,
 *   `ctx.range(...)`, `ctx.textOf(path)`.
 * - spans (`tagNameSpan`, `valueSpan`, `contentSpan`), id patterns (`ORG_ID`, `CONSUMER_ID`),
 *   shared fixes (`addForceIgnoreLineFix`, `deleteFileFix`), `.forceignore` pattern helpers.
 *
 * A rule never touches the disk, never imports lsp/ or cli/.
 */
export { defineRule, appliesToType, ruleReads, ruleHelpers, type RuleSpec } from './defineRule';
export * from './types';
export type { Fix, FixKind, FileOp, TextEdit } from '../../edits/types';
export { tagNameSpan, valueSpan, contentSpan, FILE_START } from './spans';
export { ORG_ID, CONSUMER_ID, ORG_ID_SOURCE, isOrgId } from '../../shared/orgId';
export { addForceIgnoreLineFix, deleteFileFix, displayPath, forceIgnoreLineFor, isPackagedDir } from './fixes';
export { patternSpan, replacePattern, shown, type PatternSpan } from './forceignorePattern';
export { child, type XmlElement } from '../../metadata/parse';
export type { EcaFile, AppInfo, ProjectView } from '../../model/types';
export { postureOf, isPackagedApp, APPEXCHANGE_NOTE, heldHere, settingSpan, setSettingEdit, relatedAt } from './posture';
export { replacementCovers } from './replacements';
export type {
  OAuthPosture, Setting, PostureLocation, ScopeToken, CallbackUrl, NameToken, ListSetting, FlowState, PostureRole,
} from '../../metadata/oauthPosture';
export {
  METADATA_NS, rootSchema, isOldNameOf, schemaNodes, schemaParents, ownFields, nearMisses, renameElement, trimmedValueSpan, schemaOrder,
  schemaFor, complexType, scopeNames, editDistance, type SchemaNode, type NearMiss, type SchemaField, type TypeSchema,
} from './schema';
export {
  packagedComponentRemoved, orgScopedAppNotDevHub, orgIdOf, snapshotOfView, fieldOf, shipsInPackage, HEADER, OAUTH_SETTINGS,
  type PlainFinding, type Baseline, type ProjectSnapshot, type SnapshotFile,
} from './release';
export { parseXml } from '../../metadata/parse';
export { OLD_TYPE_NAMES, CONNECTED_APP_TYPE, type EcaTypeInfo } from '../../metadata/types';
export { ecaTypeNames, nearestEcaTypeName, type TypeNameMatch } from './typeNames';
export { gitIgnoreOf, rootGitIgnorePath } from './git';
export * from './access';
