/**
 * Rule: file-unreadable
 *
 * An ECA-family file that can't be read as text: binary content, invalid UTF-8, too large, or
 * unreadable. ECA Lens skips its content; the sf CLI would fail on it too.
 */
import type { EcaFileRule } from './types';

export const rule: EcaFileRule = {
  id: 'file-unreadable',
  defaultSeverity: 'error',
  title: 'An ECA-family file can\'t be read as text',
  scope: 'eca-file',
  check(ctx) {
    const f = ctx.file;
    if (!f.readProblem) return [];
    return [{ message: `ECA Lens can't read this file: ${f.readProblem}.`, start: 0, end: 0 }];
  },
};
