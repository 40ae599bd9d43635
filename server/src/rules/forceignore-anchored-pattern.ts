/**
 * Rule: forceignore-anchored-pattern
 *
 * A pattern with a `/` at its start or middle is anchored to the `.forceignore`'s folder:
 * `externalClientApps/**` does not match `force-app/main/default/externalClientApps/X`. Flagged when
 * such a line names an ECA directory, matches no ECA-family file, and the same pattern under `**\/`
 * would match some. Fix: prefix `**\/`.
 */
import ignore from 'ignore';
import { replaceLine } from '../edits/textEdits';
import type { ForceIgnoreRule, RawFinding } from './types';

export const rule: ForceIgnoreRule = {
  id: 'forceignore-anchored-pattern',
  defaultSeverity: 'warning',
  title: '.forceignore pattern is anchored to its folder and misses the ECA folder deeper down',
  scope: 'forceignore',
  check(ctx) {
    const fi = ctx.forceIgnore;
    const dirs = new Set(ctx.project.types.directoryNames().map((d) => d.toLowerCase()));
    const files: string[] = [];
    for (const f of ctx.project.files()) {
      const r = fi.relative(f.path);
      if (r !== undefined) files.push(r);
    }
    const out: RawFinding[] = [];
    for (const l of fi.lines) {
      if (!l.isPattern) continue;
      const p = l.pattern;
      const body = p.replace(/\/+$/, '');
      if (p.startsWith('**/') || !body.includes('/')) continue; // not anchored
      if (!body.split('/').some((s) => dirs.has(s.toLowerCase()))) continue;
      if (files.some((r) => fi.lineMatches(l, r))) continue;
      const unanchored = '**/' + p.replace(/^\/+/, '');
      let ig;
      try {
        ig = ignore().add(unanchored);
      } catch {
        continue;
      }
      const hits = files.filter((r) => {
        try {
          return ig.ignores(r);
        } catch {
          return false;
        }
      });
      if (hits.length === 0) continue;
      const lead = l.text.indexOf(p.replace(/^\/+/, '').charAt(0));
      const prefix = l.negated ? '!' : '';
      const newText = l.text.replace(p, unanchored);
      const e = replaceLine(fi.file, l.line, newText);
      out.push({
        message: `"${l.pattern}" is anchored to the folder of this .forceignore, so it matches nothing; the ECA folder is deeper (e.g. ${hits[0]}). Write "${unanchored}".`,
        start: l.start + Math.max(0, lead),
        end: l.end,
        fixes: [{ title: `Change to "${prefix}${unanchored}"`, preferred: true, edits: [ctx.edit(fi.path, e.start, e.end, e.newText)] }],
      });
    }
    return out;
  },
};
