/**
 * What a rule is, what its context offers and what it returns. Rules are pure: they read the
 * context, never the disk. Write rules with `defineRule` (./defineRule.ts); import everything from
 * `./kit` (the kit's index), so the rooms behind it can move without touching rules.
 */
import type { Range, TextFile } from '../../util/text';
import type { XmlElement } from '../../metadata/parse';
import type { OffsetEdit } from '../../edits/textEdits';
import type { Fix, FixKind, FileOp, TextEdit } from '../../edits/types';
import type { EcaFile, AppInfo, ProjectView } from '../../model/types';
import type { ForceIgnoreFile } from '../../project/forceIgnore';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOrOff = Severity | 'off';

export interface Related {
  path: string;
  range: Range;
  message: string;
}

export type Tag = 'unnecessary' | 'deprecated';

/** Offsets in a file's text (BOM excluded). */
export interface Span {
  start: number;
  end: number;
}

/** What a rule's check returns: offsets in the checked file. */
export interface RawFinding extends Span {
  message: string;
  /**
   * Project-scope rules only: the absolute path of the file the finding sits in, when it is not
   * sfdx-project.json (the offsets are then in that file's text).
   */
  path?: string;
  /** Overrides the rule's default severity for this finding (settings still win). */
  severity?: Severity;
  related?: Related[];
  tags?: Tag[];
  /** The fixes, or a function that builds them when they are asked for (LazyFixes). */
  fixes?: Fix[] | LazyFixes;
  /** Lazy fixes: the rule knows they are never empty (the tree shows the finding as fixable without building them). */
  hasFixes?: boolean;
  /**
   * Lazy fixes: the rule knows whether they hold the fix `--fix` and fix-all apply
   * (edits/types.ts `unattendedFix`): true, always; false, never. The CLI counts a finding as
   * fixable without building its fixes, and `--fix` and fix-all skip one that has none to apply.
   * Left out, the fixes are built to find out. test/unit/autoFixable.test.ts and the corpus test
   * check that the claim matches the built fixes.
   */
  autoFixable?: boolean;
}

/**
 * Fixes built when asked for (a code action, fix-all, the CLI's --fix), against the project as it
 * is then: for a rule whose fixes cost more than its check and whose findings come by the
 * thousand (a `.forceignore` edit that puts a folder into the build). Not remembered: each read of
 * `Finding.fixes` builds them again, so they can never be stale, and a changed `.forceignore`
 * need not re-check findings for their sake. The function must only read the project (through
 * the context it closed over: look the file and its app up again, they may have been replaced).
 */
export type LazyFixes = () => Fix[];

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
  /** Lazy fixes the rule says are never empty: `fixes.length > 0` without building them. */
  hasFixes?: boolean;
  /** Lazy fixes the rule says hold (true) or never hold (false) the fix `--fix` applies (RawFinding.autoFixable). */
  autoFixable?: boolean;
}

export interface FixOptions {
  kind: FixKind;
  preferred?: boolean;
  fileOps?: FileOp[];
  snippet?: boolean;
  needs?: 'devHubOrgId';
}

/** The rest of a finding: a fix, fixes, or the full set of optional fields. */
export type FindingExtras = Fix | readonly Fix[] | LazyFixes | { fixes?: readonly Fix[] | LazyFixes; hasFixes?: boolean; autoFixable?: boolean; severity?: Severity; related?: Related[]; tags?: Tag[]; path?: string };

/** Helpers every context gives: edits, ranges, findings and fixes for any file the model knows. */
export interface EditHelpers {
  /** A text edit by offsets in `path` (converted to a range with that file's text). */
  edit(path: string, start: number, end: number, newText: string): TextEdit;
  /** The same from an offset edit (what the `edits/textEdits` helpers return). */
  edit(path: string, e: OffsetEdit): TextEdit;
  range(path: string, start: number, end: number): Range;
  /**
   * The text of a file by absolute path: ECA files, `.forceignore` files and sfdx-project.json
   * the model holds, else any other file of the project (permission sets, profiles, settings,
   * `.gitignore`), read lazily by the model and tracked, so a change to it re-checks the reader.
   */
  textOf(path: string): TextFile | undefined;
}

export interface RuleHelpers extends EditHelpers {
  /** A fix. Every fix says whether it is safe to apply unattended. */
  fix(title: string, edits: TextEdit | readonly TextEdit[], options: FixOptions): Fix;
  /** A finding at a span of the checked file (an element: its value, or its tag name when empty). */
  finding(at: Span | XmlElement, message: string, extras?: FindingExtras): RawFinding;
}

export interface EcaFileContext extends RuleHelpers {
  readonly file: EcaFile;
  readonly app: AppInfo | undefined;
  readonly project: ProjectView;
}

/** The context of a rule with `needsXml: true`: the runner only calls it for a file with a root. */
export interface XmlFileContext extends EcaFileContext {
  readonly root: XmlElement;
  readonly doc: TextFile;
}

export interface ForceIgnoreContext extends RuleHelpers {
  readonly forceIgnore: ForceIgnoreFile;
  readonly project: ProjectView;
}

export interface ProjectFileContext extends RuleHelpers {
  readonly project: ProjectView;
}

export interface RuleMeta {
  /** Stable kebab-case id: part of the interface (settings, docs URL, SARIF). */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line for lists and SARIF. */
  readonly title: string;
}

/**
 * Which ECA-family files an `eca-file` rule reads: type names from the type table
 * (`metadata/types.ts`, ConnectedApp included), `'any-type'` (every recognised type) or
 * `'satellites'` (every type that is not a header). Omitted: every file, unrecognised names too.
 */
export type TypeSelector = string;

export interface EcaFileRule extends RuleMeta {
  readonly scope: 'eca-file';
  readonly appliesTo?: readonly TypeSelector[];
  /** The runner skips files with no parsed XML root (malformed, unreadable). */
  readonly needsXml?: boolean;
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

export { DOCS_BASE, docsUrl } from '../../shared/docs';
