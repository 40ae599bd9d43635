/**
 * What a rule is and what it returns. Rules are pure: they read the context, never the disk.
 */
import type { Range, TextFile } from '../util/text';
import type { EcaFile, AppInfo, ProjectView } from '../inventory/model';
import type { ForceIgnoreFile } from '../project/forceIgnore';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOrOff = Severity | 'off';

export interface TextEdit {
  /** Absolute path of the file the edit applies to. */
  path: string;
  /** Offsets in the file's text (BOM excluded), UTF-16 code units. */
  start: number;
  end: number;
  range: Range;
  newText: string;
}

export type FileOp =
  | { kind: 'create'; path: string; text: string }
  | { kind: 'delete'; path: string }
  | { kind: 'rename'; path: string; newPath: string };

export type FixKind = 'safe' | 'suggestion';

export interface Fix {
  title: string;
  /**
   * `safe`: may be applied unattended (`--fix`, fix-all, "Fix All Hazards").
   * `suggestion`: changes what ships or removes something; offered in the editor only.
   * (Becomes required once every rule declares it.)
   */
  kind?: FixKind;
  /** The one fix `--fix` and "fix all" apply. */
  preferred?: boolean;
  edits: TextEdit[];
  /** Applied after the edits. */
  fileOps?: FileOp[];
  /**
   * The new text holds snippet placeholders (`${1:...}`) the user must fill in: editors insert it
   * as a snippet, `--fix` never applies it.
   */
  snippet?: boolean;
  /** Input the client may supply instead of a placeholder. */
  needs?: 'devHubOrgId';
}

export interface Related {
  path: string;
  range: Range;
  message: string;
}

export type Tag = 'unnecessary' | 'deprecated';

/** What a rule's check returns: offsets in the checked file. */
export interface RawFinding {
  message: string;
  start: number;
  end: number;
  /** Overrides the rule's default severity for this finding (settings still win). */
  severity?: Severity;
  related?: Related[];
  tags?: Tag[];
  fixes?: Fix[];
}

/** A finding as the adapters see it. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  range: Range;
  related?: Related[];
  tags?: Tag[];
  fixes: Fix[];
}

export interface RuleMeta {
  /** Stable kebab-case id: part of the interface (settings, docs URL, SARIF). */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line for lists and SARIF. */
  readonly title: string;
}

/** Helpers every context gives: make edits and ranges for any file the engine knows. */
export interface EditHelpers {
  /** A text edit by offsets in `path` (converted to a range with that file's text). */
  edit(path: string, start: number, end: number, newText: string): TextEdit;
  range(path: string, start: number, end: number): Range;
  /** The text of a file the engine holds (ECA file, .forceignore, sfdx-project.json). */
  textOf(path: string): TextFile | undefined;
}

export interface EcaFileContext extends EditHelpers {
  readonly file: EcaFile;
  readonly app: AppInfo | undefined;
  readonly project: ProjectView;
}

export interface ForceIgnoreContext extends EditHelpers {
  readonly forceIgnore: ForceIgnoreFile;
  readonly project: ProjectView;
}

export interface ProjectFileContext extends EditHelpers {
  readonly project: ProjectView;
}

export interface EcaFileRule extends RuleMeta {
  readonly scope: 'eca-file';
  check(ctx: EcaFileContext): RawFinding[];
}
export interface ForceIgnoreRule extends RuleMeta {
  readonly scope: 'forceignore';
  check(ctx: ForceIgnoreContext): RawFinding[];
}
export interface ProjectFileRule extends RuleMeta {
  readonly scope: 'project';
  check(ctx: ProjectFileContext): RawFinding[];
}

export type Rule = EcaFileRule | ForceIgnoreRule | ProjectFileRule;

export { DOCS_BASE, docsUrl } from '../shared/docs';
