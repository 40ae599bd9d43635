/**
 * What a fix is: byte-preserving text edits plus file operations, and whether it may be applied
 * unattended. Rules build these (through the rule kit's `ctx.fix`); the CLI's `--fix`, the server's
 * code actions and fix-all consume them.
 */
import type { Range } from '../util/text';

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

/**
 * `safe`: applying it unattended cannot change what the user meant (set Packaged, add a missing
 * `.forceignore` line, correct a misspelt folder, add the namespace): `--fix` and fix-all apply it.
 * `suggestion`: it changes what ships or removes something (removes a `.forceignore` line that
 * excludes something, deletes, renames or moves a file, removes an element): offered in the editor
 * only, never applied by `--fix` or fix-all.
 */
export type FixKind = 'safe' | 'suggestion';

export interface Fix {
  title: string;
  kind: FixKind;
  /** The fix an editor marks as preferred; `--fix` and fix-all take it when it is also safe. */
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

/** The one fix of a finding that may be applied unattended (`--fix`, fix-all), if any. */
export function unattendedFix(fixes: readonly Fix[]): Fix | undefined {
  return fixes.find((x) => x.preferred && x.kind === 'safe' && !x.snippet);
}
