/**
 * Rule: forceignore-unknown-directory
 *
 * A `.forceignore` pattern names a folder that is a near miss of an ECA directory name, e.g.
 * `extlClntAppGlobalOauthSettings` (the real folder is `extlClntAppGlobalOauthSets`) or the type
 * name `extlClntAppOauthConfigurablePolicies` (real: `extlClntAppOauthPolicies`). Such a line
 * silently excludes nothing. Silent when a folder of that name really exists in the project.
 * Fixes: the right name (safe), or drop the line when a line with the right name is already there
 * (a suggestion: it removes a line).
 */
import { removeLine } from '../edits/textEdits';
import { editDistance, type EcaTypeInfo } from '../metadata/types';
import { defineRule, patternSpan, replacePattern, shown, type Fix, type RawFinding } from './kit';

export const rule = defineRule({
  id: 'forceignore-unknown-directory',
  severity: 'warning',
  title: '.forceignore names a folder that is a near miss of an ECA directory',
  scope: 'forceignore',
  check(ctx) {
    const fi = ctx.forceIgnore;
    const types = ctx.project.types;
    const known = new Set(types.directoryNames().map((d) => d.toLowerCase()));
    const existing = ctx.project.directoryNamesLower();
    const spans = fi.lines.map((l) => patternSpan(l));
    const out: RawFinding[] = [];
    for (const l of fi.lines) {
      const s = spans[l.line];
      if (!s) continue;
      let at = 0;
      for (const seg of s.pattern.split('/')) {
        const segAt = at;
        at += seg.length + 1;
        // Globs, escapes and file names (with a dot) are not folder names.
        if (!seg || /[*?[\]\\.]/.test(seg)) continue;
        const lower = seg.toLowerCase();
        if (known.has(lower) || existing.has(lower)) continue;
        const right = nearMiss(lower, types.all);
        if (!right) continue;
        const fixed = s.pattern.slice(0, segAt) + right.directory + s.pattern.slice(segAt + seg.length);
        // `ignore` matches case-insensitively: the same pattern in other case is the same line.
        const other = fi.lines.find((o) => o.line !== l.line && o.negated === l.negated && spans[o.line]?.pattern.toLowerCase() === fixed.toLowerCase());
        const fixes: Fix[] = [];
        if (other) {
          const title = `Remove this line ("${shown(other, spans[other.line]!.pattern)}" is already there)`;
          fixes.push(ctx.fix(title, ctx.edit(fi.path, removeLine(fi.file, l.line)), { kind: 'suggestion', preferred: true }));
        } else {
          fixes.push(ctx.fix(`Change "${seg}" to "${right.directory}"`, replacePattern(ctx, fi, s, fixed), { kind: 'safe', preferred: true }));
        }
        const does = l.negated ? 're-includes' : 'excludes';
        const message =
          `"${seg}" is not a folder the sf CLI writes: ${right.label} (${right.name}) files live in "${right.directory}", so this line ${does} nothing.` +
          (other ? ` Line ${other.line + 1} ("${shown(other, spans[other.line]!.pattern)}") already does the job; this one can go.` : ` Write "${shown(l, fixed)}".`);
        out.push(ctx.finding({ start: s.start + segAt, end: s.start + segAt + seg.length }, message, { fixes, tags: other ? ['unnecessary'] : undefined }));
        break;
      }
    }
    return out;
  },
});

/** The ECA type whose directory `lower` (a lower-cased folder name) most likely meant, if any. */
function nearMiss(lower: string, types: readonly EcaTypeInfo[]): EcaTypeInfo | undefined {
  // The type name used as a folder name (extlClntAppOauthConfigurablePolicies, ExternalClientApplication...).
  for (const t of types) if (t.name.toLowerCase() === lower && t.directory.toLowerCase() !== lower) return t;
  if (!/^(extlclntapp|externalclientapp|eca)/.test(lower)) return undefined;
  // A few edits away from exactly one directory name ("Settings" for "Sets" is 4).
  let best: EcaTypeInfo | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const t of types) {
    let d = Infinity;
    for (const dir of [t.directory, ...(t.oldDirectories ?? [])]) d = Math.min(d, editDistance(lower, dir.toLowerCase()));
    if (d < bestD) {
      bestD = d;
      best = t;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best && !tie && bestD <= 4 ? best : undefined;
}
