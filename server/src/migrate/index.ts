/**
 * Connected App → External Client App. Pure modules: `convert` (one file's text → readiness and the
 * ECA files' text), `plan` (where they go in a project, what is skipped, the ignore lines).
 * The CLI adapter is cli/migrate.ts.
 */
export {
  checkReadiness,
  convertConnectedApp,
  connectedAppFullName,
  ecaFileName,
  refreshTokenPolicy,
  ECA_FILE_KINDS,
  IP_RELAXATION,
  SECRET_WHY,
  type Blocker,
  type Conversion,
  type EcaFile,
  type EcaFileKind,
  type MappedField,
  type Note,
  type Readiness,
  type UnmappedField,
} from './convert';
export { planForFile, planMigration, targetBaseDir, viewPlanHost, type PlanView, type IgnoreEdit, type MigrationInput, type MigrationOptions, type MigrationPlan, type PlanHost, type PlannedApp, type PlannedWrite, type SkippedWrite } from './plan';
export { renderMetadataFile, schemaOrder, METADATA_NS, type XNode } from './xmlWrite';
