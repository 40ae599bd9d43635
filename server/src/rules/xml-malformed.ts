/**
 * Rule: xml-malformed
 *
 * An ECA-family file that is not well-formed XML, reported at the parser's position. The rest of
 * the project is still checked.
 */
import type { EcaFileRule } from './types';

export const rule: EcaFileRule = {
  id: 'xml-malformed',
  defaultSeverity: 'error',
  title: 'An ECA-family file is not well-formed XML',
  scope: 'eca-file',
  check(ctx) {
    const f = ctx.file;
    const err = f.xml?.error;
    if (!err || !f.doc) return [];
    const off = f.doc.offsetAt({ line: err.line, character: err.character });
    return [{ message: `Malformed XML: ${err.message}`, start: off, end: Math.min(off + 1, f.doc.text.length) }];
  },
};
