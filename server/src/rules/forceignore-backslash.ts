/**
 * Rule: forceignore-backslash
 *
 * A `.forceignore` line uses `\` as a folder separator. SDR warns ("Your .forceignore file
 * incorrectly uses the backslash ("\") as a folder separator...") and on Linux and macOS such a
 * pattern matches nothing. Fix: use `/`.
 */
import { replaceLine } from '../edits/textEdits';
import type { ForceIgnoreRule, RawFinding } from './types';

/** A backslash that escapes a gitignore special character is an escape, not a separator. */
const SEPARATOR = /\\(?![#! *?[\]\\])/g;

export const rule: ForceIgnoreRule = {
  id: 'forceignore-backslash',
  defaultSeverity: 'warning',
  title: '.forceignore uses a backslash as a folder separator',
  scope: 'forceignore',
  check(ctx) {
    const fi = ctx.forceIgnore;
    const out: RawFinding[] = [];
    for (const l of fi.lines) {
      if (!l.isPattern || !SEPARATOR.test(l.text)) continue;
      SEPARATOR.lastIndex = 0;
      const e = replaceLine(fi.file, l.line, l.text.replace(SEPARATOR, '/'));
      out.push({
        message: `"${l.text.trim()}" uses "\\" as a folder separator; the sf CLI warns and the pattern matches nothing on Linux and macOS. Use "/".`,
        start: l.start,
        end: l.end,
        fixes: [{ title: 'Replace \\ with /', preferred: true, edits: [ctx.edit(fi.path, e.start, e.end, e.newText)] }],
      });
    }
    return out;
  },
};
