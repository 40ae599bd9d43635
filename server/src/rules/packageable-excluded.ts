/**
 * Rule: packageable-excluded
 *
 * The header or OAuth settings of an app sit in a packaged directory but `.forceignore` excludes
 * them, so the package silently ships without the app. Points at the excluding line.
 * Fix: remove that line, when it excludes no file that must stay out.
 */
import { removeLine } from '../edits/textEdits';
import type { EcaFileRule, Fix, Related } from './types';
import { displayPath, isPackagedDir, rootNameSpan } from './util';

export const rule: EcaFileRule = {
  id: 'packageable-excluded',
  defaultSeverity: 'warning',
  title: 'The app\'s header or OAuth settings are excluded by .forceignore, so the package ships without them',
  scope: 'eca-file',
  check(ctx) {
    const f = ctx.file;
    const t = f.type;
    if (!t || t.packageable !== 'yes' || f.included || !f.exclusion || !isPackagedDir(f)) return [];
    const fi = f.exclusion.forceIgnore;
    const line = f.exclusion.info.line;
    const where = line
      ? `line ${line.line + 1} of ${displayPath(ctx.project, fi.path)} ("${line.text.trim()}")`
      : `SDR's default pattern "${f.exclusion.info.defaultPattern ?? '**/.*'}" (${displayPath(ctx.project, fi.path)} applies it)`;
    const related: Related[] = [];
    if (line) related.push({ path: fi.path, range: ctx.range(fi.path, line.start, line.end), message: 'This line excludes it' });
    const fixes: Fix[] = [];
    const namesEcaPackageable = (txt: string) =>
      ctx.project.types.all.some((x) => x.packageable === 'yes' && (txt.toLowerCase().includes(x.directory.toLowerCase()) || txt.toLowerCase().includes(`.${x.suffix.toLowerCase()}`)));
    if (line && namesEcaPackageable(line.pattern)) {
      // Only offer to drop the line when it keeps no non-packageable file out of the build.
      const rel = (p: string) => fi.relative(p);
      let keepsOthersOut = false;
      for (const other of ctx.project.files()) {
        if (other.type?.packageable === 'yes' || !other.packageDir) continue;
        const r = rel(other.path);
        if (r !== undefined && fi.lineMatches(line, r)) {
          keepsOthersOut = true;
          break;
        }
      }
      if (!keepsOthersOut) {
        const e = removeLine(fi.file, line.line);
        fixes.push({ title: `Remove "${line.text.trim()}" from ${displayPath(ctx.project, fi.path)}`, preferred: true, edits: [ctx.edit(fi.path, e.start, e.end, e.newText)] });
      }
    }
    return [{
      message: `${t.label} (${t.name}) of app "${f.appName ?? f.fullName}" is excluded by ${where}, so package "${f.packageDir!.package}" will not ship ${t.satellite ? 'the app\'s OAuth settings' : 'the app'}.`,
      ...rootNameSpan(f),
      related,
      fixes,
    }];
  },
};
