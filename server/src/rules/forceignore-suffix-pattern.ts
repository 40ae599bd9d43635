/**
 * Rule: forceignore-suffix-pattern
 *
 * Source-format files are named `<name>.<suffix>-meta.xml`, so a pattern that ends in an ECA
 * suffix without `-meta.xml` matches none of them: `*.ecaGlblOauth`, `**\/*.ecaOauthPlcy`,
 * `*.ecaGlblOauth-meta`, `*.ecaGlblOauth.xml`. A trailing `/` makes it worse: `*.ecaPlcy/` (or
 * `*.ecaPlcy-meta.xml/`) matches folders only. Silent when the line does match an ECA-family file
 * of the project (e.g. a metadata-format `X.eca` file). Fix (safe): end the pattern with `.<suffix>-meta.xml`.
 */
import { defineRule, patternSpan, replacePattern, shown, type RawFinding } from './kit';

const TAIL = /\.([A-Za-z]+)(-meta\.xml|-meta|\.xml)?(\/*)$/i;

export const rule = defineRule({
  id: 'forceignore-suffix-pattern',
  severity: 'warning',
  title: '.forceignore suffix pattern without -meta.xml matches no source file',
  scope: 'forceignore',
  check(ctx) {
    const fi = ctx.forceIgnore;
    const suffixes = new Map(ctx.project.types.all.map((t) => [t.suffix.toLowerCase(), t]));
    // Made only for a line that names an ECA suffix wrongly (see forceignore-anchored-pattern).
    let files: readonly string[] | undefined;
    const out: RawFinding[] = [];
    for (const l of fi.lines) {
      const s = patternSpan(l);
      if (!s) continue;
      const m = TAIL.exec(s.pattern);
      if (!m) continue;
      const [tail, written, ending = '', slashes] = m as unknown as [string, string, string | undefined, string];
      const t = suffixes.get(written.toLowerCase());
      if (!t) continue;
      if (ending.toLowerCase() === '-meta.xml' && slashes === '') continue; // right
      if ((files ??= ctx.project.filesRelativeTo(fi)).some((r) => fi.lineMatches(l, r))) continue; // it does match something
      const fixed = s.pattern.slice(0, s.pattern.length - tail.length) + `.${written}-meta.xml`;
      const why = slashes
        ? `ends with "/", so it matches folders only; ${t.label} (${t.name}) files are files named "<name>.${t.suffix}-meta.xml"`
        : `matches no ${t.label} (${t.name}) file: source files are named "<name>.${t.suffix}-meta.xml"`;
      out.push(ctx.finding(s, `"${shown(l, s.pattern)}" ${why}. Write "${shown(l, fixed)}".`, ctx.fix(`Change to "${shown(l, fixed)}"`, replacePattern(ctx, fi, s, fixed), { kind: 'safe', preferred: true })));
    }
    return out;
  },
});
