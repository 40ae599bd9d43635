/**
 * Rule: orphan-satellite
 *
 * A satellite (OAuth settings, global settings, a policy file, ...) whose
 * `<externalClientApplication>` names no header in the project, or that has none. It can't be
 * deployed without its app.
 */
import { child } from '../metadata/parse';
import type { EcaFileRule } from './types';
import { rootNameSpan } from './util';

export const rule: EcaFileRule = {
  id: 'orphan-satellite',
  defaultSeverity: 'error',
  title: 'A satellite file names no External Client App header in the project',
  scope: 'eca-file',
  check(ctx) {
    const f = ctx.file;
    const root = f.xml?.root;
    if (!f.type?.satellite || !root) return [];
    const el = child(root, 'externalClientApplication');
    if (!el || !el.text.trim()) {
      return [{ message: `${f.type.label} file has no <externalClientApplication>; every ${f.type.name} must name its app.`, ...rootNameSpan(f) }];
    }
    if (ctx.app && ctx.app.headers.length > 0) return [];
    return [{
      message: `${f.type.label} points at app "${el.text.trim()}", but no ${el.text.trim()}.eca-meta.xml header is in this project; it can't be deployed without its app.`,
      start: el.contentStart,
      end: el.contentEnd,
    }];
  },
};
