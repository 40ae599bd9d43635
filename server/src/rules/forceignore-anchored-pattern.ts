/**
 * Rule: forceignore-anchored-pattern
 *
 * A pattern with a `/` at its start or middle is anchored to the `.forceignore`'s folder:
 * `externalClientApps/**` does not match `force-app/main/default/externalClientApps/X`. Flagged when
 * such a line names an ECA directory, matches no ECA-family file, and a corrected pattern would
 * match some. Never flagged when the line matches a file (the folder really is at that path).
 *
 * Corrections tried, in order:
 * - a `.forceignore` inside a package directory with a pattern written from the project root
 *   (`force-app/main/default/extlClntAppPolicies/**` in `force-app/.forceignore`): drop the prefix;
 * - otherwise prefix `**\/`, so the folder matches at any depth.
 * Both are safe: the line then excludes what it names, as it was written to.
 */
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { defineRule, patternSpan, replacePattern, shown, type Fix, type RawFinding } from './kit';

export const rule = defineRule({
  id: 'forceignore-anchored-pattern',
  severity: 'warning',
  title: '.forceignore pattern is anchored to its folder and misses the ECA folder deeper down',
  scope: 'forceignore',
  check(ctx) {
    const fi = ctx.forceIgnore;
    const dirs = new Set(ctx.project.types.directoryNames().map((d) => d.toLowerCase()));
    // The ECA files' paths relative to the .forceignore: 10,000 strings on a big project, made only
    // once a line is anchored and names an ECA folder (most .forceignore files have no such line).
    let rel: readonly string[] | undefined;
    const filesOf = () => (rel ??= ctx.project.filesRelativeTo(fi));
    // The .forceignore's folder relative to the project root ('' at the root).
    const fromRoot = path.relative(ctx.project.root, fi.dir).split(path.sep).join('/');
    const nested = fromRoot !== '' && !fromRoot.startsWith('..') && !path.isAbsolute(fromRoot);
    const out: RawFinding[] = [];
    for (const l of fi.lines) {
      const s = patternSpan(l);
      if (!s) continue;
      const p = s.pattern;
      const body = p.replace(/\/+$/, '');
      if (p.startsWith('**/') || !body.includes('/')) continue; // not anchored
      if (!body.split('/').some((seg) => dirs.has(seg.toLowerCase()))) continue;
      const files = filesOf();
      if (files.length === 0 || files.some((r) => fi.lineMatches(l, r))) continue;
      const rest = p.replace(/^\/+/, '');
      const candidates: string[] = [];
      if (nested && rest.toLowerCase().startsWith(fromRoot.toLowerCase() + '/')) candidates.push(rest.slice(fromRoot.length + 1));
      candidates.push('**/' + rest);
      const fixes: Fix[] = [];
      let example: string | undefined;
      let best: string | undefined;
      for (const c of candidates) {
        let ig: Ignore;
        try {
          ig = ignore().add(c);
        } catch {
          continue; // `ignore` throws on it (forceignore-invalid-pattern's business)
        }
        const hit = files.find((r) => matches(ig, r));
        if (!hit || c === p) continue;
        example ??= hit;
        best ??= c;
        fixes.push(ctx.fix(`Change to "${shown(l, c)}"`, replacePattern(ctx, fi, s, c), { kind: 'safe', preferred: fixes.length === 0 }));
      }
      if (!example || !best) continue;
      const where = nested ? `this .forceignore's folder (${fromRoot})` : 'the folder of this .forceignore';
      out.push(ctx.finding(s, `"${shown(l, p)}" is anchored to ${where}, so it matches no External Client App file; "${shown(l, best)}" would match ${example}.`, fixes));
    }
    return out;
  },
});

function matches(ig: Ignore, rel: string): boolean {
  try {
    return ig.ignores(rel);
  } catch {
    return false;
  }
}
