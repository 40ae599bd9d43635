/**
 * Rule: packageable-excluded
 *
 * The header or OAuth settings of an app sit in a packaged directory but `.forceignore` excludes
 * them, so the package silently ships without the app. Points at the excluding line.
 * Fixes, each checked against the `.forceignore` as it would read afterwards (SDR semantics), both
 * suggestions (they change what ships, and the line may be deliberate):
 * - remove the line(s) that exclude the file, when they name an ECA folder or suffix and removing
 *   them lets no file back in that must stay out (preferred);
 * - else append a `!**\/*.<suffix>-meta.xml` line that re-includes this type, when that works
 *   (it does not when a parent folder is excluded) and lets nothing else back in.
 */
import { applyOffsetEdits, appendLine, removeLine } from '../edits/textEdits';
import { ForceIgnoreFile } from '../project/forceIgnore';
import { TextFile } from '../util/text';
import { defineRule, displayPath, isPackagedDir, tagNameSpan, type EcaFile, type Fix, type ProjectView, type Related } from './kit';

export const rule = defineRule({
  id: 'packageable-excluded',
  severity: 'warning',
  title: 'The app\'s header or OAuth settings are excluded by .forceignore, so the package ships without them',
  check(ctx) {
    const f = ctx.file;
    const t = f.type;
    if (!t || t.packageable !== 'yes' || f.included || !f.exclusion || !isPackagedDir(f)) return [];
    const fi = f.exclusion.forceIgnore;
    const line = f.exclusion.info.line;
    const fiName = displayPath(ctx.project, fi.path);
    const where = line
      ? `line ${line.line + 1} of ${fiName} ("${line.text.trim()}")`
      : `SDR's default pattern "${f.exclusion.info.defaultPattern ?? '**/.*'}" (${fiName} applies it)`;
    const related: Related[] = [];
    if (line) related.push({ path: fi.path, range: ctx.range(fi.path, line.start, line.end), message: 'This line excludes it' });

    // Files this .forceignore keeps out today that must stay out: anything not packageable (one
    // cheap pass; only the few a change could let back in are then tested against it).
    const keptOut: EcaFile[] = [];
    for (const o of ctx.project.files()) {
      if (o.type?.packageable !== 'yes' && o !== f && o.exclusion && (o.exclusion.forceIgnore === fi || o.exclusion.forceIgnore.path === fi.path)) keptOut.push(o);
    }
    const safe = (after: ForceIgnoreFile, could: (o: EcaFile) => boolean) =>
      !after.denies(f.path) && keptOut.every((o) => !could(o) || after.denies(o.path));

    const fixes: Fix[] = [];
    const removal = linesToRemove(ctx.project, fi, f);
    // Removing lines can only let in a file whose excluding (last matching) line is one of them:
    // the line that excludes any other file is still there, and nothing after it re-includes it.
    if (removal && safe(blanked(fi, removal), (o) => !!o.exclusion?.info.line && removal.includes(o.exclusion.info.line.line))) {
      const edits = removal.map((n) => ctx.edit(fi.path, removeLine(fi.file, n)));
      const shown = removal.map((n) => `"${fi.lines[n]!.text.trim()}"`).join(', ');
      fixes.push(ctx.fix(`Remove ${shown} from ${fiName}`, edits, { kind: 'suggestion', preferred: true }));
    } else {
      const metadataFormat = f.nameInfo.kind === 'recognized' && f.nameInfo.metadataFormat;
      const negation = `!**/*.${t.suffix}${metadataFormat ? '' : '-meta.xml'}`;
      const e = appendLine(fi.file, negation);
      const after = new ForceIgnoreFile(fi.path, new TextFile(applyOffsetEdits(fi.file.text, [e]), fi.file.bom));
      // A `!**/*.<suffix>…` line only matches names ending so (case-insensitively): never a file
      // of a type that can't be packaged (its suffix differs), but a misspelt one
      // (`X.ECA-meta.xml`, which SDR rejects) may.
      const ending = negation.slice('!**/*'.length).toLowerCase();
      if (safe(after, (o) => !o.type && o.path.toLowerCase().endsWith(ending))) {
        fixes.push(ctx.fix(`Add "${negation}" to ${fiName} to re-include ${t.label.toLowerCase()} files`, ctx.edit(fi.path, e), { kind: 'suggestion' }));
      }
    }
    const message = `${t.label} (${t.name}) of app "${f.appName ?? f.fullName}" is excluded by ${where}, so package "${f.packageDir!.package}" will not ship ${t.satellite ? 'the app\'s OAuth settings' : 'the app'}.`;
    return [ctx.finding(tagNameSpan(f.xml?.root), message, { related, fixes })];
  },
});

/**
 * The lines whose removal lets the file back in: the excluding line, then (when an earlier line
 * still excludes it) that one, and so on. Only lines that name an ECA folder or suffix are
 * candidates; undefined when a broader line (or an SDR default) excludes the file.
 */
function linesToRemove(project: ProjectView, fi: ForceIgnoreFile, f: EcaFile): number[] | undefined {
  const namesEca = (pattern: string) => {
    const p = pattern.toLowerCase();
    return project.types.all.some((x) => x.packageable === 'yes' && (p.includes(x.directory.toLowerCase()) || p.includes(`.${x.suffix.toLowerCase()}`)));
  };
  const removed: number[] = [];
  let cur = fi;
  for (let guard = 0; guard <= fi.lines.length; guard++) {
    if (!cur.denies(f.path)) return removed.length ? removed.sort((a, b) => a - b) : undefined;
    const l = cur.explain(f.path)?.line;
    if (!l || !namesEca(l.pattern) || removed.includes(l.line)) return undefined;
    removed.push(l.line);
    cur = blanked(fi, removed);
  }
  return undefined;
}

/** The file with some lines emptied (line numbers kept, so `explain` answers in the same numbers). */
function blanked(fi: ForceIgnoreFile, lines: readonly number[]): ForceIgnoreFile {
  const edits = lines.map((n) => ({ ...fi.file.lineSpan(n), newText: '' }));
  return new ForceIgnoreFile(fi.path, new TextFile(applyOffsetEdits(fi.file.text, edits), fi.file.bom));
}
