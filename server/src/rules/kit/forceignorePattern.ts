/**
 * Where a `.forceignore` line's pattern sits in the file text, and a fix that rewrites only the
 * pattern (the `!`, trailing spaces and line break stay). Shared by the forceignore-* rules.
 */
import type { ForceIgnoreFile, ForceIgnoreLine } from '../../project/forceIgnore';
import type { TextEdit } from '../../edits/types';
import type { EditHelpers } from './types';

export interface PatternSpan {
  /** The pattern as the reader sees it: no `!`, no BOM, no trailing spaces. */
  readonly pattern: string;
  /** Offsets of `pattern` in the file text. */
  readonly start: number;
  readonly end: number;
}

/**
 * The pattern of a line, or undefined for blank lines and comments. A BOM glued to the first line
 * is dropped; when what follows it reads as a comment or a negation (`ignore` no longer sees those
 * as such), the line is left alone: it matches no real path either way.
 */
export function patternSpan(l: ForceIgnoreLine): PatternSpan | undefined {
  if (!l.isPattern || l.skipped) return undefined;
  const pattern = l.pattern.replace(/^\uFEFF/, '');
  if (pattern !== l.pattern && /^[#!]/.test(pattern)) return undefined;
  if (pattern === '') return undefined;
  // The BOM SDR glues to the first line is not in the file text (TextFile.bom); a U+FEFF written
  // anywhere else is, and the offsets start after it.
  const bomInText = pattern !== l.pattern && l.text.charCodeAt(l.negated ? 1 : 0) === 0xfeff;
  const start = l.start + (l.negated ? 1 : 0) + (bomInText ? 1 : 0);
  return { pattern, start, end: start + pattern.length };
}

/**
 * Edit that turns the pattern of span `s` into `newPattern`, touching only the characters that
 * differ (so fixes of two rules on one line, e.g. a folder name and a suffix, do not overlap).
 */
export function replacePattern(ctx: EditHelpers, fi: ForceIgnoreFile, s: PatternSpan, newPattern: string): TextEdit {
  const old = s.pattern;
  let pre = 0;
  while (pre < old.length && pre < newPattern.length && old[pre] === newPattern[pre]) pre++;
  let suf = 0;
  while (suf < old.length - pre && suf < newPattern.length - pre && old[old.length - 1 - suf] === newPattern[newPattern.length - 1 - suf]) suf++;
  return ctx.edit(fi.path, s.start + pre, s.end - suf, newPattern.slice(pre, newPattern.length - suf));
}

/** The line as written, with the `!` when negated (for messages and titles). */
export function shown(l: ForceIgnoreLine, pattern: string): string {
  return `${l.negated ? '!' : ''}${pattern}`;
}
