/**
 * Rule: unrecognized-file-name
 *
 * An ECA-looking file SDR would silently drop (`X.eca.xml`: no `-meta`) or reject
 * (`X.ecaOAuth-meta.xml`: the suffix is case-sensitive, "Could not infer a metadata type").
 * Fix: rename to the right suffix.
 */
import * as path from 'node:path';
import type { EcaFileRule, Fix } from './types';

export const rule: EcaFileRule = {
  id: 'unrecognized-file-name',
  defaultSeverity: 'warning',
  title: 'An ECA-looking file name that the sf CLI drops or rejects',
  scope: 'eca-file',
  check(ctx) {
    const f = ctx.file;
    const n = f.nameInfo;
    if (n.kind !== 'unrecognized') return [];
    const base = path.basename(f.path);
    const fixes: Fix[] = [];
    if (n.suggestion) {
      const newPath = path.join(path.dirname(f.path), n.suggestion);
      fixes.push({ title: `Rename to ${n.suggestion}`, preferred: true, edits: [], fileOps: [{ kind: 'rename', path: f.path, newPath }] });
    }
    const why =
      n.reason === 'no-meta'
        ? 'the sf CLI silently drops it (no "-meta" before ".xml"), so it is never deployed or packaged'
        : n.reason === 'wrong-case'
          ? `the suffix ".${n.suffix}" does not match in case; the sf CLI fails with "Could not infer a metadata type"`
          : `".${n.suffix}" is no metadata suffix the sf CLI knows; it fails with "Could not infer a metadata type"`;
    return [{ message: `"${base}": ${why}.${n.suggestion ? ` Did you mean "${n.suggestion}"?` : ''}`, start: 0, end: 0, fixes }];
  },
};
