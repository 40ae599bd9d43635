/**
 * Rule: unrecognized-file-name
 *
 * An ECA-looking file the sf CLI drops or rejects. Checked against SDR 12.37:
 * - `X.eca.xml` (no `-meta`): a folder deploy or package build skips it without a word, so it
 *   never ships (naming the file itself fails with "Could not infer a metadata type");
 * - `X.ecaOAuth-meta.xml`: the suffix match is case-sensitive, and `X.ecaFoo-meta.xml`: no such
 *   suffix; both fail the whole deploy or build with "<path>: Could not infer a metadata type".
 * Fix (a suggestion: a rename changes what ships): rename to the right suffix (none offered when no suffix is a clear match, or when a file
 * of that name already exists).
 */
import * as path from 'node:path';
import { FILE_START, defineRule, displayPath, type Fix } from './kit';

export const rule = defineRule({
  id: 'unrecognized-file-name',
  severity: 'warning',
  title: 'An ECA-looking file name that the sf CLI drops or rejects',
  check(ctx) {
    const f = ctx.file;
    const n = f.nameInfo;
    if (n.kind !== 'unrecognized') return [];
    const base = path.basename(f.path);
    const fixes: Fix[] = [];
    let taken = false;
    if (n.suggestion) {
      const newPath = path.join(path.dirname(f.path), n.suggestion);
      taken = !!ctx.project.file(newPath);
      if (!taken) fixes.push(ctx.fix(`Rename to ${n.suggestion}`, [], { kind: 'suggestion', preferred: true, fileOps: [{ kind: 'rename', path: f.path, newPath }] }));
    }
    const why =
      n.reason === 'no-meta'
        ? 'the sf CLI silently skips it (source files end in "-meta.xml"), so it is never deployed or packaged'
        : n.reason === 'wrong-case'
          ? `the suffix ".${n.suffix}" is spelled in the wrong case (the match is case-sensitive); the sf CLI fails with "Could not infer a metadata type"`
          : `".${n.suffix}" is no metadata suffix the sf CLI knows; it fails with "Could not infer a metadata type"`;
    const hint = n.suggestion
      ? taken
        ? ` It looks like "${n.suggestion}", but ${displayPath(ctx.project, path.join(path.dirname(f.path), n.suggestion))} already exists: merge or delete one of them.`
        : ` Did you mean "${n.suggestion}"?`
      : '';
    return [ctx.finding(FILE_START, `"${base}": ${why}.${hint}`, fixes)];
  },
});
