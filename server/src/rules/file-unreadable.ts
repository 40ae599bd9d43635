/**
 * Rule: file-unreadable
 *
 * An ECA-family file that can't be read as text: binary content, invalid UTF-8, too large, or
 * unreadable. ECA Lens skips its content; the sf CLI would fail on it too. No fix.
 */
import { FILE_START, defineRule } from './kit';

export const rule = defineRule({
  id: 'file-unreadable',
  severity: 'error',
  title: 'An ECA-family file can\'t be read as text',
  check(ctx) {
    const f = ctx.file;
    if (!f.readProblem) return [];
    return [ctx.finding(FILE_START, `ECA Lens can't read this file: ${f.readProblem}.`)];
  },
});
