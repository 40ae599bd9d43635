/**
 * Rule: orphan-satellite
 *
 * A satellite (OAuth settings, global settings, a policy file, ...) whose
 * `<externalClientApplication>` names no header in the project, or that has none. A package build
 * can't take it without its app (error); a deploy works only to an org that already has the app
 * (warning, outside packaged builds).
 * Fixes (suggestions, never preferred: they guess and change which app the file belongs to): point it at a header whose name is close (a typo or a
 * case slip; names that differ in digits only are other apps); when the element is missing or
 * empty, the header whose name the file name starts with.
 */
import { editDistance } from '../metadata/types';
import { insertChild, replaceContent } from '../edits/textEdits';
import { child, contentSpan, defineRule, tagNameSpan, type EcaFile, type EcaFileContext, type Fix } from './kit';

export const rule = defineRule({
  id: 'orphan-satellite',
  severity: 'error',
  title: 'A satellite file names no External Client App header in the project',
  appliesTo: ['satellites'],
  needsXml: true,
  check(ctx) {
    const { file: f, root } = ctx;
    const type = f.type!;
    const inBuild = f.included && !!f.packageDir?.package;
    const severity = inBuild ? 'error' : 'warning';
    const el = child(root, 'externalClientApplication');
    const appName = el?.text.trim() ?? '';
    if (!el || !appName) {
      const fixes: Fix[] = [];
      const guess = headerNamedBy(ctx, f.fullName);
      if (guess) {
        const e = el ? replaceContent(el, guess) : insertChild(ctx.doc, root, 'externalClientApplication', guess);
        fixes.push(ctx.fix(`Set externalClientApplication to "${guess}"`, ctx.edit(f.path, e), { kind: 'suggestion' }));
      }
      const message = `${type.label} file has ${el ? 'an empty' : 'no'} <externalClientApplication>; every ${type.name} must name its app.`;
      return [ctx.finding(tagNameSpan(el ?? root), message, { severity, fixes })];
    }
    if (ctx.app && ctx.app.headers.length > 0) return [];
    const consequence = inBuild
      ? `package "${f.packageDir!.package}" can't take it without its app`
      : 'it deploys only to an org that already has that app';
    const fixes: Fix[] = nearHeaders(ctx, appName).map((name) => {
      return ctx.fix(`Change to "${name}"`, ctx.edit(f.path, replaceContent(el, name)), { kind: 'suggestion' });
    });
    const message = `${type.label} points at app "${appName}", but no ${appName}.eca-meta.xml header is in this project; ${consequence}.` +
      (fixes.length ? ` Did you mean ${fixes.map((x) => x.title.slice('Change to '.length)).join(' or ')}?` : '');
    return [ctx.finding(contentSpan(el), message, { severity, fixes })];
  },
});

/** A header's name, lower-cased, and without digits: derived once per (immutable) file object. */
interface NameForms {
  name: string;
  lower: string;
  letters: string;
}
const formsCache = new WeakMap<EcaFile, NameForms>();
function formsOf(g: EcaFile, name: string): NameForms {
  let v = formsCache.get(g);
  if (!v || v.name !== name) {
    const lower = name.toLowerCase();
    v = { name, lower, letters: lower.replace(/[0-9]/g, '') };
    formsCache.set(g, v);
  }
  return v;
}

/**
 * The headers in the project that pass `keep`, by name. One pass over the files with cheap tests
 * (no AppInfo built per app), as a project with thousands of orphans calls it once per finding.
 */
function headerNames(ctx: EcaFileContext, keep: (h: NameForms) => boolean): string[] {
  const out = new Set<string>();
  for (const g of ctx.project.files()) {
    if (g.type && !g.type.satellite && g.appName && !out.has(g.appName) && keep(formsOf(g, g.appName))) out.add(g.appName);
  }
  return [...out].sort();
}

/** Headers whose name differs from `name` in case only or by at most two edits (closest first). */
function nearHeaders(ctx: EcaFileContext, name: string): string[] {
  const lower = name.toLowerCase();
  const letters = lower.replace(/[0-9]/g, '');
  const scored: [string, number][] = [];
  // Names more than two letters longer or shorter can't be two edits away: skip them unscored.
  // Names that differ in digits only (App1, App2) are other apps, not typos.
  const near = (h: NameForms) => Math.abs(h.name.length - name.length) <= 2 && (h.lower === lower || h.letters !== letters);
  for (const h of headerNames(ctx, near)) {
    const d = h.toLowerCase() === lower ? 0 : editDistance(h, name);
    if (d <= 2 && d < Math.max(h.length, name.length) / 2) scored.push([h, d]);
  }
  return scored.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([h]) => h);
}

/** The header that the satellite's file name starts with (`Billing_oauth` → `Billing`), longest first. */
function headerNamedBy(ctx: EcaFileContext, fullName: string): string | undefined {
  const hits = headerNames(ctx, (h) => fullName.startsWith(`${h.name}_`) || fullName === h.name);
  hits.sort((a, b) => b.length - a.length);
  return hits[0];
}
