/**
 * Rule: forceignore-unknown-directory
 *
 * A `.forceignore` pattern names a folder that is a near miss of an ECA directory name, e.g.
 * `extlClntAppGlobalOauthSettings` (the real folder is `extlClntAppGlobalOauthSets`) or the type
 * name `extlClntAppOauthConfigurablePolicies` (real: `extlClntAppOauthPolicies`). Such a line
 * silently excludes nothing. Fix: the right name (or drop the line when the right one is there).
 */
import { removeLine, replaceLine } from '../edits/textEdits';
import { editDistance, type EcaTypeInfo } from '../metadata/types';
import type { Fix, ForceIgnoreRule, RawFinding } from './types';

export const rule: ForceIgnoreRule = {
  id: 'forceignore-unknown-directory',
  defaultSeverity: 'warning',
  title: '.forceignore names a folder that is a near miss of an ECA directory',
  scope: 'forceignore',
  check(ctx) {
    const fi = ctx.forceIgnore;
    const types = ctx.project.types;
    const known = new Set(types.directoryNames().map((d) => d.toLowerCase()));
    const existing = ctx.project.directoryNamesLower();
    const out: RawFinding[] = [];
    for (const l of fi.lines) {
      if (!l.isPattern) continue;
      const segs = l.pattern.split('/');
      for (const seg of segs) {
        if (!seg || /[*?[\]]/.test(seg)) continue;
        const lower = seg.toLowerCase();
        if (known.has(lower) || existing.has(lower)) continue;
        const right = nearMiss(seg, types.all);
        if (!right) continue;
        const fixedLine = l.text.replace(seg, right.directory);
        const fixes: Fix[] = [];
        const already = fi.lines.some((o) => o.isPattern && o.text.trim() === fixedLine.trim() && o.line !== l.line);
        if (already) {
          const e = removeLine(fi.file, l.line);
          fixes.push({ title: `Remove this line ("${fixedLine.trim()}" is already there)`, preferred: true, edits: [ctx.edit(fi.path, e.start, e.end, e.newText)] });
        } else {
          const e = replaceLine(fi.file, l.line, fixedLine);
          fixes.push({ title: `Change "${seg}" to "${right.directory}"`, preferred: true, edits: [ctx.edit(fi.path, e.start, e.end, e.newText)] });
        }
        const col = l.text.indexOf(seg);
        out.push({
          message: `"${seg}" is not a folder the sf CLI writes; ${right.name} files live in "${right.directory}". This line excludes nothing${already ? ` (the line "${fixedLine.trim()}" does the job)` : ''}.`,
          start: l.start + col,
          end: l.start + col + seg.length,
          tags: already ? ['unnecessary'] : undefined,
          fixes,
        });
        break;
      }
    }
    return out;
  },
};

function nearMiss(seg: string, types: readonly EcaTypeInfo[]): EcaTypeInfo | undefined {
  const lower = seg.toLowerCase();
  // The type name used as a folder name (extlClntAppOauthConfigurablePolicies, ExternalClientApplication...).
  for (const t of types) if (t.name.toLowerCase() === lower && t.directory.toLowerCase() !== lower) return t;
  if (!/^(extlclntapp|externalclientapp|eca)/.test(lower)) return undefined;
  let best: EcaTypeInfo | undefined;
  let bestD = Infinity;
  for (const t of types) {
    for (const d of [t.directory, ...(t.oldDirectories ?? [])]) {
      const dist = editDistance(lower, d.toLowerCase());
      if (dist < bestD) {
        bestD = dist;
        best = t;
      }
    }
  }
  // Near misses: a few edits away, or "Settings" written for "Sets".
  if (best && bestD <= 4) return best;
  for (const t of types) {
    const d = t.directory.toLowerCase();
    if (lower.replace('settings', 'sets') === d || lower.replace('policies', '') === d.replace('policies', '')) return t;
  }
  return undefined;
}
