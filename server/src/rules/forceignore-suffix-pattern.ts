/**
 * Rule: forceignore-suffix-pattern
 *
 * `*.ecaGlblOauth` does not match `X.ecaGlblOauth-meta.xml`: source-format files end in
 * `-meta.xml`. Fix: append `-meta.xml`.
 */
import { replaceLine } from '../edits/textEdits';
import type { ForceIgnoreRule, RawFinding } from './types';

export const rule: ForceIgnoreRule = {
  id: 'forceignore-suffix-pattern',
  defaultSeverity: 'warning',
  title: '.forceignore suffix pattern without -meta.xml matches no source file',
  scope: 'forceignore',
  check(ctx) {
    const fi = ctx.forceIgnore;
    const suffixes = new Map(ctx.project.types.all.map((t) => [t.suffix.toLowerCase(), t]));
    const out: RawFinding[] = [];
    for (const l of fi.lines) {
      if (!l.isPattern) continue;
      const m = /\.([A-Za-z]+)\/?$/.exec(l.pattern);
      if (!m) continue;
      const t = suffixes.get(m[1]!.toLowerCase());
      if (!t) continue;
      const at = l.text.lastIndexOf(m[0].replace(/\/$/, '')) + m[0].replace(/\/$/, '').length;
      const newText = l.text.slice(0, at) + '-meta.xml' + l.text.slice(at).replace(/^\//, '');
      const e = replaceLine(fi.file, l.line, newText);
      out.push({
        message: `"${l.pattern}" matches no ${t.name} file: source files are named "<name>.${t.suffix}-meta.xml". Write "${l.pattern.replace(/\/$/, '')}-meta.xml".`,
        start: l.start + l.text.indexOf(l.pattern),
        end: l.end,
        fixes: [{ title: 'Append -meta.xml', preferred: true, edits: [ctx.edit(fi.path, e.start, e.end, e.newText)] }],
      });
    }
    return out;
  },
};
