/**
 * The analysis core's front door for adapters (CLI, language server, tests): find projects,
 * index them, check, describe the inventory. No vscode, no LSP connection here. The rooms behind
 * it: project/ (discover), model/ (the workspace model), engine/ (the runner), views/.
 */
import type { FsHost } from './project/fsHost';
import { EcaProject, type EngineOptions } from './engine/project';

export { EcaProject, type EngineOptions, type ChangeResult } from './engine/project';
export { WorkspaceModel, type ModelOptions } from './model/workspace';
export type { EcaFile, AppInfo, ProjectView } from './model/types';
export type { Finding, Severity, SeverityOrOff, Rule } from './rules/kit/types';
export type { Fix, FixKind, TextEdit, FileOp } from './edits/types';
export { docsUrl } from './rules/kit/types';
export { ALL_RULES, RULES_BY_ID } from './rules/index';
export { findProjectRoots, SKIP_DIRS } from './project/discover';
export { inventoryJson, type InventoryFileJson } from './views/inventoryJson';

export function openProject(root: string, host: FsHost, options?: EngineOptions): EcaProject {
  const p = new EcaProject(root, host, options);
  p.load();
  return p;
}
