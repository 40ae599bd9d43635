/**
 * Rule: xml-malformed
 *
 * An ECA-family file that is not well-formed XML, reported at the parser's position. The sf CLI
 * fails on such a file when it deploys or packages it. The rest of the project is still checked;
 * rules that read this file's elements (`needsXml`) skip it. No fix.
 */
import { defineRule } from './kit';

export const rule = defineRule({
  id: 'xml-malformed',
  severity: 'error',
  title: 'An ECA-family file is not well-formed XML',
  check(ctx) {
    const f = ctx.file;
    const err = f.xml?.error;
    if (!err || !f.doc) return [];
    // The validator gives no column for some errors (an empty file): the line's start then.
    const line = Number.isFinite(err.line) ? err.line : 0;
    const character = Number.isFinite(err.character) ? err.character : 0;
    const off = f.doc.offsetAt({ line, character });
    const message = f.doc.text.trim() === '' ? 'Malformed XML: the file is empty; it needs a root element' : `Malformed XML: ${err.message}`;
    return [ctx.finding({ start: off, end: Math.min(off + 1, f.doc.text.length) }, message)];
  },
});
